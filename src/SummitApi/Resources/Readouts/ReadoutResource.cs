using Dapper;
using SummitApi.Platform.Catalog;

namespace SummitApi.Resources.Readouts;

public static class ReadoutResource
{
    public static readonly RecordResource<ReadoutInput, ReadoutDto> Definition = new()
    {
        Path = "readouts", IdParameter = "readoutId", Table = "readout", Name = "Readout", Tag = "Readouts", SeedFile = "readouts.json",
        MapReads = ReadoutEndpoints.MapReadouts,
        Serializers = ReadoutJsonContext.Default,
        // A readout embeds its statements, as GET /api/v1/readouts/{id} serves it; they are also a data set of their own.
        Export = new()
        {
            Sql = ReadoutQueries.AllForExport,
            ForeignKeys = [("summitId", "summits"), ("partyId", "parties"), ("issuerId", "actors")],
            Complete = ReadoutEndpoints.WithStatementsAsync,
        },
        Validator = catalog => new ReadoutInputValidator(catalog), IdOf = record => record.Id,
        Lookup = RecordLookup.Composed<ReadoutDto>(async (connection, id) => await connection.QuerySingleOrDefaultAsync<ReadoutDto>(ReadoutQueries.ById, new { id }) is { } readout
            ? (await ReadoutEndpoints.WithStatementsAsync(connection, [readout]))[0]
            : null),
        CitationsOf = record => record.Citations,
        WrittenElsewhere = new Dictionary<string, string> { ["statements"] = "write each statement through /api/v1/readout-statements" },
    };

    /// <summary>
    /// A readout's statements: written one by one, served inside their readout and at /readout-statements/{id} (mapped
    /// with the readouts), and given inline in readouts.json by the seeds.
    /// </summary>
    public static readonly RecordResource<ReadoutStatementInput, ReadoutStatementDto> Statements = new()
    {
        Path = "readout-statements", IdParameter = "statementId", Table = "readout_statement", Name = "ReadoutStatement", Tag = "Readouts",
        SeedFile = "readouts.json",
        Seeds = files => [.. files.Records<ReadoutInput>("readouts.json")
            .SelectMany(readout => (readout.Statements ?? []).Select(statement => statement with { ReadoutId = statement.ReadoutId ?? readout.Id }))],
        MapReads = null,
        Serializers = ReadoutJsonContext.Default,
        Export = new()
        {
            Sql = ReadoutQueries.AllStatementsForExport,
            ForeignKeys = [("readoutId", "readouts"), ("partyId", "parties"), ("outcomeId", "outcomes"), ("concessionId", "concessions")],
        },
        Validator = catalog => new ReadoutStatementInputValidator(catalog), IdOf = record => record.Id,
        Lookup = RecordLookup.ById<ReadoutStatementDto>(ReadoutQueries.StatementById),
        CitationsOf = record => record.Citations,
    };
}
