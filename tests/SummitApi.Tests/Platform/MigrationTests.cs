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
}
