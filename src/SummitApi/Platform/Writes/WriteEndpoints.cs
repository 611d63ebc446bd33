using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using SummitApi.Platform.Auth;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Caching;
using SummitApi.Platform.Http;
using SummitApi.Resources.Shared;
using SummitApi.Resources.Actors;
using SummitApi.Resources.Assessments;
using SummitApi.Resources.Concessions;
using SummitApi.Platform.History;
using SummitApi.Resources.ContextFigures;
using SummitApi.Resources.Outcomes;
using SummitApi.Resources.Readouts;
using SummitApi.Resources.Sources;
using SummitApi.Resources.Citations;
using SummitApi.Resources.Summits;
using SummitApi.Resources.Timeline;

namespace SummitApi.Platform.Writes;

/// <summary>
/// The editorial writes (POST on each collection, PUT, PATCH and DELETE on each item) and each
/// record's revision history, which those writes make.
/// </summary>
public static class WriteEndpoints
{
    public const string JsonBody = "application/json";
    public const string MergePatchBody = "application/merge-patch+json";

    public static void MapWrites(this RouteGroupBuilder api)
    {
        api.Map(new WritableResource<SummitInput, SummitDto>
        {
            Path = "summits", IdParameter = "summitId", Table = "summit", Name = "Summit", Tag = "Summits",
            Validator = catalog => new SummitInputValidator(catalog), IdOf = s => s.Id, CitationsOf = s => s.Citations,
            FindAsync = FindBy<SummitDto>(SummitQueries.ById),
        });
        api.Map(new WritableResource<ActorInput, ActorDto>
        {
            Path = "actors", IdParameter = "actorId", Table = "actor", Name = "Actor", Tag = "Actors",
            Validator = catalog => new ActorInputValidator(catalog), IdOf = a => a.Id, CitationsOf = a => a.Citations,
            FindAsync = FindBy<ActorDto>(ActorQueries.ById),
        });
        api.Map(new WritableResource<OutcomeInput, OutcomeDto>
        {
            Path = "outcomes", IdParameter = "outcomeId", Table = "outcome", Name = "Outcome", Tag = "Outcomes",
            Validator = catalog => new OutcomeInputValidator(catalog), IdOf = o => o.Id, CitationsOf = o => o.Citations,
            FindAsync = FindBy<OutcomeDto>(OutcomeQueries.ById),
        });
        api.Map(new WritableResource<ConcessionInput, ConcessionDto>
        {
            Path = "concessions", IdParameter = "concessionId", Table = "concession", Name = "Concession", Tag = "Concessions",
            Validator = catalog => new ConcessionInputValidator(catalog), IdOf = c => c.Id, CitationsOf = c => c.Citations,
            FindAsync = FindBy<ConcessionDto>(ConcessionQueries.ById),
        });
        api.Map(new WritableResource<ReadoutInput, ReadoutDto>
        {
            Path = "readouts", IdParameter = "readoutId", Table = "readout", Name = "Readout", Tag = "Readouts",
            Validator = catalog => new ReadoutInputValidator(catalog), IdOf = r => r.Id, CitationsOf = r => r.Citations,
            FindAsync = async (connection, id) => await connection.QuerySingleOrDefaultAsync<ReadoutDto>(ReadoutQueries.ById, new { id }) is { } readout
                ? (await ReadoutEndpoints.WithStatementsAsync(connection, [readout]))[0]
                : null,
            WrittenElsewhere = new Dictionary<string, string> { ["statements"] = "write each statement through /api/v1/readout-statements" },
        });
        api.Map(new WritableResource<ReadoutStatementInput, ReadoutStatementDto>
        {
            Path = "readout-statements", IdParameter = "statementId", Table = "readout_statement", Name = "ReadoutStatement", Tag = "Readouts",
            Validator = catalog => new ReadoutStatementInputValidator(catalog), IdOf = s => s.Id, CitationsOf = s => s.Citations,
            FindAsync = FindBy<ReadoutStatementDto>(ReadoutQueries.StatementById),
        });
        api.Map(new WritableResource<EventInput, EventDto>
        {
            Path = "events", IdParameter = "eventId", Table = "event", Name = "Event", Tag = "Timeline",
            Validator = catalog => new EventInputValidator(catalog), IdOf = e => e.Id, CitationsOf = e => e.Citations,
            FindAsync = FindBy<EventDto>(TimelineQueries.ById),
        });
        api.Map(new WritableResource<AssessmentInput, AssessmentDto>
        {
            Path = "assessments", IdParameter = "assessmentId", Table = "assessment", Name = "Assessment", Tag = "Assessments",
            Validator = catalog => new AssessmentInputValidator(catalog), IdOf = a => a.Id, CitationsOf = a => a.Citations,
            FindAsync = FindBy<AssessmentDto>(AssessmentQueries.ById),
        });
        api.Map(new WritableResource<ContextFigureInput, ContextFigureDto>
        {
            Path = "context-figures", IdParameter = "figureId", Table = "context_figure", Name = "ContextFigure", Tag = "Context figures",
            Validator = catalog => new ContextFigureInputValidator(catalog), IdOf = f => f.Id, CitationsOf = f => f.Citations,
            FindAsync = FindBy<ContextFigureDto>(ContextFigureQueries.ById),
        });
        api.Map(new WritableResource<SourceInput, SourceDto>
        {
            Path = "sources", IdParameter = "sourceId", Table = "source", Name = "Source", Tag = "Sources",
            Validator = catalog => new SourceInputValidator(catalog), IdOf = s => s.Id,
            FindAsync = FindBy<SourceDto>(SourceQueries.ById),
        });
        api.Map(new WritableResource<CitationRecordInput, SourceCitationDto>
        {
            Path = "citations", IdParameter = "citationId", Table = "citation", Name = "Citation", Tag = "Sources",
            Validator = catalog => new CitationRecordInputValidator(catalog), IdOf = c => c.IdOrDerived(),
            FindAsync = FindBy<SourceCitationDto>(SourceQueries.CitationById),
            Row = c => c with { Id = c.IdOrDerived() },
        });
    }

