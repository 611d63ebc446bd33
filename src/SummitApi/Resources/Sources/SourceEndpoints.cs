using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Errors;

namespace SummitApi.Resources.Sources;

public static class SourceEndpoints
{
    public static void MapSources(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sources").WithTags("Sources").ReadsTables("source", "citation");
        group.MapGet("/", ListSources).WithName("ListSources")
            .WithSummary("List sources")
            .WithDescription("Every document that facts cite, ordered by id, one page at a time, each with how many citations quote it.");
        group.MapGet("/{sourceId}", GetSource).WithName("GetSource").ReadsOneRecordOf("source", "sourceId")
            .WithSummary("Get a source")
            .WithDescription("One document: title, publisher, authors (null when it does not say), published date with its precision, kind, licence, the sha256 of its text and how many citations quote it.");
    }

    public static async Task<Results<Ok<Page<SourceDto>>, ValidationProblem>> ListSources([AsParameters] PageParameters paging)
    {
        var request = paging.Start();
        await using var connection = await paging.OpenAsync(request);
        var page = await request.ReadPageAsync<SourceDto>(connection, SourceQueries.List, new { }, s => [s.Id]);
        return page is null ? request.Problem() : TypedResults.Ok(page);
    }

    /// <param name="sourceId">The source's id, e.g. nyt-kuo-pierson-2025-10-30.</param>
    public static Task<Results<Ok<SourceDto>, NotFound<ProblemDetails>>> GetSource(string sourceId, [AsParameters] ReadParameters read) =>
        read.FindAsync(SourceResource.Definition, sourceId);
}
