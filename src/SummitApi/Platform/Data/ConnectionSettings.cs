using System.Data.Common;
using Npgsql;

namespace SummitApi.Platform.Data;

public static class ConnectionSettings
{
    private const string MaxAutoPrepare = "Max Auto Prepare";
    private const string NoResetOnClose = "No Reset On Close";
    private const string MaxPoolSize = "Maximum Pool Size";
    private const string Multiplexing = "Multiplexing";

    /// <summary>
    /// The settings the service reads and writes with, each only where the connection string does not set it: see
    /// <see cref="PrepareStatementsAutomatically"/>, <see cref="KeepSessionsAsTheyAre"/>, <see cref="BoundThePool"/> and
    /// <see cref="CompileNoQueries"/>.
    /// </summary>
    public static void ApplyServiceDefaults(NpgsqlConnectionStringBuilder settings)
    {
        PrepareStatementsAutomatically(settings);
        KeepSessionsAsTheyAre(settings);
        BoundThePool(settings);
        CompileNoQueries(settings);
    }

    /// <summary>
    /// PostgreSQL compiles a statement it estimates as expensive to machine code (JIT) before running it. The service's
    /// statements each read a few rows, but some are estimated at millions (a revision trigger's statements, the asof
    /// views before the planner knows the parameters), and compiling them cost more than running them: at a million
    /// concessions the first PATCH on each pooled session took 1.4 s, 156 ms with jit off (then 13–31 ms either way).
    /// Sent as a session option, so it holds for every statement; a connection string whose Options set jit wins.
    /// </summary>
    public static void CompileNoQueries(NpgsqlConnectionStringBuilder settings)
    {
        if (settings.Options?.Contains("jit", StringComparison.Ordinal) != true)
        {
            settings.Options = $"{settings.Options} -c jit=off".Trim();
        }
    }

    /// <summary>
    /// The service runs the same few dozen statements all day: prepared once per connection, each later run skips
    /// parsing and planning. A connection string that sets Max Auto Prepare (0 turns it off) wins.
    /// </summary>
    public static void PrepareStatementsAutomatically(NpgsqlConnectionStringBuilder settings)
    {
        if (!Sets(settings, MaxAutoPrepare))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }
    }

    /// <summary>
    /// A pooled connection handed back is otherwise reset with seven statements (CLOSE ALL, RESET ALL, UNLISTEN *,
    /// pg_advisory_unlock_all() and the DISCARDs) sent ahead of the next request's own: PostgreSQL ran them on every
    /// read. The service leaves nothing on a pooled session to reset: its settings are transaction-local
    /// (set_config(…, true)), its advisory locks transaction-level or on unpooled connections (migrations, exports),
    /// it makes no temporary tables, and LISTEN has a connection of its own. An open transaction is still rolled back
    /// when the connection goes back to the pool. A connection string that sets No Reset On Close wins.
    /// </summary>
    public static void KeepSessionsAsTheyAre(NpgsqlConnectionStringBuilder settings)
    {
        if (!Sets(settings, NoResetOnClose))
        {
            settings.NoResetOnClose = true;
        }
    }

    /// <summary>
    /// Npgsql's default of 100 connections lets 64 concurrent reads become 64 busy PostgreSQL backends, each a process
    /// the database server's cores switch between: on two cores pgbench ran the GET by id's statement at half the rate
    /// with 64 clients that it did with 16 (bench/README, issue 20). A request past the bound waits for a connection (up to the
    /// connection string's Timeout), which on a busy server it would have waited for the cores anyway. Four per core
    /// of this machine, at least 16; a connection string that sets Maximum Pool Size wins.
    /// </summary>
    public static void BoundThePool(NpgsqlConnectionStringBuilder settings)
    {
        if (!Sets(settings, MaxPoolSize))
        {
            settings.MaxPoolSize = Math.Max(16, 4 * Environment.ProcessorCount);
        }
    }

    /// <summary>
    /// The settings of <see cref="PlainReads"/>: the service's, multiplexed unless <paramref name="multiplex"/> is false
    /// (Database:MultiplexPlainReads, to compare) or the connection string sets Multiplexing.
    /// </summary>
    public static NpgsqlConnectionStringBuilder ForPlainReads(NpgsqlConnectionStringBuilder settings, bool multiplex)
    {
        var plain = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        if (multiplex && !Sets(plain, Multiplexing))
        {
            plain.Multiplexing = true;
        }
        return plain;
    }

    // NpgsqlConnectionStringBuilder.ContainsKey answers whether a keyword is one Npgsql knows, so it said yes for
    // every connection string. Its ConnectionString holds only the keys given, each under its canonical name, which
    // the plain builder can be asked about.
    private static bool Sets(NpgsqlConnectionStringBuilder settings, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = settings.ConnectionString }.ContainsKey(keyword);
}
