using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using SummitApi.Platform.Auth;
using SummitApi.Platform.Catalog;
using SummitApi.Platform.Http;
using SummitApi.Platform.History;

namespace SummitApi.Platform.Writes;

/// <summary>
/// The editorial writes (POST on each collection, PUT, PATCH and DELETE on each item) and each
/// record's revision history, which those writes make.
/// </summary>
public static class WriteEndpoints
{
    public const string JsonBody = "application/json";
    public const string MergePatchBody = "application/merge-patch+json";

    /// <summary>Maps the writes and the revision history of every writable resource of the catalog.</summary>
    public static void MapWrites(this RouteGroupBuilder api, IResourceCatalog resources)
    {
        var mapper = new WriteMapper(api, new ReferenceCheck(resources));
        foreach (var resource in resources.Records.Where(r => r.IsWritable))
        {
            resource.Accept(mapper);
        }
    }

    private sealed class WriteMapper(RouteGroupBuilder api, ReferenceCheck references) : IRecordResourceVisitor<bool>
    {
        public bool Visit<TInput, TRecord>(RecordResource<TInput, TRecord> resource)
            where TInput : class
            where TRecord : class
        {
            api.Map(resource, references);
            return true;
        }
    }

    private static void Map<TInput, TRecord>(this RouteGroupBuilder api, RecordResource<TInput, TRecord> resource, ReferenceCheck references)
        where TInput : class
        where TRecord : class
    {
        var readOnly = ReadOnlyMembers.Of(resource, ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        var writer = new ResourceWriter<TInput, TRecord>(resource, readOnly, references);
        var item = $"/{resource.Path}/{{{resource.IdParameter}}}";
        api.MapRevisions(item, resource.IdParameter, resource.Table, resource.Tag);
        var described = RecordNames.InWords(resource.Table);
        var aDescribed = RecordNames.WithArticle(resource.Table);

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

    private static RouteHandlerBuilder Writes<TInput, TRecord>(this RouteHandlerBuilder builder, RecordResource<TInput, TRecord> resource, ReadOnlyMembers readOnly)
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
