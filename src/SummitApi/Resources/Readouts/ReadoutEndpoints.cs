using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using SummitApi.Platform.Http;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Errors;
using SummitApi.Resources.ReadoutDifferences;

namespace SummitApi.Resources.Readouts;

public static class ReadoutEndpoints
{
    public static void MapReadouts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Readouts")
            .ReadsTables("readout", "readout_statement", "summit", "outcome", "citation", "topic");
        group.MapGet("/summits/{summitId}/readouts", ListSummitReadouts).WithName("ListSummitReadouts")
            .WithSummary("List a summit's readouts")
            .WithDescription("Each party's accounts of the summit (official summaries, ministry statements, leaders' remarks, posts), ordered by id, one page at a time; each readout embeds its statements topic by topic, ordered by id.");
        group.MapGet("/summits/{summitId}/readout-differences", GetReadoutDifferences).WithName("GetReadoutDifferences")
            .WithSummary("Compare a summit's readouts topic by topic")
            .WithDescription("""
                Each party's stance on each topic side by side, and how they compare; computed on every request from the
                readout statements and outcomes, never stored. Not paged: one item per topic, ordered by topic.

                - Parties compared: the summit's participating parties plus the parties of its readouts.
                - Topics compared: every topic that a statement of the summit's readouts or an outcome of the summit touches.
                - A party's stance on a topic: `asserts` if a statement of that party's readouts on the topic asserts
                  (basis `statement`, or `source_report` when every such statement is a source's report of the party's
                  words without naming the account); else `not_mentioned` (basis `source_remark`) if a statement records a
                  source saying the account left the topic out; else `not_reported` (basis `none`) if the party has
                  readouts: no source says what they said on the topic, which is silence, not an omission; else
                  `no_readout` (basis `none`). Not mentioned is never a denial. The statements a stance rests on are
                  listed with their citations.
                - Classification: `conflicting` when a statement on the topic is linked as contradicting (in either
                  direction) a statement of another party on the topic; else, when some party asserts, `consistent` if
                  every party asserts and statements of every party are linked as agreeing (directly or through one
                  another: one claim), otherwise `one_sided`; else, when no party asserts, `absent_from_all` if every
                  party's stance is `not_mentioned`, otherwise `unattributed` (the sources report the topic without
                  saying whose account carries it).
                """);
        group.MapGet("/readouts/{readoutId}", GetReadout).WithName("GetReadout").ReadsOneRecordOf("readout", "readoutId")
            .WithSummary("Get a readout")
            .WithDescription("One side's account of a summit: its party, issuer, publication date (with precision), tone and citations, with its statements topic by topic, ordered by id.");
        group.MapGet("/readout-statements/{statementId}", GetReadoutStatement).WithName("GetReadoutStatement").ReadsOneRecordOf("readout_statement", "statementId")
            .WithSummary("Get a readout statement")
            .WithDescription("What one readout says, or is noted to leave out, on one topic: its stance and what that rests on (basis), the actor it quotes, its claim, linked outcome or concession, the statements of another party it contradicts or agrees with, and citations.");
    }

    /// <param name="summitId">The summit's id, e.g. busan-2025.</param>
    public static async Task<Results<Ok<Page<ReadoutDto>>, NotFound<ProblemDetails>, ValidationProblem>> ListSummitReadouts(
        string summitId, [AsParameters] PageParameters paging)
    {
        var request = paging.Start();
        request.RequireParent("summit", summitId);
        // Two statements, the readouts and then their statements: one snapshot, so that they agree.
        await using var connection = await paging.OpenAsync(request, snapshot: true);
        var page = await request.ReadPageAsync<ReadoutDto>(connection, ReadoutQueries.ListBySummit, new { summitId }, r => [r.Id]);
        if (page is null)
        {
            return request.IsValid ? Problems.NotFound("summit", summitId) : request.Problem();
        }
        return TypedResults.Ok(page with { Items = await WithStatementsAsync(connection, page.Items) });
    }

    /// <param name="readoutId">The readout's id, e.g. cn-government-summary-busan.</param>
    public static Task<Results<Ok<ReadoutDto>, NotFound<ProblemDetails>>> GetReadout(string readoutId, [AsParameters] ReadParameters read) =>
        read.FindAsync(ReadoutResource.Definition, readoutId);

    /// <param name="statementId">The statement's id, e.g. us-trump-remarks-12-out-of-10.</param>
    public static Task<Results<Ok<ReadoutStatementDto>, NotFound<ProblemDetails>>> GetReadoutStatement(string statementId, [AsParameters] ReadParameters read) =>
        read.FindAsync(ReadoutResource.Statements, statementId);

    /// <param name="summitId">The summit's id, e.g. busan-2025.</param>
    /// <param name="topic">Only this topic (a topics code, e.g. taiwan).</param>
    /// <param name="classification">Only topics classified so: consistent, conflicting, one_sided, absent_from_all or unattributed.</param>
    public static async Task<Results<SerializedJson<ReadoutDifferencesDto>, NotFound<ProblemDetails>, ValidationProblem>> GetReadoutDifferences(
        string summitId, [FromQuery] string? topic, [FromQuery] string? classification,
        [AsParameters] ReadParameters read, CursorCodec cursors, ReadoutDifferenceMemo memo)
    {
        // Not a paged list, but its filters are checked and reported the same way.
        var request = new ListRequest(read.Http, cursors, limit: null, cursor: null);
        if (classification is not null && !DifferenceClassifier.Classifications.Contains(classification))
        {
            request.AddError("classification", $"'classification' must be one of {string.Join(", ", DifferenceClassifier.Classifications)}.");
        }
        await using var connection = await read.OpenForOneStatementAsync();
        var (topicKnown, comparison) = await memo.ReadAsync(connection, summitId, topic);
        if (!topicKnown)
        {
            request.AddError("topic", ListRequest.MissingMessage(topic!, "topic", "code"));
        }
        if (!request.IsValid)
        {
            return request.Problem();
        }
        if (comparison is null)
        {
            return Problems.NotFound("summit", summitId);
        }
        if (topic is null && classification is null)
        {
            return SerializedJson<ReadoutDifferencesDto>.Of(comparison.Json(differences => SerializedJson<ReadoutDifferencesDto>.Serialize(read.Http, differences)));
        }
        var differences = comparison.Differences;
        return SerializedJson<ReadoutDifferencesDto>.Of(read.Http, differences with
        {
            Items = differences.Items
                .Where(d => (topic is null || d.Topic == topic) && (classification is null || d.Classification == classification))
                .ToList(),
        });
    }

    /// <summary>Fills in the statements of a page of readouts with one query, not one per readout.</summary>
    internal static async Task<IReadOnlyList<ReadoutDto>> WithStatementsAsync(NpgsqlConnection connection, IReadOnlyList<ReadoutDto> readouts)
    {
        var statements = (await connection.QueryAsync<ReadoutStatementDto>(
            ReadoutQueries.StatementsOfReadouts, new { ids = readouts.Select(r => r.Id).ToArray() })).ToLookup(s => s.ReadoutId);
        return readouts.Select(r => r with { Statements = statements[r.Id].ToList() }).ToList();
    }
}
