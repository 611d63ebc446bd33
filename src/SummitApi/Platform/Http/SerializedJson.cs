using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace SummitApi.Platform.Http;

/// <summary>
/// A 200 whose JSON body is already serialized: what <c>TypedResults.Ok(value)</c> would write, the same bytes with the
/// same content type, from bytes a caller keeps (a memo of a large answer, read again and again). Declares itself to
/// OpenAPI as that Ok would.
/// </summary>
public sealed class SerializedJson<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    private readonly byte[] _body;

    private SerializedJson(byte[] body) => _body = body;

    public int? StatusCode => StatusCodes.Status200OK;

    /// <summary>The bytes <c>TypedResults.Ok(value)</c> writes for <paramref name="value"/>, with the service's JSON options.</summary>
    public static byte[] Serialize(HttpContext context, T value) =>
        JsonSerializer.SerializeToUtf8Bytes(value, context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.GetTypeInfo(typeof(T)));

    public static SerializedJson<T> Of(byte[] body) => new(body);

    public static SerializedJson<T> Of(HttpContext context, T value) => new(Serialize(context, value));

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        return httpContext.Response.Body.WriteAsync(_body, httpContext.RequestAborted).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
