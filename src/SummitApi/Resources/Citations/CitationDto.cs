
namespace SummitApi.Resources.Citations;

/// <summary>Where a fact comes from: a source and a verbatim excerpt of it.</summary>
/// <param name="SourceId">The cited source (see /api/v1/sources/{id}).</param>
/// <param name="Excerpt">At most 400 characters copied exactly from the source; only runs of whitespace may differ.</param>
public sealed record CitationDto(string SourceId, string Excerpt);
