using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SummitApi.Platform.Auth;
using SummitApi.Platform.Errors;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Caching;
using SummitApi.Platform.Http;

namespace SummitApi.Exports;

public static class ExportEndpoints
{
    /// <summary>Registers the exporter, its store and the schedule; Exports:Directory defaults to &lt;repository&gt;/.data/exports.</summary>
    public static void AddExports(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<ExportOptions>()
            .Bind(builder.Configuration.GetSection(ExportOptions.Section))
            .PostConfigure(o => o.Directory = ExportOptions.DirectoryOrDefault(o.Directory, contentRoot))
            .Validate(o => o.Keep >= 1, "Exports:Keep must be at least 1.")
            .Validate(o => IsValidSchedule(o), "Exports:Schedule must be a cron expression (five fields, or six with seconds) or empty.")
            .ValidateOnStart();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ExportResponseJsonContext.Default));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ExportStore>();
        builder.Services.AddSingleton<ExportFileSystem>();
        builder.Services.AddSingleton<ExportService>();
        builder.Services.AddHostedService<ExportScheduler>();
    }

    public static void MapExports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/exports").WithTags("Exports").ExcludeFromResponseCache();
        group.MapGet("/", ListExports).WithName("ListExports")
            .WithSummary("List exports")
            .WithDescription("The published exports with their manifests, newest first, one page at a time. An export is every data set from one database snapshot as JSON, NDJSON, CSV and Parquet, with deltas against the previous export, a Frictionless datapackage.json and SHA256SUMS.");
        group.MapGet("/latest", GetLatestExport).WithName("GetLatestExport")
            .WithSummary("Get the latest export's manifest")
            .WithDescription("The manifest of the newest export: its id, creation time, schema version, data revision and the change feed's position there (changesSince), and each file's name, bytes, SHA-256 and record count. 404 when no export has been made yet.");
        group.MapPost("/", StartExport).WithName("StartExport")
            .WithSummary("Start an export now")
            .WithDescription("Starts an export (the same exporter the nightly schedule and the command line run), or joins the one already running, and answers 202 at once with the export's id. Location names its manifest, which answers 404 until the export is published and 200 after. Needs an admin key.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(AuthPolicies.Admin);
        group.MapGet("/latest/{**file}", GetLatestExportFile).WithName("GetLatestExportFile")
            .WithSummary("Download a file of the latest export")
            .WithDescription("""
                Streams one file of the newest export, exactly as GET /api/v1/exports/{exportId}/{file} serves it for that
                export's id (no redirect): the same bytes, that export's SHA-256 of the file as the ETag, Range and HEAD
                support, and a Content-Disposition filename that names the export. Content-Location gives the file's
                permanent URL. 404 before the first export.
                """)
            .ServesExportFiles();
        group.MapGet("/{exportId}/{**file}", GetExportFile).WithName("GetExportFile")
            .WithSummary("Download a file of an export")
            .WithDescription("""
                Streams one file of an export: manifest.json, datapackage.json, SHA256SUMS, `<dataset>.json`,
                `<dataset>.ndjson`, `<dataset>.csv` or `<dataset>.parquet` (the deltas, `deltas/<dataset>.ndjson`, have their
                own operation); only the files its manifest lists are served. The ETag is the file's SHA-256 from the
                manifest, Range requests are answered with 206, HEAD answers the headers alone, and Content-Disposition
                names the file summitapi-{exportId}-{file}.
                """)
            .ServesExportFiles();
        // The catch-all above serves these too, but a path parameter cannot hold a '/' in the document's terms: clients
        // and validating proxies need the deltas' own path.
        group.MapGet("/{exportId}/deltas/{file}", GetExportDeltaFile).WithName("GetExportDeltaFile")
            .WithSummary("Download a delta file of an export")
            .WithDescription("""
                Streams `deltas/<dataset>.ndjson` of an export: one line per record added, changed or removed since the
                previous export, `{"op": "add" | "change" | "remove", "id": ..., "record": ...}`. The ETag is the file's
                SHA-256 from the manifest, and Range requests are answered with 206.
                """)
            .Produces<Stream>(StatusCodes.Status200OK, "application/x-ndjson")
            .Produces<Stream>(StatusCodes.Status206PartialContent, "application/x-ndjson")
            .ServesStoredFiles();
    }

    private static RouteHandlerBuilder ServesExportFiles(this RouteHandlerBuilder builder) => builder
        .Produces<Stream>(StatusCodes.Status200OK, "application/json", "application/x-ndjson", "text/csv", "application/vnd.apache.parquet", "text/plain")
        .Produces<Stream>(StatusCodes.Status206PartialContent, "application/json", "application/x-ndjson", "text/csv", "application/vnd.apache.parquet", "text/plain")
        .ServesStoredFiles();

    public static async Task<Accepted<ExportAccepted>> StartExport(ExportService exports, IHostApplicationLifetime lifetime, HttpContext context)
    {
        // The export outlives this request: it stops only with the application.
        var started = await exports.StartAsync("api", progress: null, lifetime.ApplicationStopping);
        var manifest = $"{context.Request.PathBase}/api/v1/exports/{started.ExportId}/manifest.json";
        return TypedResults.Accepted(manifest, new ExportAccepted(started.ExportId, manifest));
    }

    public static async Task<Results<Ok<Page<ExportManifest>>, ValidationProblem>> ListExports(
        [AsParameters] PageParameters paging, ExportStore store)
    {
        var context = paging.Http;
        var request = paging.Start();
        if (!request.IsValid)
        {
            return request.Problem();
        }
        var after = request.After?[0];
        var manifests = new List<ExportManifest>();
        foreach (var exportId in store.ExportIds().Where(id => after is null || string.CompareOrdinal(id, after) < 0))
        {
            if (await store.ReadManifestAsync(exportId, context.RequestAborted) is { } manifest)
            {
                manifests.Add(manifest);
            }
            if (manifests.Count > request.Limit)
            {
                break;
            }
        }
        // Exports are files named by time, not rows of a data revision: the keyset (the export id) is all a cursor needs.
        return TypedResults.Ok(request.ToPage(manifests, revision: 0, m => [m.ExportId]));
    }

    public static async Task<Results<Ok<ExportManifest>, NotFound<ProblemDetails>>> GetLatestExport(ExportStore store, CancellationToken cancellationToken) =>
        await store.LatestAsync(cancellationToken) is { } manifest
            ? TypedResults.Ok(manifest)
            : Problems.NotFound("No export has been made yet.");

    /// <param name="file">A file the latest export's manifest lists, e.g. concessions.parquet or SHA256SUMS, or manifest.json.</param>
    public static async Task<Results<PhysicalFileHttpResult, NotFound<ProblemDetails>>> GetLatestExportFile(
        string file, ExportStore store, HttpContext context, CancellationToken cancellationToken)
    {
        if (await store.LatestAsync(cancellationToken) is not { } manifest)
        {
            return Problems.NotFound("No export has been made yet.");
        }
        var served = await ServeAsync(manifest, file, store, cancellationToken);
        if (served.Result is PhysicalFileHttpResult)
        {
            context.Response.Headers.ContentLocation = $"{context.Request.PathBase}/api/v1/exports/{manifest.ExportId}/{file}";
        }
        return served;
    }

    /// <param name="exportId">The export's id, e.g. 20261123T020000Z.</param>
    /// <param name="file">A file the export's manifest lists, e.g. concessions.csv, or manifest.json.</param>
    public static async Task<Results<PhysicalFileHttpResult, NotFound<ProblemDetails>>> GetExportFile(
        string exportId, string file, ExportStore store, CancellationToken cancellationToken) =>
        await store.ReadManifestAsync(exportId, cancellationToken) is { } manifest
            ? await ServeAsync(manifest, file, store, cancellationToken)
            : Problems.NotFound("export", exportId);

    private static async Task<Results<PhysicalFileHttpResult, NotFound<ProblemDetails>>> ServeAsync(
        ExportManifest manifest, string file, ExportStore store, CancellationToken cancellationToken)
    {
        var exportId = manifest.ExportId;
        var folder = store.FolderOf(exportId);
        string? sha256;
        if (file == ExportStore.ManifestFile)
        {
            await using var stream = File.OpenRead(Path.Combine(folder, file));
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }
        else
        {
            // Only names the manifest lists are served, so no request can reach outside the export's folder.
            sha256 = manifest.Files.FirstOrDefault(f => f.Name == file)?.Sha256;
        }
        if (sha256 is null)
        {
            return Problems.NotFound($"Export {exportId} has no file '{file}'; its manifest lists them.");
        }
        var path = Path.Combine(folder, file);
        // The export id in the name keeps two nights' downloads apart in a Downloads folder.
        return TypedResults.PhysicalFile(path, ContentTypeOf(file), fileDownloadName: $"summitapi-{exportId}-{file.Replace('/', '-')}",
            lastModified: File.GetLastWriteTimeUtc(path), entityTag: new EntityTagHeaderValue($"\"{sha256}\""), enableRangeProcessing: true);
    }

    /// <param name="exportId">The export's id, e.g. 20261123T020000Z.</param>
    /// <param name="file">A delta file the export's manifest lists (deltas/&lt;dataset&gt;.ndjson), named without its folder, e.g. concessions.ndjson.</param>
    public static Task<Results<PhysicalFileHttpResult, NotFound<ProblemDetails>>> GetExportDeltaFile(
        string exportId, string file, ExportStore store, CancellationToken cancellationToken) =>
        GetExportFile(exportId, $"deltas/{file}", store, cancellationToken);

    private static string ContentTypeOf(string file) => Path.GetExtension(file) switch
    {
        ".csv" => "text/csv; charset=utf-8",
        ".ndjson" => "application/x-ndjson",
        ".parquet" => "application/vnd.apache.parquet",
        "" => "text/plain; charset=utf-8",
        _ => "application/json",
    };

    private static bool IsValidSchedule(ExportOptions options)
    {
        try
        {
            options.ParseSchedule();
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
