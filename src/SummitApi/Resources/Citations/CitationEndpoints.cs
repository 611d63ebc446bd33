using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SummitApi.Platform.Catalog;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Errors;

namespace SummitApi.Resources.Citations;

public static class CitationEndpoints
{
    public static void MapCitations(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/sources/{sourceId}/citations", ListSourceCitations).WithName("ListSourceCitations").WithTags("Sources").ReadsTables("citation", "source")
            .WithSummary("List a source's citations")
            .WithDescription("Every citation of one document, ordered by id, one page at a time: which record it supports (with that record's API path) and the verbatim excerpt.");
        routes.MapGet("/citations", ListCitations).WithName("ListCitations").WithTags("Sources").ReadsTables("citation", "source")
            .WithSummary("List citations")
            .WithDescription("Every citation, ordered by id, one page at a time: the source, which record it supports (with that record's API path) and the verbatim excerpt. Filter by source, by the kind of record cited, or both.");
        routes.MapGet("/citations/{citationId}", GetCitation).WithName("GetCitation").WithTags("Sources").ReadsTables("citation", "source").ReadsOneRecordOf("citation", "citationId")
            .WithSummary("Get a citation")
            .WithDescription("One link of a record to a source: the source, the cited record (with its API path) and the verbatim excerpt.");
    }

    /// <param name="sourceId">The source's id, e.g. nyt-kuo-pierson-2025-10-30.</param>
    public static async Task<Results<Ok<Page<SourceCitationDto>>, NotFound<ProblemDetails>, ValidationProblem>> ListSourceCitations(
        string sourceId, [AsParameters] PageParameters paging)
    {
        var request = paging.Start();
        request.RequireParent("source", sourceId);
        await using var connection = await paging.OpenAsync(request);
        var page = await request.ReadPageAsync<SourceCitationDto>(connection, CitationQueries.List, new { source = sourceId, recordType = (string?)null }, c => [c.Id]);
        return page is not null ? TypedResults.Ok(page) : request.IsValid ? Problems.NotFound("source", sourceId) : request.Problem();
    }

    /// <param name="source">Only citations of this source, e.g. nyt-kuo-pierson-2025-10-30.</param>
    /// <param name="recordType">Only citations of this kind of record: actor, summit, outcome, concession, readout, readout_statement, event, assessment or context_figure.</param>
    public static async Task<Results<Ok<Page<SourceCitationDto>>, ValidationProblem>> ListCitations(
        [FromQuery] string? source, [FromQuery] string? recordType, [AsParameters] PageParameters paging, IResourceCatalog catalog)
    {
        var request = paging.Start(("source", source), ("recordType", recordType));
        if (recordType is not null && !catalog.CitedRecordTypes().Contains(recordType))
        {
            request.AddError("recordType", CitationRecordInputValidator.RecordTypeProblem(catalog.CitedRecordTypes()));
        }
        request.RequireExisting("source", source, "source");
        await using var connection = await paging.OpenAsync(request);
        var page = await request.ReadPageAsync<SourceCitationDto>(connection, CitationQueries.List, new { source, recordType }, c => [c.Id]);
        return page is null ? request.Problem() : TypedResults.Ok(page);
    }

    /// <param name="citationId">The citation's id, as listed by /api/v1/citations or /api/v1/sources/{sourceId}/citations.</param>
    public static Task<Results<Ok<SourceCitationDto>, NotFound<ProblemDetails>>> GetCitation(string citationId, [AsParameters] ReadParameters read) =>
        read.FindAsync(CitationResource.Definition, citationId);
}
