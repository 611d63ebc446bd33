using Npgsql;
using NpgsqlTypes;

const int PerOutcome = 4;

// Loads synthetic concessions, four to an outcome of their own (each record with the citation every fact
// needs), into a bench database that already holds the schema and the seed set, with COPY in binary format. A bench load of a million rows bypasses the
// per-row history and citation triggers (session_replication_role = replica), which would make it take
// minutes, and writes the history they would have written in two statements instead: one change set, and a
// revision per record. Without that history the service's seed loader, which runs at every start (the export
// command's included), would take the records for stale seeds and delete them.
//   ExportBenchLoader CONNECTION_STRING FIRST_NUMBER COUNT

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: ExportBenchLoader CONNECTION_STRING FIRST_NUMBER COUNT");
    return 2;
}
var (first, count) = (int.Parse(args[1]), int.Parse(args[2]));
if (first % PerOutcome != 0)
{
    Console.Error.WriteLine($"FIRST_NUMBER must be a multiple of {PerOutcome}: each outcome's concessions are loaded together.");
    return 2;
}
var (firstOutcome, lastOutcome) = (first / PerOutcome, (first + count - 1) / PerOutcome);
var connectionString = new NpgsqlConnectionStringBuilder(args[0]) { CommandTimeout = 0 }.ConnectionString;

await using var connection = new NpgsqlConnection(connectionString);
await connection.OpenAsync();
await using var transaction = await connection.BeginTransactionAsync();
await Execute("SET LOCAL session_replication_role = replica");
await Execute("INSERT INTO change_set (seq, committed_at, author, reason) SELECT max(seq) + 1, clock_timestamp(), 'bench', 'synthetic concessions' FROM change_set");
await using (var import = await connection.BeginBinaryImportAsync(
    "COPY outcome (id, summit_id, topic, title, summary, kind, status, reported_by) FROM STDIN (FORMAT BINARY)"))
{
    for (var o = firstOutcome; o <= lastOutcome; o++)
    {
        await import.StartRowAsync();
        await import.WriteAsync(OutcomeId(o), NpgsqlDbType.Text);
        await import.WriteAsync("busan-2025", NpgsqlDbType.Text);
        await import.WriteAsync("tariffs", NpgsqlDbType.Text);
        await import.WriteAsync($"Synthetic tariff agreement {o}", NpgsqlDbType.Text);
        await import.WriteAsync("Both sides agree to lower a set of synthetic tariff lines.", NpgsqlDbType.Text);
        await import.WriteAsync("agreement", NpgsqlDbType.Text);
        await import.WriteAsync("announced", NpgsqlDbType.Text);
        await import.WriteAsync(new[] { "US", "CN" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
    }
    await import.CompleteAsync();
}

await using (var import = await connection.BeginBinaryImportAsync("""
    COPY concession (id, outcome_id, giver, beneficiary, action, instrument, metric, value_before, value_after, unit,
                     approximate, effective_date, effective_date_precision, duration, exchanged_for, reported_by, notes)
    FROM STDIN (FORMAT BINARY)
    """))
{
    for (var n = first; n < first + count; n++)
    {
        var dated = n % 2 == 0;
        await import.StartRowAsync();
        await import.WriteAsync(Id(n), NpgsqlDbType.Text);
        await import.WriteAsync(OutcomeId(n / PerOutcome), NpgsqlDbType.Text);
        await import.WriteAsync(n % 3 == 0 ? "CN" : "US", NpgsqlDbType.Text);
        await import.WriteAsync(n % 3 == 0 ? "US" : "CN", NpgsqlDbType.Text);
        await import.WriteAsync("reduce_tariff", NpgsqlDbType.Text);
        await import.WriteAsync($"synthetic tariff line {n}, with a comma and \"quotes\" to escape", NpgsqlDbType.Text);
        await import.WriteAsync("tariff rate", NpgsqlDbType.Text);
        await import.WriteAsync(20m + n % 7, NpgsqlDbType.Numeric);
        await import.WriteAsync(10.5m, NpgsqlDbType.Numeric);
        await import.WriteAsync("percent", NpgsqlDbType.Text);
        await import.WriteAsync(n % 5 == 0, NpgsqlDbType.Boolean);
        if (dated)
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
        await import.WriteAsync(n > first ? new[] { Id(n - 1) } : [], NpgsqlDbType.Array | NpgsqlDbType.Text);
        await import.WriteAsync(new[] { "US" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
        await import.WriteAsync($"Synthetic bench record {n}.\nA second line, so CSV fields span lines.", NpgsqlDbType.Text);
    }
    await import.CompleteAsync();
}

await using (var import = await connection.BeginBinaryImportAsync(
    "COPY citation (id, source_id, record_type, record_id, excerpt) FROM STDIN (FORMAT BINARY)"))
{
    async Task Cite(string recordType, string recordId)
    {
        await import.StartRowAsync();
        await import.WriteAsync($"{recordId}-citation", NpgsqlDbType.Text);
        await import.WriteAsync("nyt-kuo-pierson-2025-10-30", NpgsqlDbType.Text);
        await import.WriteAsync(recordType, NpgsqlDbType.Text);
        await import.WriteAsync(recordId, NpgsqlDbType.Text);
        await import.WriteAsync("A synthetic excerpt of a bench source, of an ordinary length for a quoted passage.", NpgsqlDbType.Text);
    }
    for (var o = firstOutcome; o <= lastOutcome; o++)
    {
        await Cite("outcome", OutcomeId(o));
    }
    for (var n = first; n < first + count; n++)
    {
        await Cite("concession", Id(n));
    }
    await import.CompleteAsync();
}
await Execute($"""
    INSERT INTO revision (seq, ordinal, entity, record_id, version, operation, valid_from, body)
    SELECT cs.seq, row_number() OVER (ORDER BY r.entity, r.id), r.entity, r.id, 1, 'create', cs.committed_at, r.body
      FROM (SELECT 'outcome' AS entity, o.id, to_jsonb(o) AS body FROM outcome o WHERE o.id BETWEEN '{OutcomeId(firstOutcome)}' AND '{OutcomeId(lastOutcome)}'
            UNION ALL
            SELECT 'concession', c.id, to_jsonb(c) FROM concession c WHERE c.id BETWEEN '{Id(first)}' AND '{Id(first + count - 1)}'
            UNION ALL
            SELECT 'citation', t.id, to_jsonb(t) FROM citation t
             WHERE t.id BETWEEN '{OutcomeId(firstOutcome)}-citation' AND '{OutcomeId(lastOutcome)}-citation'
                OR t.id BETWEEN '{Id(first)}-citation' AND '{Id(first + count - 1)}-citation') r
     CROSS JOIN (SELECT seq, committed_at FROM change_set ORDER BY seq DESC LIMIT 1) cs
    """);
await transaction.CommitAsync();
await Execute("ANALYZE");
Console.WriteLine($"loaded concessions {first} to {first + count - 1} and outcomes {firstOutcome} to {lastOutcome}, with their citations");
return 0;

static string Id(int n) => $"bench-concession-{n:D8}";

static string OutcomeId(int n) => $"bench-outcome-{n:D8}";

async Task Execute(string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}
