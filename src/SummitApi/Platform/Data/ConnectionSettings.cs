using System.Data.Common;
using Npgsql;

namespace SummitApi.Platform.Data;

public static class ConnectionSettings
{
    private const string MaxAutoPrepare = "Max Auto Prepare";

    /// <summary>
    /// The service runs the same few dozen statements all day: prepared once per connection, each later run skips
    /// parsing and planning. A connection string that sets Max Auto Prepare (0 turns it off) wins.
    /// </summary>
    public static void PrepareStatementsAutomatically(NpgsqlConnectionStringBuilder settings)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers whether a keyword is one Npgsql knows, so it said yes for
        // every connection string and auto-preparation was never turned on. Its ConnectionString holds only the keys
        // given, each under its canonical name, which the plain builder can be asked about.
        if (!new DbConnectionStringBuilder { ConnectionString = settings.ConnectionString }.ContainsKey(MaxAutoPrepare))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }
    }
}
