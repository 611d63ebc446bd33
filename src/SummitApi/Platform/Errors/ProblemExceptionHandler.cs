using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace SummitApi.Platform.Errors;

/// <summary>
/// Turns exceptions into Problem Details: a value that could not be bound is a 400 naming the
/// parameter, an unreachable database a 503, anything else a 500 that reveals nothing inside.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, NpgsqlDataSource dataSource, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    [GeneratedRegex("""parameter "(?:[^"]*\s)?(?<name>[A-Za-z0-9_]+)" from "(?<value>.*)"|parameter "(?:[^"]*\s)?(?<name>[A-Za-z0-9_]+)" was not provided""")]
    private static partial Regex BindingFailure();

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException bad when BindingFailure().Match(bad.Message) is { Success: true } match:
                var name = match.Groups["name"].Value;
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [name] = [match.Groups["value"].Success ? $"'{match.Groups["value"].Value}' is not a valid value for '{name}'." : $"'{name}' is required."],
                })
                { Status = StatusCodes.Status400BadRequest, Title = "One or more parameters are invalid." };
                break;
            case BadHttpRequestException bad:
                problem = new ProblemDetails { Status = bad.StatusCode, Title = "The request is malformed.", Detail = bad.Message };
                break;
            case Exception when IsDatabaseUnavailable(exception):
                logger.LogWarning(exception, "The database is unavailable");
                // The pool's idle connections died with this one: open fresh ones rather than fail on each in turn.
                dataSource.Clear();
                httpContext.Response.Headers.RetryAfter = "5";
                problem = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "The database is unavailable; try again shortly." };
                break;
            default:
                logger.LogError(exception, "Unhandled exception");
                problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." };
                break;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The database cannot be reached, timed out, or is going away (a server shutting down ends its sessions
    /// with 57P01, one starting up refuses with 57P03): the client should retry, not report a bug. A statement
    /// that outran the command timeout is cancelled, and PostgreSQL may answer the cancel first (57014). Dapper
    /// wraps a connection that breaks while it maps a row in a DataException, so the causes are searched.
    /// </summary>
    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is NpgsqlException { IsTransient: true } or NpgsqlException and not PostgresException or TimeoutException
                or PostgresException { SqlState: PostgresErrorCodes.QueryCanceled })
            {
                return true;
            }
        }
        return false;
    }
}
