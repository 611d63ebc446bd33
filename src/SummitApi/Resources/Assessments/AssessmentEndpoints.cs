using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Errors;

namespace SummitApi.Resources.Assessments;

public static class AssessmentEndpoints
{
    public static void MapAssessments(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/assessments").WithTags("Assessments")
            .ReadsTables("assessment", "citation", "actor", "summit", "topic");
        group.MapGet("/", ListAssessments).WithName("ListAssessments")
            .WithSummary("List assessments")
            .WithDescription("Analysts' and the sources' own quoted judgements, ordered by id, one page at a time; filter by summit, speaker and topic.");
        group.MapGet("/{assessmentId}", GetAssessment).WithName("GetAssessment").ReadsOneRecordOf("assessment", "assessmentId")
            .WithSummary("Get an assessment")
            .WithDescription("One quoted judgement with its speaker (null when the source itself judges), summit, topic and citations.");
    }

    /// <param name="summit">Only assessments of this summit (a summit id, e.g. busan-2025).</param>
    /// <param name="speaker">Only assessments by this actor (an actor id, e.g. zhu-feng).</param>
    /// <param name="topic">Only assessments on this topic (a topics code, e.g. taiwan).</param>
    public static async Task<Results<Ok<Page<AssessmentDto>>, ValidationProblem>> ListAssessments(
        [FromQuery] string? summit, [FromQuery] string? speaker, [FromQuery] string? topic, [AsParameters] PageParameters paging)
    {
        var request = paging.Start(("summit", summit), ("speaker", speaker), ("topic", topic));
        request.RequireExisting("summit", summit, "summit");
        request.RequireExisting("speaker", speaker, "actor");
        request.RequireExisting("topic", topic, "topic", "code");
        await using var connection = await paging.OpenAsync(request);
        var page = await request.ReadPageAsync<AssessmentDto>(connection, AssessmentQueries.List, new { summit, speaker, topic }, a => [a.Id]);
        return page is null ? request.Problem() : TypedResults.Ok(page);
    }

    /// <param name="assessmentId">The assessment's id, e.g. zhu-feng-lose-lose.</param>
    public static Task<Results<Ok<AssessmentDto>, NotFound<ProblemDetails>>> GetAssessment(string assessmentId, [AsParameters] ReadParameters read) =>
        read.FindAsync(AssessmentResource.Definition, assessmentId);
}