    private static Func<NpgsqlConnection, string, Task<T?>> FindBy<T>(string byIdSql) where T : class =>
        (connection, id) => connection.QuerySingleOrDefaultAsync<T>(byIdSql, new { id });

    private static void Map<TInput, TRecord>(this RouteGroupBuilder api, WritableResource<TInput, TRecord> resource)
        where TInput : class
        where TRecord : class
    {
        var readOnly = ReadOnlyMembers.Of(resource, ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        var writer = new ResourceWriter<TInput, TRecord>(resource, readOnly);
        var item = $"/{resource.Path}/{{{resource.IdParameter}}}";
        api.MapRevisions(item, resource.IdParameter, resource.Table, resource.Tag);
        var described = resource.Table.Replace('_', ' ');
        var aDescribed = ("aeiou".Contains(described[0]) ? "an " : "a ") + described;

        api.MapPost($"/{resource.Path}", writer.CreateAsync).WithName($"Create{resource.Name}")
            .WithSummary($"Create {aDescribed}")
            .WithDescription($"Adds {aDescribed} as one change set (a new data revision with its revision history). Needs an editor key. The id is the client's (a readable slug); a POST repeated with the same Idempotency-Key returns the first response instead of writing again.")
            .Accepts<TInput>(JsonBody)
            .Produces<TRecord>(StatusCodes.Status201Created)
            .Describe(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .Writes(resource, readOnly);
        api.MapPut(item, writer.ReplaceAsync).WithName($"Replace{resource.Name}")
            .WithSummary($"Replace {aDescribed}")
            .WithDescription($"Replaces the whole {described}. Needs an editor key and If-Match with the ETag of the record as last read: a stale ETag is a 412, none a 428, so no one's change is overwritten unseen.")
            .Accepts<TInput>(JsonBody)
            .Produces<TRecord>()
            .Describe(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired)
            .Writes(resource, readOnly);
        api.MapPatch(item, writer.PatchAsync).WithName($"Patch{resource.Name}")
            .WithSummary($"Change fields of {aDescribed}")
            .WithDescription($"Applies a JSON Merge Patch (RFC 7396, application/merge-patch+json) to the {described} as an editor writes it: given fields replace, null removes, the rest stays. Needs an editor key and If-Match.")
            .Accepts<JsonObject>(MergePatchBody)
            .Produces<TRecord>()
            .Describe(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired)
            .Writes(resource, readOnly);
        api.MapDelete(item, writer.DeleteAsync).WithName($"Delete{resource.Name}")
            .WithSummary($"Delete {aDescribed}")
            .WithDescription($"Removes the {described} from reads; its history stays (the delete is a tombstone revision). Needs an editor key and If-Match. A record others still refer to cannot be deleted (409).")
            .Produces(StatusCodes.Status204NoContent)
            .Describe(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired)
            .Writes(resource, readOnly);
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, params int[] problemStatuses)
    {
        foreach (var status in problemStatuses)
        {
            builder.ProducesProblem(status);
        }
        return builder;
    }

    private static RouteHandlerBuilder Writes<TInput, TRecord>(this RouteHandlerBuilder builder, WritableResource<TInput, TRecord> resource, ReadOnlyMembers readOnly)
        where TInput : class
        where TRecord : class =>
        builder.WithTags(resource.Tag)
            .WithMetadata(new EditorialWrite(), readOnly)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireAuthorization(AuthPolicies.Editor)
            .RequireRateLimiting(RateLimits.Writes);
}
