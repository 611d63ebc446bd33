using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SummitApi.Resources;
using SummitApi.Platform.Data;
using SummitApi.LocalPostgres;
using SummitApi.Platform.Seeding;

namespace SummitApi.Tests.Platform.Seeding;

public class SeedDataTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private static readonly string[] FactTables =
        ["actor", "summit", "outcome", "concession", "readout", "readout_statement", "event", "assessment", "context_figure"];

    [Fact]
    public async Task Loading_the_seed_set_again_changes_nothing()
    {
        await using var connection = await factory.OpenConnectionAsync();
        var revisionsBefore = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM revision");

        await using var dataSource = NpgsqlDataSource.Create(factory.ConnectionString);
        var loader = new SeedLoader(dataSource, NullLogger<SeedLoader>.Instance);
        var skipped = await loader.LoadAsync(SeedSet.ReadEmbedded(ResourceCatalog.Instance));
        // Without the fingerprint the loader compares every seed row with the table, and still finds nothing to do.
        await connection.ExecuteAsync("DELETE FROM seed_state");
        var compared = await loader.LoadAsync(SeedSet.ReadEmbedded(ResourceCatalog.Instance));

        Assert.Null(skipped);
        Assert.Null(compared);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM seed_state"));
        Assert.Equal(revisionsBefore, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM revision"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM change_set"));
        Assert.Equal("seeds", await connection.ExecuteScalarAsync<string>("SELECT author FROM change_set WHERE seq = 1"));
    }

    [Fact]
    public async Task Every_fact_record_cites_at_least_one_source()
    {
        await using var connection = await factory.OpenConnectionAsync();
        foreach (var table in FactTables)
        {
            var records = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
            var uncited = await connection.QueryAsync<string>(
                $"SELECT id FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM citation c WHERE c.record_type = '{table}' AND c.record_id = t.id)");
            Assert.True(records > 0, $"the seed set has no {table}");
            Assert.Empty(uncited);
        }
    }

    [SourceDocumentsFact]
    public async Task Every_excerpt_and_quote_is_verbatim_in_its_source_document()
    {
        var documents = SourceDocuments.BySha256().ToDictionary(d => d.Key, d => SourceDocuments.NormalizeWhitespace(d.Value));
        await using var connection = await factory.OpenConnectionAsync();
        var sourceTexts = (await connection.QueryAsync<(string Id, string Sha256)>("SELECT id, sha256 FROM source"))
            .ToDictionary(s => s.Id, s => documents.TryGetValue(s.Sha256, out var text) ? text : throw new Xunit.Sdk.XunitException($"source {s.Id}: no document in ../shared/seeds has sha256 {s.Sha256}"));

        var citations = await connection.QueryAsync<(string Id, string SourceId, string Excerpt)>("SELECT id, source_id, excerpt FROM citation");
        var notVerbatim = citations.Where(c => !sourceTexts[c.SourceId].Contains(SourceDocuments.NormalizeWhitespace(c.Excerpt), StringComparison.Ordinal)).ToList();
        Assert.Empty(notVerbatim);
        Assert.All(citations, c => Assert.InRange(c.Excerpt.EnumerateRunes().Count(), 1, 400));

        var quotes = await connection.QueryAsync<(string Id, string Quote)>("SELECT id, quote FROM assessment");
        Assert.All(quotes, q => Assert.Contains(sourceTexts.Values, text => text.Contains(SourceDocuments.NormalizeWhitespace(q.Quote), StringComparison.Ordinal)));
    }

    [Fact]
    public void A_malformed_seed_file_names_the_file_the_record_and_the_field()
    {
        var error = Assert.Throws<SeedDataException>(() => ReadWithEdit("summits.json", "busan-2025", summit => summit["datePrecision"] = "week"));

        Assert.Equal("summits.json", error.File);
        Assert.Equal("busan-2025", error.RecordId);
        Assert.Equal("datePrecision", error.Field);
        Assert.Contains("seeds/summits.json, record 'busan-2025', field 'datePrecision'", error.Message);
    }

    [Fact]
    public void An_unknown_field_in_a_seed_file_is_refused_by_name()
    {
        var error = Assert.Throws<SeedDataException>(() => ReadWithEdit("concessions.json", "us-fentanyl-tariff-cut", c => c["valueBefor"] = 20));

        Assert.Equal("us-fentanyl-tariff-cut", error.RecordId);
        Assert.Equal("valueBefor", error.Field);
    }

    [Fact]
    public void A_seed_record_without_citations_is_refused()
    {
        var error = Assert.Throws<SeedDataException>(() => ReadWithEdit("outcomes.json", null, o => o["citations"] = new JsonArray()));

        Assert.Equal("outcomes.json", error.File);
        Assert.Equal("citations", error.Field);
    }

    [Fact]
    public void A_seed_reference_to_an_unknown_record_is_refused()
    {
        var error = Assert.Throws<SeedDataException>(() => ReadWithEdit("concessions.json", "us-fentanyl-tariff-cut", c => c["outcomeId"] = "no-such-outcome"));

        Assert.Equal("outcomeId", error.Field);
        Assert.Contains("no-such-outcome", error.Message);
    }

    [Fact]
    public void An_excerpt_over_400_characters_is_refused()
    {
        var error = Assert.Throws<SeedDataException>(() => ReadWithEdit("summits.json", "busan-2025",
            s => s["citations"]![0]!["excerpt"] = new string('x', 401)));

        Assert.Equal("busan-2025", error.RecordId);
        Assert.Contains("400", error.Message);
    }

    private static SeedSet ReadWithEdit(string file, string? recordId, Action<JsonObject> edit) =>
        Read(name => name == file ? Edit(ReadEmbedded(name), recordId, edit) : ReadEmbedded(name));

    internal static SeedSet Read(Func<string, string> files) =>
        SeedSet.Read(ResourceCatalog.Instance, name => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(files(name))));

    /// <summary>Applies the edit to the record with that id, or to every record when the id is null.</summary>
    internal static string Edit(string json, string? recordId, Action<JsonObject> edit)
    {
        var records = JsonNode.Parse(json)!.AsArray();
        foreach (var record in records.Select(r => r!.AsObject()).Where(r => recordId is null || r["id"]!.GetValue<string>() == recordId))
        {
            edit(record);
        }
        return records.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    internal static string ReadEmbedded(string file)
    {
        using var stream = typeof(SeedSet).Assembly.GetManifestResourceStream("seeds/" + file)!;
        return new StreamReader(stream).ReadToEnd();
    }
}

