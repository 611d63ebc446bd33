using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Errors;

namespace SummitApi.Resources.Outcomes;

public static class OutcomeEndpoints
{
    public static void MapOutcomes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Outcomes")
            .ReadsTables("outcome", "concession", "summit", "citation", "party", "topic", "outcome_status")
            // Of the concessions, an outcome shows the ids of its own (OutcomeQueries): which exist, and their outcome.
            .ReadsMembershipOf("concession", "outcome_id");
        group.MapGet("/outcomes", ListOutcomes).WithName("ListOutcomes")
            .WithSummary("List outcomes")
            .WithDescription("""
                The results of summits (agreements, commitments, one side's claims, observed omissions), ordered by id,
                one page at a time. Filters combine: `summit`, `topic` and `status` match exactly; `party` matches outcomes
                whose reportedBy contains that party (a claim made in that party's own account); `q` searches the title,
                summary and notes in English full text (web search syntax: words, "quoted phrases", or, -word).
                """);
        group.MapGet("/outcomes/{outcomeId}", GetOutcome).WithName("GetOutcome").ReadsOneRecordOf("outcome", "outcomeId")
            .WithSummary("Get an outcome")
            .WithDescription("One result of a summit: its topic, kind, status, the parties whose accounts report it, the ids of its structured concessions, and citations.");
        group.MapGet("/summits/{summitId}/outcomes", ListSummitOutcomes).WithName("ListSummitOutcomes")
            .WithSummary("List a summit's outcomes")
            .WithDescription("The results of one summit, ordered by id, one page at a time; optionally only one topic or status. An unknown summit is a 404.");
    }

    /// <param name="summit">Only outcomes of this summit (a summit id, e.g. busan-2025).</param>
    /// <param name="topic">Only outcomes on this topic (a topics code, e.g. rare_earths).</param>
    /// <param name="party">Only outcomes this party's own account reports (a party id, e.g. CN).</param>
    /// <param name="status">Only outcomes with this status (an outcomeStatuses code, e.g. announced).</param>
    /// <param name="q">English full-text search over the title, summary and notes, e.g. soybeans.</param>
    public static async Task<Results<Ok<Page<OutcomeDto>>, ValidationProblem>> ListOutcomes(
        [FromQuery] string? summit, [FromQuery] string? topic, [FromQuery] string? party, [FromQuery] string? status,
        [FromQuery] string? q, [AsParameters] PageParameters paging)
    {
        var request = paging.Start(("summit", summit), ("topic", topic), ("party", party), ("status", status), ("q", q));
        request.RequireText("q", q);
        request.RequireExisting("summit", summit, "summit");
        request.RequireExisting("topic", topic, "topic", "code");
        request.RequireExisting("party", party, "party");
        request.RequireExisting("status", status, "outcome_status", "code");
        await using var connection = await paging.OpenAsync(request);
        var page = await ReadPageAsync(connection, request, summit, topic, party, status, q);
        return page is null ? request.Problem() : TypedResults.Ok(page);
    }

    /// <param name="outcomeId">The outcome's id, e.g. truce-extension.</param>
    public static Task<Results<Ok<OutcomeDto>, NotFound<ProblemDetails>>> GetOutcome(string outcomeId, [AsParameters] ReadParameters read) =>
        read.FindAsync(OutcomeResource.Definition, outcomeId);

    /// <param name="summitId">The summit's id, e.g. busan-2025.</param>
    /// <param name="topic">Only outcomes on this topic (a topics code, e.g. rare_earths).</param>
    /// <param name="status">Only outcomes with this status (an outcomeStatuses code, e.g. announced).</param>
    public static async Task<Results<Ok<Page<OutcomeDto>>, NotFound<ProblemDetails>, ValidationProblem>> ListSummitOutcomes(
        string summitId, [FromQuery] string? topic, [FromQuery] string? status, [AsParameters] PageParameters paging)
    {
        var request = paging.Start(("topic", topic), ("status", status));
        request.RequireExisting("topic", topic, "topic", "code");
        request.RequireExisting("status", status, "outcome_status", "code");
        request.RequireParent("summit", summitId);
        await using var connection = await paging.OpenAsync(request);
        var page = await ReadPageAsync(connection, request, summitId, topic, party: null, status, q: null);
        return page is not null ? TypedResults.Ok(page) : request.IsValid ? Problems.NotFound("summit", summitId) : request.Problem();
    }

    private static Task<Page<OutcomeDto>?> ReadPageAsync(
        NpgsqlConnection connection, ListRequest request, string? summit, string? topic, string? party, string? status, string? q) =>
        request.ReadPageAsync<OutcomeDto>(connection, OutcomeQueries.List, new { summit, topic, party, status, q }, o => [o.Id]);
}
