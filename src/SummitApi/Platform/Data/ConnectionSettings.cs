using Npgsql;

namespace SummitApi.Platform.Data;

public static class ConnectionSettings
{
    /// <summary>
    /// The service runs the same few dozen statements all day: prepared once per connection, each later run skips
    /// parsing and planning. A connection string that sets Max Auto Prepare (0 turns it off) wins.
    /// </summary>
    public static void PrepareStatementsAutomatically(NpgsqlConnectionStringBuilder settings)
    {
        if (!settings.ContainsKey("Max Auto Prepare"))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }
    }
}
