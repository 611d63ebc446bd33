using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
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

    /// <param name="limit">Items per page, 1 to 500 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<Page<SourceDto>>, ValidationProblem>> ListSources(
        HttpContext context, NpgsqlDataSource dataSource, CursorCodec cursors,
        [FromQuery] int? limit, [FromQuery] string? cursor)
    {
        var request = new ListRequest(context, cursors, limit, cursor);
        await using var connection = await request.OpenAsync(dataSource, context);
        var page = await request.ReadPageAsync<SourceDto>(connection, SourceQueries.List, new { }, s => [s.Id]);
        return page is null ? request.Problem() : TypedResults.Ok(page);
    }

    /// <param name="sourceId">The source's id, e.g. nyt-kuo-pierson-2025-10-30.</param>
    public static async Task<Results<Ok<SourceDto>, NotFound<ProblemDetails>>> GetSource(
        string sourceId, NpgsqlDataSource dataSource, HttpContext context)
    {
        await using var connection = await ReadScope.OpenAsync(dataSource, context);
        var source = await connection.QuerySingleOrDefaultAsync<SourceDto>(SourceQueries.ById, new { id = sourceId });
        return source is null ? Problems.NotFound("source", sourceId) : TypedResults.Ok(source);
    }
}
