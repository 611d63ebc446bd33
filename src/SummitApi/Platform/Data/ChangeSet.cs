using Dapper;
using Npgsql;

namespace SummitApi.Platform.Data;

/// <summary>
/// One write transaction. It takes the write lock first and only then numbers itself, so the
/// numbers (the data revisions) follow commit order; the revision triggers refuse any write made
/// outside one.
/// </summary>
public sealed class ChangeSet : IAsyncDisposable
{
    private ChangeSet(NpgsqlConnection connection, NpgsqlTransaction transaction, long seq, DateTimeOffset committedAt)
    {
        Connection = connection;
        Transaction = transaction;
        Seq = seq;
        CommittedAt = committedAt;
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    /// <summary>The data revision this change set creates when it commits.</summary>
    public long Seq { get; }

    public DateTimeOffset CommittedAt { get; }

    public static async Task<ChangeSet> BeginAsync(NpgsqlDataSource dataSource, string author, string? reason, CancellationToken cancellationToken = default)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync($"SELECT pg_advisory_xact_lock({AdvisoryLocks.Writes})", transaction: transaction);
            var (seq, committedAt) = await connection.QuerySingleAsync<(long, DateTimeOffset)>(
                """
                INSERT INTO change_set (seq, committed_at, author, reason)
                SELECT coalesce(max(seq), 0) + 1, clock_timestamp(), @author, @reason FROM change_set
                RETURNING seq, committed_at;
                """,
                new { author, reason }, transaction);
            await connection.ExecuteAsync("SELECT set_config('summit.change_seq', @seq, true)", new { seq = seq.ToString(System.Globalization.CultureInfo.InvariantCulture) }, transaction);
            return new ChangeSet(connection, transaction, seq, committedAt);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>What this change set changed so far, by table: empty when nothing changed (an unchanged upsert does not).</summary>
    public async Task<IReadOnlyList<TableWrite>> WritesAsync(CancellationToken cancellationToken = default) =>
        [.. (await Connection.QueryAsync<(string Table, string[] RecordIds, string[]? ChangedColumns)>(
            new CommandDefinition("SELECT entity, record_ids, changed_columns FROM change_set_writes(@Seq)", new { Seq }, Transaction,
                cancellationToken: cancellationToken)))
            .Select(written => new TableWrite(written.Table, written.RecordIds, written.ChangedColumns))];

    public Task CommitAsync(CancellationToken cancellationToken = default) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
