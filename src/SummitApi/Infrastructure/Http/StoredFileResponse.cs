namespace SummitApi.Infrastructure.Http;

/// <summary>
/// Marks an endpoint that streams a stored file with its own strong ETag and Range support. Such a response is
/// neither buffered (a file may be large) nor compressed (its ETag names the stored bytes, and a range is a
/// range of those bytes).
/// </summary>
public sealed class StoredFileResponse
{
    private static readonly StoredFileResponse Instance = new();

    public static bool IsTarget(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<StoredFileResponse>() is not null;

    internal static TBuilder Mark<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(Instance);
}

public static class StoredFileResponseExtensions
{
    public static TBuilder ServesStoredFiles<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        StoredFileResponse.Mark(builder);
}
