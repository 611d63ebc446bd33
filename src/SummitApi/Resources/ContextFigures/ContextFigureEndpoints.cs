using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Errors;

namespace SummitApi.Resources.ContextFigures;

public static class ContextFigureEndpoints
{
    public static void MapContextFigures(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/context-figures").WithTags("Context figures").ReadsTables("context_figure", "citation", "summit");
        group.MapGet("/", ListContextFigures).WithName("ListContextFigures")
            .WithSummary("List context figures")
            .WithDescription("Background numbers the sources give (shares, targets, election years, intervals), ordered by id, one page at a time; optionally only those of one summit.");
        group.MapGet("/{figureId}", GetContextFigure).WithName("GetContextFigure").ReadsOneRecordOf("context_figure", "figureId")
            .WithSummary("Get a context figure")
            .WithDescription("One background number with its unit, range or bound, period, whether the sources hedge it, who reports it and citations.");
    }

    /// <param name="summit">Only figures given as background to this summit (a summit id, e.g. busan-2025).</param>
    public static async Task<Results<Ok<Page<ContextFigureDto>>, ValidationProblem>> ListContextFigures(
        [FromQuery] string? summit, [AsParameters] PageParameters paging)
    {
        var request = paging.Start(("summit", summit));
        request.RequireExisting("summit", summit, "summit");
        await using var connection = await paging.OpenAsync(request);
        var page = await request.ReadPageAsync<ContextFigureDto>(connection, ContextFigureQueries.List, new { summit }, f => [f.Id]);
        return page is null ? request.Problem() : TypedResults.Ok(page);
    }

    /// <param name="figureId">The figure's id, e.g. china-growth-target.</param>
    public static Task<Results<Ok<ContextFigureDto>, NotFound<ProblemDetails>>> GetContextFigure(string figureId, [AsParameters] ReadParameters read) =>
        read.FindAsync(ContextFigureResource.Definition, figureId);
}
