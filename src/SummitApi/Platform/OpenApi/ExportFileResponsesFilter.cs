using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using SummitApi.Platform.Http;

namespace SummitApi.Platform.OpenApi;

/// <summary>
/// What an export file answers beyond its bytes: a JSON file is JSON (a manifest, a data package or a data set's
/// records), not a binary string; a range of it is bytes; If-Match or If-Unmodified-Since that fails is a 412, and a
/// Range outside the file a 416.
/// </summary>
internal sealed class ExportFileResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<StoredFileResponse>().Any())
        {
            return;
        }
        if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse { Content: { } whole } && whole.ContainsKey("application/json"))
        {
            whole["application/json"] = new OpenApiMediaType
            {
                // Any JSON value: manifest.json is an object, <dataset>.json an array of records.
                Schema = new OpenApiSchema { Description = "The file's JSON: manifest.json and datapackage.json are objects, <dataset>.json is an array of the data set's records." },
            };
        }
        operation.Responses ??= [];
        operation.Responses.TryAdd("412", OpenApiResponses.Problem(context, "Precondition Failed: If-Match or If-Unmodified-Since does not hold for the file."));
        operation.Responses.TryAdd("416", OpenApiResponses.Problem(context, "Range Not Satisfiable: the Range asks for bytes outside the file.",
            ("Content-Range", "bytes */<the file's length>.")));
    }
}
