using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Errors;

namespace SummitApi.Resources.Summits;

public static class SummitEndpoints
{
    public static void MapSummits(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/summits").WithTags("Summits").ReadsTables("summit", "citation");
        group.MapGet("/", ListSummits).WithName("ListSummits")
            .WithSummary("List summits")
            .WithDescription("Every engagement between leaders (meetings, calls, visits, held or planned), ordered by id, one page at a time.");
        group.MapGet("/{summitId}", GetSummit).WithName("GetSummit").ReadsOneRecordOf("summit", "summitId")
            .WithSummary("Get a summit")
            .WithDescription("One engagement with its date (and the date's precision), length, status, participating parties and citations.");
    }

    public static async Task<Results<Ok<Page<SummitDto>>, ValidationProblem>> ListSummits([AsParameters] PageParameters paging)
    {
        var request = paging.Start();
        await using var connection = await paging.OpenAsync(request);
        var page = await request.ReadPageAsync<SummitDto>(connection, SummitQueries.List, new { }, s => [s.Id]);
        return page is null ? request.Problem() : TypedResults.Ok(page);
    }

    /// <param name="summitId">The summit's id, e.g. busan-2025.</param>
    public static Task<Results<Ok<SummitDto>, NotFound<ProblemDetails>>> GetSummit(string summitId, [AsParameters] ReadParameters read) =>
        read.FindAsync(SummitResource.Definition, summitId);
}
