using DbUp;
using DbUp.Engine.Output;
using Npgsql;

namespace SummitApi.Platform.Data;

/// <summary>
/// Applies the ordered SQL files of db/ (embedded in the assembly) with DbUp, journaled in
/// schema_migrations, while holding an advisory lock so that concurrent instances migrate one at a time.
/// </summary>
public sealed class DatabaseMigrator(ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        // A plain connection, not the NpgsqlDataSource: the data source caches the database's types
        // on first use, and the migrations may be what creates them.
        // Unpooled: a pooled connection outlives its Dispose, and with it this session-level lock.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 };
        await using var lockConnection = new NpgsqlConnection(unpooled.ConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var takeLock = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLocks.Migrations})", lockConnection))
        {
            // Waits as long as another instance migrates; the timeout is the caller's token.
            await takeLock.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            // No command timeout: a migration that rewrites or indexes a long revision history takes as long as it
            // takes (db/0011 took over 30 s, Npgsql's default, at a million concessions).
            Upgrade(unpooled.ConnectionString);
        }
        finally
        {
            await using var releaseLock = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLocks.Migrations})", lockConnection);
            await releaseLock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private void Upgrade(string connectionString)
    {
        var upgrader = DeployChanges.To.PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.StartsWith("db/", StringComparison.Ordinal))
            .JournalToPostgresqlTable("public", "schema_migrations")
            .WithTransactionPerScript()
            .WithVariablesDisabled() // $name$ is Postgres dollar quoting here, not a DbUp variable
            .LogTo(new UpgradeLog(logger))
            .Build();
        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }
    }

    private sealed class UpgradeLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace("{Message}", string.Format(format, args));
        public void LogDebug(string format, params object[] args) => logger.LogDebug("{Message}", string.Format(format, args));
        public void LogInformation(string format, params object[] args) => logger.LogDebug("{Message}", string.Format(format, args));
        public void LogWarning(string format, params object[] args) => logger.LogWarning("{Message}", string.Format(format, args));
        public void LogError(string format, params object[] args) => logger.LogError("{Message}", string.Format(format, args));
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{Message}", string.Format(format, args));
    }
}
