using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Errors;

namespace SummitApi.Resources.Actors;

public static class ActorEndpoints
{
    public static void MapActors(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/actors").WithTags("Actors").ReadsTables("actor", "citation", "party");
        group.MapGet("/", ListActors).WithName("ListActors")
            .WithSummary("List actors")
            .WithDescription("People and bodies the sources name (leaders, ministries, analysts, journalists), ordered by id, one page at a time; optionally only those speaking for one party.");
        group.MapGet("/{actorId}", GetActor).WithName("GetActor").ReadsOneRecordOf("actor", "actorId")
            .WithSummary("Get an actor")
            .WithDescription("One person or body with the role and affiliation the sources give, the party it speaks for (if any) and citations.");
    }

    /// <param name="party">Only actors speaking for this party (a party id, e.g. CN).</param>
    public static async Task<Results<Ok<Page<ActorDto>>, ValidationProblem>> ListActors(
        [FromQuery] string? party, [AsParameters] PageParameters paging)
    {
        var request = paging.Start(("party", party));
        request.RequireExisting("party", party, "party");
        await using var connection = await paging.OpenAsync(request);
        var page = await request.ReadPageAsync<ActorDto>(connection, ActorQueries.List, new { party }, a => [a.Id]);
        return page is null ? request.Problem() : TypedResults.Ok(page);
    }

    /// <param name="actorId">The actor's id, e.g. xi-jinping.</param>
    public static Task<Results<Ok<ActorDto>, NotFound<ProblemDetails>>> GetActor(string actorId, [AsParameters] ReadParameters read) =>
        read.FindAsync(ActorResource.Definition, actorId);
}
