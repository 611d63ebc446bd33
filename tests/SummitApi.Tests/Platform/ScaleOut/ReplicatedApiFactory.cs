using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SummitApi.Platform.Reads;

namespace SummitApi.Tests.Platform.ScaleOut;

/// <summary>
/// The real HTTP pipeline writing to a primary and reading from its streaming replica, both its own
/// (see StreamingPostgres). It migrates and seeds the empty primary as a deployment's first start does.
/// </summary>
public sealed class ReplicatedApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>How long a read with a consistency token waits for the replica here: short, for the tests' sake.</summary>
    public static readonly TimeSpan ReadYourWritesWait = TimeSpan.FromMilliseconds(300);

    private readonly string _exportsDirectory = Path.Combine(Path.GetTempPath(), $"summit-exports-{Guid.NewGuid():N}");
    private StreamingPostgres? _postgres;

    public StreamingPostgres Postgres => _postgres ?? throw new InvalidOperationException("The replica harness did not start: " + StreamingPostgres.SkipReason);

    public async Task InitializeAsync()
    {
        // A skipped test class still gets its fixture: start nothing where the harness cannot run.
        if (StreamingPostgres.SkipReason is null)
        {
            _postgres = await StreamingPostgres.StartAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Summit", Postgres.PrimaryConnectionString);
        builder.UseSetting("ConnectionStrings:" + ReadReplica.ConnectionStringName, Postgres.ReplicaConnectionString);
        builder.UseSetting("Database:ReadYourWritesWait", ReadYourWritesWait.ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Exports:Directory", _exportsDirectory);
        builder.UseSetting("Exports:Schedule", "");
    }

    /// <summary>A client with an editor key.</summary>
    public async Task<HttpClient> EditorAsync()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(Postgres.PrimaryConnectionString, "editor"));
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (Directory.Exists(_exportsDirectory))
        {
            Directory.Delete(_exportsDirectory, recursive: true);
        }
    }
}
