using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

// Fills a bench database that already holds the schema and the seed set with synthetic data of a realistic shape,
// with COPY in binary format: concessions numbered FIRST to FIRST+COUNT-1, four to an outcome of their own, 250
// outcomes to a summit, and for each summit a readout per side with a statement on each of its outcomes; every
// fact with the citation every fact needs.
//
// A bench load bypasses the per-row history and citation triggers (session_replication_role = replica), which
// would make a million rows take many minutes, and writes the history they would have written in one statement
// instead: one change set, and a revision per record. Without that history the service's seed loader, which runs
// at every start, would take the records for stale seeds and delete them.
//   SyntheticData CONNECTION_STRING FIRST COUNT      (FIRST and COUNT multiples of 1,000)

const int ConcessionsPerOutcome = 4;
const int OutcomesPerSummit = 250;
const int ConcessionsPerSummit = ConcessionsPerOutcome * OutcomesPerSummit;

if (args.Length != 3 || !int.TryParse(args[1], out var first) || !int.TryParse(args[2], out var count)
    || first < 0 || count <= 0 || first % ConcessionsPerSummit != 0 || count % ConcessionsPerSummit != 0)
{
    Console.Error.WriteLine($"usage: SyntheticData CONNECTION_STRING FIRST COUNT   (FIRST and COUNT multiples of {ConcessionsPerSummit:N0})");
    return 2;
}
var outcomes = (First: first / ConcessionsPerOutcome, Count: count / ConcessionsPerOutcome);
var summits = (First: first / ConcessionsPerSummit, Count: count / ConcessionsPerSummit);
var connectionString = new NpgsqlConnectionStringBuilder(args[0]) { CommandTimeout = 0 }.ConnectionString;
var clock = Stopwatch.StartNew();

await using var connection = new NpgsqlConnection(connectionString);
await connection.OpenAsync();
await using var transaction = await connection.BeginTransactionAsync();
await Execute("SET LOCAL session_replication_role = replica");
await Execute("INSERT INTO change_set (seq, committed_at, author, reason) SELECT max(seq) + 1, clock_timestamp(), 'bench', 'synthetic data' FROM change_set");

