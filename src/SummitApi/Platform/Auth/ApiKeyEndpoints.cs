using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using SummitApi.Platform.Reads;

namespace SummitApi.Platform.Auth;

public static class ApiKeyEndpoints
{
    public static void MapApiKeys(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/keys", ListApiKeys).WithName("ListApiKeys").WithTags("Administration")
            .WithSummary("List API keys")
            .WithDescription("Every API key with its scope and when it was created or revoked; never a secret (only hashes are stored). Needs an admin key. Keys are created and revoked on the command line: `keys create`, `keys revoke`.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(AuthPolicies.Admin);
    }

    [NoAsOf]
    public static async Task<Ok<IReadOnlyList<ApiKeyStore.ApiKeyInfo>>> ListApiKeys(NpgsqlDataSource dataSource) =>
        TypedResults.Ok(await ApiKeyStore.ListAsync(dataSource));
}