/// <summary>How a newer seed set meets a database that older seeds and editors have written (its own database).</summary>
public class SeedEvolutionTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private const string Dropped = "rare-earth-element-count";
    private const string DroppedButEdited = "china-growth-target";
    private const string DeletedByEditor = "tit-for-tat-period";
    private const string CreatedByEditor = "editor-figure";

    [Fact]
    public async Task Records_dropped_from_the_seeds_go_unless_an_editor_touched_them_and_a_seed_record_an_editor_deleted_stays_deleted()
    {
        await using var dataSource = NpgsqlDataSource.Create(factory.ConnectionString);
        await using (var editor = await ChangeSet.BeginAsync(dataSource, "key:test-editor", "edit, delete and add context figures"))
        {
            await editor.Connection.ExecuteAsync(
                $"""
                UPDATE context_figure SET notes = 'Checked by an editor.' WHERE id = '{DroppedButEdited}';
                DELETE FROM citation WHERE record_type = 'context_figure' AND record_id = '{DeletedByEditor}';
                DELETE FROM context_figure WHERE id = '{DeletedByEditor}';
                INSERT INTO context_figure SELECT (jsonb_populate_record(NULL::context_figure, to_jsonb(f) || '{"{"}"id": "{CreatedByEditor}"{"}"}')).*
                  FROM context_figure f WHERE id = '{Dropped}';
                INSERT INTO citation SELECT (jsonb_populate_record(NULL::citation, to_jsonb(c) || jsonb_build_object('id', 'editor-' || c.id, 'record_id', '{CreatedByEditor}'))).*
                  FROM citation c WHERE record_type = 'context_figure' AND record_id = '{Dropped}';
                """, transaction: editor.Transaction);
            await editor.CommitAsync();
        }
        var newer = SeedSet.Read(ResourceCatalog.Instance, file => Embedded(file, json => file == "context-figures.json"
            ? new JsonArray(JsonNode.Parse(json)!.AsArray().Where(f => f!["id"]!.GetValue<string>() is not (Dropped or DroppedButEdited)).Select(f => f!.DeepClone()).ToArray()).ToJsonString()
            : json));

        var revision = await new SeedLoader(dataSource, NullLogger<SeedLoader>.Instance).LoadAsync(newer);

        Assert.NotNull(revision);
        await using var connection = await factory.OpenConnectionAsync();
        var figures = (await connection.QueryAsync<string>("SELECT id FROM context_figure")).ToHashSet();
        Assert.DoesNotContain(Dropped, figures);
        Assert.Contains(DroppedButEdited, figures);
        Assert.Contains(CreatedByEditor, figures);
        Assert.DoesNotContain(DeletedByEditor, figures);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM citation WHERE record_id IN ('{Dropped}', '{DeletedByEditor}')"));
        Assert.Equal("delete", await connection.ExecuteScalarAsync<string>(
            "SELECT operation FROM revision WHERE entity = 'context_figure' AND record_id = @Dropped AND seq = @revision", new { Dropped, revision }));
    }

    [Fact]
    public async Task A_changed_seed_file_updates_untouched_records_and_leaves_records_an_editor_changed()
    {
        await using var dataSource = NpgsqlDataSource.Create(factory.ConnectionString);
        await using (var editor = await ChangeSet.BeginAsync(dataSource, "key:test-editor", "correct a title"))
        {
            await editor.Connection.ExecuteAsync("UPDATE summit SET title = 'Edited by an editor' WHERE id = 'busan-2025'", transaction: editor.Transaction);
            await editor.CommitAsync();
        }
        var untouched = JsonNode.Parse(SeedDataTests.ReadEmbedded("summits.json"))!.AsArray().Select(s => s!["id"]!.GetValue<string>()).First(id => id != "busan-2025");

        var changed = SeedDataTests.Read(file => file == "summits.json"
            ? SeedDataTests.Edit(SeedDataTests.ReadEmbedded(file), null, s => s["notes"] = "Notes revised in the seed file.")
            : SeedDataTests.ReadEmbedded(file));
        var revision = await new SeedLoader(dataSource, NullLogger<SeedLoader>.Instance).LoadAsync(changed);

        Assert.NotNull(revision);
        await using var connection = await factory.OpenConnectionAsync();
        Assert.Equal("Edited by an editor", await connection.ExecuteScalarAsync<string>("SELECT title FROM summit WHERE id = 'busan-2025'"));
        Assert.NotEqual("Notes revised in the seed file.", await connection.ExecuteScalarAsync<string>("SELECT notes FROM summit WHERE id = 'busan-2025'"));
        Assert.Equal("Notes revised in the seed file.", await connection.ExecuteScalarAsync<string>("SELECT notes FROM summit WHERE id = @untouched", new { untouched }));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>(
            "SELECT version FROM revision WHERE entity = 'summit' AND record_id = @untouched AND seq = @revision", new { untouched, revision }));
    }

    private static Stream Embedded(string file, Func<string, string> edit)
    {
        using var stream = typeof(SeedSet).Assembly.GetManifestResourceStream("seeds/" + file)!;
        return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(edit(new StreamReader(stream).ReadToEnd())));
    }
}
