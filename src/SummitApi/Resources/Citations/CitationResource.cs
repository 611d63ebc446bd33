using SummitApi.Platform.Catalog;

namespace SummitApi.Resources.Citations;

/// <summary>Citations written on their own; the seeds give them inline on each record, so none come from a seed file of their own.</summary>
public static class CitationResource
{
    public static readonly RecordResource<CitationRecordInput, SourceCitationDto> Definition = new()
    {
        Path = "citations", IdParameter = "citationId", Table = "citation", Name = "Citation", Tag = "Sources", SeedFile = null,
        MapReads = CitationEndpoints.MapCitations,
        Serializers = CitationJsonContext.Default,
        Export = new() { Sql = CitationQueries.AllForExport, ForeignKeys = [("sourceId", "sources")] },
        Validator = catalog => new CitationRecordInputValidator(catalog), IdOf = record => record.IdOrDerived(),
        Lookup = RecordLookup.ById<SourceCitationDto>(CitationQueries.ById),
        Row = record => record with { Id = record.IdOrDerived() },
    };
}
