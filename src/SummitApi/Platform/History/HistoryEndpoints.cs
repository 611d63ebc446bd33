using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using SummitApi.Platform.Catalog;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Errors;

namespace SummitApi.Platform.History;

public static class HistoryEndpoints
{
    private const string FeedScope = "changes";

    public static void MapChangeFeed(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/changes", ListChanges).WithName("ListChanges").WithTags("History")
            .WithSummary("Follow the change feed")
            .WithDescription("Every change to every record in commit order (data revision, then its place in the change set): what changed, its new version, the operation and who made it. Poll with `since` set to the previous answer's nextCursor, which is never null; an empty items means nothing new yet. A client that polls this way never misses a change or sees one twice, however writes interleave.");
    }

    /// <summary>Maps GET {item}/revisions for one resource: every version of the record, the delete included.</summary>
    public static void MapRevisions(this IEndpointRouteBuilder routes, string itemRoute, string idParameter, string table, string tag)
    {
        routes.MapGet(itemRoute + "/revisions",
                ([AsParameters] PageParameters paging) => ListRevisions(table, (string)paging.Http.Request.RouteValues[idParameter]!, paging))
            .WithName($"List{string.Concat(table.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]))}Revisions")
            .WithTags(tag)
            .ReadsTables(table).ReadsOneRecordOf(table, idParameter)
            .WithSummary($"List the revisions of {RecordNames.WithArticle(table)}")
            .WithDescription("Every version of the record in order, from its creation to its delete if it was deleted: the data revision that made it, when it was valid, who wrote it and why, and its stored fields as they stood. With asOf, only the versions made by then.");
    }

    public static async Task<Results<Ok<Page<RevisionDto>>, NotFound<ProblemDetails>, ValidationProblem>> ListRevisions(
        string entity, string id, PageParameters paging)
    {
        var request = paging.Start();
        await using var connection = await paging.OpenAsync(request);
        var page = await request.ReadPageAsync<RevisionRow>(connection, HistoryQueries.Revisions, new { entity, id },
            r => [r.Version.ToString(CultureInfo.InvariantCulture)]);
        if (page is null)
        {
            return request.Problem();
        }
        if (page.Items.Count == 0 && request.After is null)
        {
            return Problems.NotFound(entity.Replace('_', ' '), id);
        }
        return TypedResults.Ok(new Page<RevisionDto>([.. page.Items.Select(r => r.ToDto())], page.NextCursor));
    }

    /// <param name="since">The nextCursor of the previous poll; omit it to start from the first change.</param>
    /// <param name="limit">Changes per page, 1 to 500 (default 50).</param>
    [NoAsOf]
    public static async Task<Results<Ok<ChangeFeedPage>, ValidationProblem>> ListChanges(
        [FromQuery] string? since, [FromQuery] int? limit, NpgsqlDataSource dataSource, CursorCodec cursors, HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var position = (Seq: 0L, Ordinal: 0);
        if (since is not null)
        {
            if (cursors.TryDecode(since, FeedScope, out var decoded) && decoded!.After is [var seq, var ordinal]
                && long.TryParse(seq, CultureInfo.InvariantCulture, out var s) && int.TryParse(ordinal, CultureInfo.InvariantCulture, out var o))
            {
                position = (s, o);
            }
            else
            {
                errors["since"] = ["'since' is not a position this feed issued (edited, or from another list)."];
            }
        }
        if (ListRequest.LimitProblem(limit) is { } problem)
        {
            errors["limit"] = [problem];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "One or more query parameters are invalid.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var changes = (await connection.QueryAsync<ChangeDto>(HistoryQueries.Changes,
            new { afterSeq = position.Seq, afterOrdinal = position.Ordinal, limit = limit ?? ListRequest.DefaultLimit })).AsList();
        if (changes.Count > 0)
        {
            position = (changes[^1].Seq, changes[^1].Ordinal);
        }
        return TypedResults.Ok(new ChangeFeedPage(changes, Position(cursors, position.Seq, position.Ordinal)));
    }

    /// <summary>The feed position just after every change of data revision <paramref name="dataRevision"/>: an export's changesSince.</summary>
    public static string PositionAfter(CursorCodec cursors, long dataRevision) => Position(cursors, dataRevision, int.MaxValue);

    private static string Position(CursorCodec cursors, long seq, int ordinal) =>
        cursors.Encode(new CursorPosition(seq, [seq.ToString(CultureInfo.InvariantCulture), ordinal.ToString(CultureInfo.InvariantCulture)], FeedScope));

    private sealed record RevisionRow(int Version, long Seq, string Operation, DateTime ValidFrom, DateTime? ValidTo, string Author, string? Reason, string? Body)
    {
        // Columns that exist only for the database (search vectors, period ends for filters).
        private static readonly HashSet<string> InternalColumns = ["search", "date_end"];

        public RevisionDto ToDto() => new()
        {
            Version = Version,
            Seq = Seq,
            Operation = Operation,
            ValidFrom = ValidFrom,
            ValidTo = ValidTo,
            Author = Author,
            Reason = Reason,
            Body = Body is null ? null : CamelCase(JsonNode.Parse(Body)!.AsObject()),
        };

        private static JsonObject CamelCase(JsonObject row)
        {
            var result = new JsonObject();
            foreach (var (name, value) in row.Where(p => !InternalColumns.Contains(p.Key)))
            {
                var camel = string.Concat(name.Split('_').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
                result[camel] = value?.DeepClone();
            }
            return result;
        }
    }
}
