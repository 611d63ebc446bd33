using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SummitApi.Platform.Data;

namespace SummitApi.Tests.Platform;

public class MigrationTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private static DatabaseMigrator NewMigrator() => new(NullLogger<DatabaseMigrator>.Instance);

    [Fact]
    public async Task Migrating_an_up_to_date_database_again_applies_nothing()
    {
        await using var connection = await factory.OpenConnectionAsync();
        var journalBefore = await connection.QueryAsync<string>("SELECT scriptname FROM schema_migrations ORDER BY scriptname");

        await NewMigrator().MigrateAsync(factory.ConnectionString);

        var journalAfter = await connection.QueryAsync<string>("SELECT scriptname FROM schema_migrations ORDER BY scriptname");
        Assert.NotEmpty(journalBefore);
        Assert.Equal(journalBefore, journalAfter);
    }

    [Fact]
    public async Task A_migration_waits_while_another_instance_holds_the_migration_lock()
    {
        await using var otherInstance = await factory.OpenConnectionAsync();
        await otherInstance.ExecuteAsync($"SELECT pg_advisory_lock({AdvisoryLocks.Migrations})");

        var migration = NewMigrator().MigrateAsync(factory.ConnectionString);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(migration.IsCompleted, "the migration ran while another instance held the lock");

        await otherInstance.ExecuteAsync($"SELECT pg_advisory_unlock({AdvisoryLocks.Migrations})");
        await migration.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Two_instances_migrating_an_empty_database_together_apply_each_script_once()
    {
        var empty = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            await Task.WhenAll(NewMigrator().MigrateAsync(empty), NewMigrator().MigrateAsync(empty));

            await using var connection = new Npgsql.NpgsqlConnection(empty);
            var scripts = (await connection.QueryAsync<string>("SELECT scriptname FROM schema_migrations")).ToList();
            Assert.NotEmpty(scripts);
            Assert.Equal(scripts.Count, scripts.Distinct().Count());
            Assert.Equal(
                typeof(DatabaseMigrator).Assembly.GetManifestResourceNames().Count(name => name.StartsWith("db/", StringComparison.Ordinal)),
                scripts.Count);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(empty);
        }
    }

    [Fact]
    public async Task A_write_outside_a_change_set_is_refused_by_the_database()
    {
        await using var connection = await factory.OpenConnectionAsync();

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            connection.ExecuteAsync("UPDATE summit SET title = 'Rewritten' WHERE id = 'busan-2025'"));

        Assert.Contains("change set", error.MessageText);
    }

    [Fact]
    public async Task Every_versioned_table_has_its_own_history_partition_and_an_asof_view_keyed_by_the_revision()
    {
        await using var connection = await factory.OpenConnectionAsync();
        var versioned = (await connection.QueryAsync<string>("""
            SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
             WHERE t.tgfoid = 'public.record_revision'::regproc ORDER BY 1
            """)).ToList();
        var partitions = (await connection.QueryAsync<string>(
            "SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'revision'::regclass")).ToHashSet();

        Assert.NotEmpty(versioned);
        Assert.All(versioned, table => Assert.Contains($"revision_{table}", partitions));
        // Nothing lands in the default partition: a table without a partition of its own would read its history slowly.
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM revision_other"));
        // The views find a row by the revision's own key column, which revision_as_of_idx serves.
        Assert.All(versioned, table => Assert.Contains("r.record_id AS ",
            connection.ExecuteScalar<string>("SELECT pg_get_viewdef(@view::regclass)", new { view = $"asof.{table}" })));
    }

    [Fact]
    public async Task A_write_reads_the_history_of_its_own_table_only()
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(factory.ConnectionString);
        await using var changeSet = await ChangeSet.BeginAsync(dataSource, "tests", "a write whose history reads are counted");

        await changeSet.Connection.ExecuteAsync(
            "UPDATE concession SET notes = 'Counted.' WHERE id = 'us-fentanyl-tariff-cut'", transaction: changeSet.Transaction);
        // This transaction's own scans, by table: the revision trigger must find the record's history in its table's
        // partition, not in every partition (at a million records a write took seconds reading the citations' history).
        var scanned = (await changeSet.Connection.QueryAsync<string>("""
            SELECT relname FROM pg_stat_xact_user_tables
             WHERE relname LIKE 'revision\_%' AND coalesce(seq_scan, 0) + coalesce(idx_scan, 0) > 0
            """, transaction: changeSet.Transaction)).ToList();

        Assert.Contains("revision_concession", scanned);
        Assert.DoesNotContain("revision_citation", scanned);
        Assert.DoesNotContain("revision_outcome", scanned);
        await changeSet.Transaction.RollbackAsync();
    }
}
