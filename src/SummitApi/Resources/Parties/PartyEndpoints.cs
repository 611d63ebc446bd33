using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Errors;

namespace SummitApi.Resources.Parties;

public static class PartyEndpoints
{
    public static void MapParties(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/parties").WithTags("Parties").ReadsTables("party");
        group.MapGet("/", ListParties).WithName("ListParties")
            .WithSummary("List parties")
            .WithDescription("Every state and bloc that records refer to (as giver, beneficiary, reporter or participant), ordered by id, one page at a time.");
        group.MapGet("/{partyId}", GetParty).WithName("GetParty").ReadsOneRecordOf("party", "partyId")
            .WithSummary("Get a party")
            .WithDescription("One state or bloc: its code, name and kind. Parties are reference data and cite no source.");
    }

    public static async Task<Results<Ok<Page<PartyDto>>, ValidationProblem>> ListParties([AsParameters] PageParameters paging)
    {
        var request = paging.Start();
        await using var connection = await paging.OpenAsync(request);
        var page = await request.ReadPageAsync<PartyDto>(connection, PartyQueries.List, new { }, p => [p.Id]);
        return page is null ? request.Problem() : TypedResults.Ok(page);
    }

    /// <param name="partyId">The party's code, e.g. US or CN.</param>
    public static Task<Results<Ok<PartyDto>, NotFound<ProblemDetails>>> GetParty(string partyId, [AsParameters] ReadParameters read) =>
        read.FindAsync(PartyResource.Definition, partyId);
}
