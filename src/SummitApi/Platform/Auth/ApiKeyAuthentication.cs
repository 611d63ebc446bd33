using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;
using SummitApi.Platform.Errors;

namespace SummitApi.Platform.Auth;

/// <summary>
/// Reads an API key from Authorization: Bearer or X-Api-Key and checks it against the stored hashes. Both headers
/// may carry the same key; two different keys are refused (400 naming both) wherever a key is needed, rather than
/// one silently winning.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, NpgsqlDataSource dataSource)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "scope";

    private bool _twoKeys;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var fromKeyHeader = Request.Headers[HeaderName].ToString().Trim();
        var authorization = Request.Headers.Authorization.ToString();
        var fromBearer = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : "";
        if (fromKeyHeader.Length > 0 && fromBearer.Length > 0 && fromKeyHeader != fromBearer)
        {
            _twoKeys = true;
            return AuthenticateResult.Fail("Two different API keys were sent.");
        }
        var presented = fromKeyHeader.Length > 0 ? fromKeyHeader : fromBearer;
        if (presented.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        if (await ApiKeyStore.VerifyAsync(dataSource, presented, Context.RequestAborted) is not { } key)
        {
            return AuthenticateResult.Fail("The API key is unknown, malformed or revoked.");
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, key.Id), new Claim(ScopeClaim, key.Scope)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_twoKeys)
        {
            const string Message = "Authorization: Bearer and X-Api-Key carry different keys; send one key (in either header, or the same in both).";
            return Problems.WriteAsync(Context, new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["Authorization"] = [Message], [HeaderName] = [Message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Two different API keys",
            }).AsTask();
        }
        Response.Headers.WWWAuthenticate = $"Bearer realm=\"SummitApi\", {HeaderName}";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "An API key is required",
            "Writes need an API key with the editor or admin scope, sent as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'. A missing, unknown or revoked key is refused.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "The API key lacks the scope",
            "This operation needs a key with a wider scope than the one sent.");

    private Task WriteProblemAsync(int status, string title, string detail) =>
        Problems.WriteAsync(Context, new ProblemDetails { Status = status, Title = title, Detail = detail }).AsTask();
}

/// <summary>The authorization policies of the API: what each kind of operation needs.</summary>
public static class AuthPolicies
{
    /// <summary>Editorial writes: an editor or admin key.</summary>
    public const string Editor = ApiKeyStore.Editor;

    /// <summary>Administration (keys, exports): an admin key.</summary>
    public const string Admin = ApiKeyStore.Admin;

    public static void AddSummitAuth(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Editor, policy => policy.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyStore.Editor, ApiKeyStore.Admin))
            .AddPolicy(Admin, policy => policy.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyStore.Admin));
    }
}