await CopyAsync("summits", summits.Count,
    "COPY summit (id, kind, title, place, date, date_precision, status, parties, notes) FROM STDIN (FORMAT BINARY)",
    async (import, i) =>
    {
        var s = summits.First + i;
        await import.WriteAsync(SummitId(s), NpgsqlDbType.Text);
        await import.WriteAsync(s % 5 == 0 ? "call" : "in_person", NpgsqlDbType.Text);
        await import.WriteAsync($"Synthetic trade summit {s}", NpgsqlDbType.Text);
        await import.WriteAsync("Busan", NpgsqlDbType.Text);
        await import.WriteAsync(new DateOnly(2020, 1, 1).AddDays(s % 3000), NpgsqlDbType.Date);
        await import.WriteAsync("day", NpgsqlDbType.Text);
        await import.WriteAsync("held", NpgsqlDbType.Text);
        await import.WriteAsync(new[] { "US", "CN" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
        await import.WriteAsync("A synthetic summit for benchmarks.", NpgsqlDbType.Text);
    });

await CopyAsync("outcomes", outcomes.Count,
    "COPY outcome (id, summit_id, topic, title, summary, kind, status, reported_by) FROM STDIN (FORMAT BINARY)",
    async (import, i) =>
    {
        var o = outcomes.First + i;
        await import.WriteAsync(OutcomeId(o), NpgsqlDbType.Text);
        await import.WriteAsync(SummitId(o / OutcomesPerSummit), NpgsqlDbType.Text);
        await import.WriteAsync("tariffs", NpgsqlDbType.Text);
        await import.WriteAsync($"Synthetic tariff agreement {o}", NpgsqlDbType.Text);
        await import.WriteAsync("Both sides agree to lower a set of synthetic tariff lines.", NpgsqlDbType.Text);
        await import.WriteAsync("agreement", NpgsqlDbType.Text);
        await import.WriteAsync("announced", NpgsqlDbType.Text);
        await import.WriteAsync(new[] { "US", "CN" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
    });

await CopyAsync("concessions", count, """
    COPY concession (id, outcome_id, giver, beneficiary, action, instrument, metric, value_before, value_after, unit,
                     approximate, effective_date, effective_date_precision, duration, exchanged_for, reported_by, notes)
    FROM STDIN (FORMAT BINARY)
    """,
    async (import, i) =>
    {
        var n = first + i;
        await import.WriteAsync(ConcessionId(n), NpgsqlDbType.Text);
        await import.WriteAsync(OutcomeId(n / ConcessionsPerOutcome), NpgsqlDbType.Text);
        await import.WriteAsync(n % 3 == 0 ? "CN" : "US", NpgsqlDbType.Text);
        await import.WriteAsync(n % 3 == 0 ? "US" : "CN", NpgsqlDbType.Text);
        await import.WriteAsync("reduce_tariff", NpgsqlDbType.Text);
        await import.WriteAsync($"synthetic tariff line {n}, with a comma and \"quotes\" to escape", NpgsqlDbType.Text);
        await import.WriteAsync("tariff rate", NpgsqlDbType.Text);
        await import.WriteAsync(20m + n % 7, NpgsqlDbType.Numeric);
        await import.WriteAsync(10.5m, NpgsqlDbType.Numeric);
        await import.WriteAsync("percent", NpgsqlDbType.Text);
        await import.WriteAsync(n % 5 == 0, NpgsqlDbType.Boolean);
        if (n % 2 == 0)
        {
            await import.WriteAsync(new DateOnly(2025, 11, 10).AddDays(n % 365), NpgsqlDbType.Date);
            await import.WriteAsync("day", NpgsqlDbType.Text);
            await import.WriteAsync("P1Y", NpgsqlDbType.Text);
        }
        else
        {
            await import.WriteNullAsync();
            await import.WriteNullAsync();
            await import.WriteNullAsync();
        }
        await import.WriteAsync(n % ConcessionsPerOutcome != 0 ? new[] { ConcessionId(n - 1) } : [], NpgsqlDbType.Array | NpgsqlDbType.Text);
        await import.WriteAsync(new[] { "US" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
        await import.WriteAsync($"Synthetic bench record {n}.\nA second line, so CSV fields span lines.", NpgsqlDbType.Text);
    });

string[] sides = ["US", "CN"];
await CopyAsync("readouts", summits.Count * sides.Length,
    "COPY readout (id, summit_id, party_id, kind, title, published_date, published_date_precision, tone) FROM STDIN (FORMAT BINARY)",
    async (import, i) =>
    {
        var (s, side) = (summits.First + i / sides.Length, sides[i % sides.Length]);
        await import.WriteAsync(ReadoutId(s, side), NpgsqlDbType.Text);
        await import.WriteAsync(SummitId(s), NpgsqlDbType.Text);
        await import.WriteAsync(side, NpgsqlDbType.Text);
        await import.WriteAsync(side == "US" ? "leader_remarks" : "ministry_statement", NpgsqlDbType.Text);
        await import.WriteAsync($"{side} readout of synthetic summit {s}", NpgsqlDbType.Text);
        await import.WriteAsync(new DateOnly(2020, 1, 1).AddDays(s % 3000), NpgsqlDbType.Date);
        await import.WriteAsync("day", NpgsqlDbType.Text);
        await import.WriteAsync(side == "US" ? "enthusiastic" : "cautious", NpgsqlDbType.Text);
    });

// One statement per outcome, taking turns between the two sides' readouts.
await CopyAsync("readout statements", outcomes.Count,
    "COPY readout_statement (id, readout_id, topic, stance, claim, outcome_id) FROM STDIN (FORMAT BINARY)",
    async (import, i) =>
    {
        var o = outcomes.First + i;
        var side = sides[o % sides.Length];
        await import.WriteAsync(StatementId(o), NpgsqlDbType.Text);
        await import.WriteAsync(ReadoutId(o / OutcomesPerSummit, side), NpgsqlDbType.Text);
        await import.WriteAsync("tariffs", NpgsqlDbType.Text);
        await import.WriteAsync("asserts", NpgsqlDbType.Text);
        await import.WriteAsync($"{side} says the synthetic tariff agreement {o} was reached.", NpgsqlDbType.Text);
        await import.WriteAsync(OutcomeId(o), NpgsqlDbType.Text);
    });

(string Type, Func<int, string> Id, int First, int Count)[] cited =
[
    ("summit", SummitId, summits.First, summits.Count),
    ("outcome", OutcomeId, outcomes.First, outcomes.Count),
    ("concession", ConcessionId, first, count),
];
await CopyAsync("citations", cited.Sum(c => c.Count),
    "COPY citation (id, source_id, record_type, record_id, excerpt) FROM STDIN (FORMAT BINARY)",
    async (import, i) =>
    {
        var kind = 0;
        for (; i >= cited[kind].Count; kind++)
        {
            i -= cited[kind].Count;
        }
        var recordId = cited[kind].Id(cited[kind].First + i);
        await import.WriteAsync($"{recordId}-citation", NpgsqlDbType.Text);
        await import.WriteAsync("nyt-kuo-pierson-2025-10-30", NpgsqlDbType.Text);
        await import.WriteAsync(cited[kind].Type, NpgsqlDbType.Text);
        await import.WriteAsync(recordId, NpgsqlDbType.Text);
        await import.WriteAsync("A synthetic excerpt of a bench source, of an ordinary length for a quoted passage.", NpgsqlDbType.Text);
    });

Progress.Line($"writing the history of {cited.Sum(c => c.Count) * 2 + summits.Count * 2 + outcomes.Count:N0} records");
await Execute($"""
    INSERT INTO revision (seq, ordinal, entity, record_id, version, operation, valid_from, body)
    SELECT cs.seq, row_number() OVER (ORDER BY r.entity, r.id), r.entity, r.id, 1, 'create', cs.committed_at, r.body
      FROM (SELECT 'summit' AS entity, id, to_jsonb(t) AS body FROM summit t WHERE id BETWEEN '{SummitId(summits.First)}' AND '{SummitId(summits.First + summits.Count - 1)}'
            UNION ALL SELECT 'outcome', id, to_jsonb(t) FROM outcome t WHERE id BETWEEN '{OutcomeId(outcomes.First)}' AND '{OutcomeId(outcomes.First + outcomes.Count - 1)}'
            UNION ALL SELECT 'concession', id, to_jsonb(t) FROM concession t WHERE id BETWEEN '{ConcessionId(first)}' AND '{ConcessionId(first + count - 1)}'
            UNION ALL SELECT 'readout', id, to_jsonb(t) FROM readout t WHERE summit_id BETWEEN '{SummitId(summits.First)}' AND '{SummitId(summits.First + summits.Count - 1)}'
            UNION ALL SELECT 'readout_statement', id, to_jsonb(t) FROM readout_statement t WHERE id BETWEEN '{StatementId(outcomes.First)}' AND '{StatementId(outcomes.First + outcomes.Count - 1)}'
            UNION ALL SELECT 'citation', id, to_jsonb(t) FROM citation t
                       WHERE record_id BETWEEN '{ConcessionId(first)}' AND '{ConcessionId(first + count - 1)}'
                          OR record_id BETWEEN '{OutcomeId(outcomes.First)}' AND '{OutcomeId(outcomes.First + outcomes.Count - 1)}'
                          OR record_id BETWEEN '{SummitId(summits.First)}' AND '{SummitId(summits.First + summits.Count - 1)}') r
     CROSS JOIN (SELECT seq, committed_at FROM change_set ORDER BY seq DESC LIMIT 1) cs
    """);
await transaction.CommitAsync();
Progress.Line("analyzing");
await Execute("ANALYZE");
Progress.Line($"loaded concessions {first:N0} to {first + count - 1:N0}, {outcomes.Count:N0} outcomes, {summits.Count:N0} summits with {summits.Count * 2:N0} readouts and {outcomes.Count:N0} statements, and their citations, in {clock.Elapsed.TotalSeconds:F1} s");
return 0;

static string SummitId(int n) => $"bench-summit-{n:D6}";
static string OutcomeId(int n) => $"bench-outcome-{n:D8}";
static string ConcessionId(int n) => $"bench-concession-{n:D8}";
static string ReadoutId(int summit, string side) => $"bench-readout-{summit:D6}-{side.ToLowerInvariant()}";
static string StatementId(int outcome) => $"bench-statement-{outcome:D8}";

async Task Execute(string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

async Task CopyAsync(string what, int rows, string copy, Func<NpgsqlBinaryImporter, int, Task> writeRow)
{
    var progress = new Progress(what, rows);
    await using var import = await connection.BeginBinaryImportAsync(copy);
    for (var i = 0; i < rows; i++)
    {
        await import.StartRowAsync();
        await writeRow(import, i);
        progress.Report(i + 1);
    }
    await import.CompleteAsync();
    progress.Done();
}

/// <summary>Rows done, rate and time left: redrawn in place on a terminal, a plain line per tenth otherwise.</summary>
internal sealed class Progress(string what, int total)
{
    private static readonly bool Interactive = !Console.IsOutputRedirected;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw;
    private int _lastTenth;

    public static void Line(string text) => Console.WriteLine($"[synthetic-data] {text}");

    public void Report(int done)
    {
        var tenth = (int)(10L * done / total);
        if (Interactive ? _clock.ElapsedMilliseconds - _lastDraw < 200 && done < total : tenth == _lastTenth)
        {
            return;
        }
        (_lastDraw, _lastTenth) = (_clock.ElapsedMilliseconds, tenth);
        var rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var text = $"[synthetic-data] {what}: {done:N0} of {total:N0} ({100.0 * done / total:F0}%), {rate:N0} rows/s, about {(total - done) / rate:F0} s left";
        if (Interactive)
        {
            Console.Write("\r" + text.PadRight(Console.WindowWidth > 0 ? Math.Min(Console.WindowWidth - 1, 120) : 0));
        }
        else
        {
            Console.WriteLine(text);
        }
    }

    public void Done()
    {
        if (Interactive)
        {
            Console.WriteLine();
        }
        Line($"{what}: {total:N0} rows in {_clock.Elapsed.TotalSeconds:F1} s");
    }
}
