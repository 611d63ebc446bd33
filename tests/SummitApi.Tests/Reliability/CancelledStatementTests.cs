using System.Net;
using Dapper;

namespace SummitApi.Tests.Reliability;

/// <summary>
/// A read whose statement PostgreSQL cancels (57014: the command timeout's cancel request, or an operator's
/// pg_cancel_backend) is the database failing to answer in time, for the client to retry: a 503, never a 500.
/// </summary>
public class CancelledStatementTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task A_read_whose_statement_is_cancelled_is_a_503_problem_with_retry_after()
    {
        var client = factory.CreateClient();
        await using var blocker = await factory.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await blocker.ExecuteAsync("LOCK TABLE actor IN ACCESS EXCLUSIVE MODE", transaction: transaction);

        // A page size no other read asks for: the response cache cannot answer it, so the read waits on the lock.
        var read = client.GetAsync("/api/v1/actors?limit=37");
        await using var observer = await factory.OpenConnectionAsync();
        var cancelled = false;
        for (var attempt = 0; attempt < 200 && !cancelled; attempt++)
        {
            cancelled = await observer.ExecuteScalarAsync<bool>("""
                SELECT coalesce(bool_or(pg_cancel_backend(pid)), false) FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM actor%'
                """);
            if (!cancelled)
            {
                await Task.Delay(50);
            }
        }
        Assert.True(cancelled, "the read never waited on the lock");

        using var response = await read;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
