using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Npgsql;
using SummitApi.Platform.Catalog;
using SummitApi.Platform.Caching;
using SummitApi.Platform.Data;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Errors;
using SummitApi.Platform.Validation;

namespace SummitApi.Platform.Writes;

/// <summary>
/// POST, PUT, PATCH (JSON Merge Patch) and DELETE for one resource. Every write is one change set:
/// it takes the write lock, checks preconditions and rules against the data as it stands after the
/// lock, writes the row and its citations (the triggers record the revisions), and either commits
/// all of it or nothing.
/// </summary>
/// <summary>Marks the editorial write endpoints (for their documentation).</summary>
public sealed class EditorialWrite
{
    public const string ReasonHeader = "X-Change-Reason";
}

public sealed class ResourceWriter<TInput, TRecord>(RecordResource<TInput, TRecord> resource, ReadOnlyMembers readOnly, ReferenceCheck references)
    where TInput : class
    where TRecord : class
{
    private const int MaxReasonLength = 500;

    public async Task<IResult> CreateAsync(HttpContext http, NpgsqlDataSource dataSource, IOptions<JsonOptions> json)
    {
        var received = await RequestBody.ReadAsync<JsonObject>(http, WriteEndpoints.JsonBody);
        if (received.Problem is not null)
        {
            return received.Problem;
        }
        var idempotencyKey = http.Request.Headers[IdempotentRequests.Header].ToString();
        if (idempotencyKey.Length > IdempotentRequests.MaxKeyLength)
        {
            return Problems.Invalid(IdempotentRequests.Header, $"'{IdempotentRequests.Header}' must be at most {IdempotentRequests.MaxKeyLength} characters.");
        }
        var requestHash = IdempotentRequests.HashOf(http.Request.Method, http.Request.Path, received.Value!);
        var body = ToInput(received.Value!, stored: null);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        return await WriteAsync(http, dataSource, async changeSet =>
        {
            if (idempotencyKey.Length > 0 && await IdempotentRequests.FindAsync(changeSet, KeyId(http), idempotencyKey) is { } first)
            {
                return first.RequestHash.AsSpan().SequenceEqual(requestHash)
                    ? Replay(http, first, json.Value.SerializerOptions)
                    : Problems.Of(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                        $"This {IdempotentRequests.Header} was first used with a different request; use a new key for a new request.");
            }
            var input = body.Value!;
            if (await CheckAsync(changeSet, input) is { } invalid)
            {
                return invalid;
            }
            var id = resource.IdOf(input);
            if (await resource.Lookup.FindAsync(changeSet.Connection, id) is not null)
            {
                return Problems.Of(StatusCodes.Status409Conflict, "Already exists", $"A {Describe()} with the id '{id}' already exists; PUT or PATCH it instead.");
            }
            await RecordRows.InsertAsync(changeSet, resource.Table, resource.Row(input));
            await WriteCitationsAsync(changeSet, id, input);
            var record = await resource.Lookup.FindAsync(changeSet.Connection, id)
                ?? throw new InvalidOperationException($"{resource.Table} {id} was written but cannot be read back.");
            var location = $"{http.Request.PathBase}{http.Request.Path.Value!.TrimEnd('/')}/{Uri.EscapeDataString(id)}";
            if (idempotencyKey.Length > 0)
            {
                await IdempotentRequests.SaveAsync(changeSet, KeyId(http), idempotencyKey, requestHash, location, record, json.Value.SerializerOptions);
            }
            return Respond(http, record, json.Value.SerializerOptions, TypedResults.Created(location, record));
        });
    }

    public Task<IResult> ReplaceAsync(HttpContext http, NpgsqlDataSource dataSource, IOptions<JsonOptions> json) =>
        ChangeExistingAsync(http, dataSource, json, WriteEndpoints.JsonBody, (body, stored) => ToInput(body, stored));

    public Task<IResult> PatchAsync(HttpContext http, NpgsqlDataSource dataSource, IOptions<JsonOptions> json) =>
        // The patch applies to the record as GET serves it, read-only members included: those it leaves
        // alone go back unchanged, and one it changes is named.
        ChangeExistingAsync(http, dataSource, json, WriteEndpoints.MergePatchBody, (patch, stored) => ToInput((JsonObject)JsonMergePatch.Apply(stored, patch)!, stored));

    /// <summary>PUT and PATCH: the record must exist and If-Match name its current ETag; the body makes the new write model from the stored one.</summary>
    private async Task<IResult> ChangeExistingAsync(
        HttpContext http, NpgsqlDataSource dataSource, IOptions<JsonOptions> json, string contentType, Func<JsonObject, JsonObject, RequestBody.Read<TInput>> replacementOf)
    {
        var id = RecordId(http);
        if (MissingIfMatch(http) is { } missing)
        {
            return missing;
        }
        var body = await RequestBody.ReadAsync<JsonObject>(http, contentType);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var options = json.Value.SerializerOptions;
        return await WriteAsync(http, dataSource, async changeSet =>
        {
            var current = await resource.Lookup.FindAsync(changeSet.Connection, id);
            if (current is null)
            {
                return Problems.NotFound(Describe(), id);
            }
            if (StalePrecondition(http, current, options) is { } stale)
            {
                return stale;
            }
            var replacement = replacementOf(body.Value!, (JsonObject)JsonSerializer.SerializeToNode(current, options)!);
            return replacement.Problem ?? await SaveReplacementAsync(http, changeSet, id, replacement.Value!, options);
        });
    }

    public async Task<IResult> DeleteAsync(HttpContext http, NpgsqlDataSource dataSource, IOptions<JsonOptions> json)
    {
        var id = RecordId(http);
        if (MissingIfMatch(http) is { } missing)
        {
            return missing;
        }
        return await WriteAsync(http, dataSource, async changeSet =>
        {
            var current = await resource.Lookup.FindAsync(changeSet.Connection, id);
            if (current is null)
            {
                return Problems.NotFound(Describe(), id);
            }
            if (StalePrecondition(http, current, json.Value.SerializerOptions) is { } stale)
            {
                return stale;
            }
            if (resource.CitationsOf is not null)
            {
                await RecordRows.ReplaceCitationsAsync(changeSet, resource.Table, id, []);
            }
            await RecordRows.DeleteAsync(changeSet, resource.Table, id);
            return TypedResults.NoContent();
        });
    }

    private async Task<IResult> SaveReplacementAsync(HttpContext http, ChangeSet changeSet, string id, TInput input, JsonSerializerOptions options)
    {
        if (resource.IdOf(input) != id)
        {
            return Problems.Invalid("id", $"'id' is '{resource.IdOf(input)}' but the path names '{id}'; an id cannot change.");
        }
        if (await CheckAsync(changeSet, input) is { } invalid)
        {
            return invalid;
        }
        await RecordRows.UpdateAsync(changeSet, resource.Table, id, resource.Row(input));
        await WriteCitationsAsync(changeSet, id, input);
        var record = await resource.Lookup.FindAsync(changeSet.Connection, id)
            ?? throw new InvalidOperationException($"{resource.Table} {id} was written but cannot be read back.");
        return Respond(http, record, options, TypedResults.Ok(record));
    }

    /// <summary>Runs one change set; commits only when the step answers with a success that changed something.</summary>
    private static async Task<IResult> WriteAsync(HttpContext http, NpgsqlDataSource dataSource, Func<ChangeSet, Task<IResult>> step)
    {
        var reason = http.Request.Headers[EditorialWrite.ReasonHeader].ToString();
        if (reason.Length > MaxReasonLength)
        {
            return Problems.Invalid(EditorialWrite.ReasonHeader, $"'{EditorialWrite.ReasonHeader}' must be at most {MaxReasonLength} characters.");
        }
        try
        {
            await using var changeSet = await ChangeSet.BeginAsync(dataSource, "key:" + KeyId(http), reason.Length > 0 ? reason : null, http.RequestAborted);
            var result = await step(changeSet);
            // A replayed POST or a PUT that changes nothing writes no revision, and then no data
            // revision is spent on it either.
            var succeeded = result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };
            if (succeeded && await changeSet.WritesAsync(http.RequestAborted) is { Count: > 0 } writes)
            {
                await changeSet.CommitAsync(http.RequestAborted);
                // Before the response leaves: the writer's next read on this instance must not be an older cached one.
                http.RequestServices.GetRequiredService<ResponseCache>().Changed(changeSet.Seq, writes);
            }
            if (succeeded && http.RequestServices.GetService<ReadReplica>() is not null)
            {
                // Issued for a write that changed nothing too: the client then reads at least what it saw.
                http.Response.Headers[ConsistencyToken.Header] = await ConsistencyToken.IssueAsync(changeSet.Connection);
            }
            return result;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.CheckViolation
                                             or PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.NotNullViolation)
        {
            // The rules the validators share with the schema passed, so what is left is a rule about
            // other records: a delete that others still refer to, or a record's last citation.
            return Problems.Of(StatusCodes.Status409Conflict, "The change conflicts with other records", e.MessageText);
        }
    }

    private async Task<IResult?> CheckAsync(ChangeSet changeSet, TInput input)
    {
        if (TextLimits.Violations(input) is { Count: > 0 } tooLong)
        {
            return TypedResults.ValidationProblem(tooLong, title: "One or more fields are too long.");
        }
        ValidationResult result = await references.ValidateAsync(changeSet, input, resource.Validator);
        return result.IsValid ? null : TypedResults.ValidationProblem(
            result.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()),
            title: "One or more fields are invalid.");
    }

    /// <summary>
    /// The write model of a body in the shape GET serves. Members an editor does not write (those the service
    /// derives, such as a statement's partyId or a citation's recordPath, and those written through a resource of
    /// their own) may come back exactly as <paramref name="stored"/> holds them, and are then dropped, so a client
    /// can send back what it read; given with any other value (or at all, when nothing is stored yet) each is a 400
    /// naming it.
    /// </summary>
    private RequestBody.Read<TInput> ToInput(JsonObject body, JsonObject? stored)
    {
        var refused = new Dictionary<string, string[]>();
        foreach (var (name, reason) in readOnly.Reasons)
        {
            if (!body.TryGetPropertyValue(name, out var sent))
            {
                continue;
            }
            if (stored is not null && stored.TryGetPropertyValue(name, out var current) && JsonNode.DeepEquals(sent, current))
            {
                body.Remove(name);
            }
            else
            {
                refused[name] = [$"'{name}' is read-only here: {reason}. Send it back as read, or leave it out."];
            }
        }
        return refused.Count > 0
            ? new(null, TypedResults.ValidationProblem(refused, title: "The body changes read-only fields."))
            : RequestBody.Deserialize<TInput>(body);
    }

    private Task WriteCitationsAsync(ChangeSet changeSet, string id, TInput input) =>
        resource.CitationsOf is null ? Task.CompletedTask : RecordRows.ReplaceCitationsAsync(changeSet, resource.Table, id, resource.CitationsOf(input));

    private static IResult? MissingIfMatch(HttpContext http) =>
        http.Request.Headers.IfMatch.Count == 0
            ? Problems.Of(StatusCodes.Status428PreconditionRequired, "If-Match required",
                "Send If-Match with the ETag of the record as you last read it, so that no one else's change is overwritten unseen.")
            : null;

    private static IResult? StalePrecondition(HttpContext http, TRecord current, JsonSerializerOptions options)
    {
        var etag = ETagOf(current, options);
        var matches = EntityTagHeaderValue.TryParseList(http.Request.Headers.IfMatch, out var tags)
            && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || (!tag.IsWeak && ETags.SameRepresentation(tag.Tag.ToString(), etag)));
        return matches ? null : Problems.Of(StatusCodes.Status412PreconditionFailed, "The record has changed",
            "If-Match does not name the record's current ETag: someone changed it since you read it. Read it again, then retry.");
    }

    private static IResult Respond(HttpContext http, TRecord record, JsonSerializerOptions options, IResult result)
    {
        http.Response.Headers.ETag = ETagOf(record, options);
        return result;
    }

    private static IResult Replay(HttpContext http, IdempotentRequests.StoredResponse first, JsonSerializerOptions options)
    {
        var record = JsonSerializer.Deserialize<TRecord>(first.Body, options)!;
        return Respond(http, record, options, TypedResults.Created(first.Location, record));
    }

    /// <summary>The ETag GET gives the record: a hash of the exact bytes of its JSON.</summary>
    private static string ETagOf(TRecord record, JsonSerializerOptions options) =>
        ETags.Compute(JsonSerializer.SerializeToUtf8Bytes(record, options.GetTypeInfo(typeof(TRecord))));

    private string RecordId(HttpContext http) => (string)http.Request.RouteValues[resource.IdParameter]!;

    private string Describe() => resource.Table.Replace('_', ' ');

    private static string KeyId(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A write reached its handler without an authenticated API key.");
}
