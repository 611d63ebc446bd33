using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace SummitApi.Features.Vocabularies;

public static class VocabularyEndpoints
{
    public static void MapVocabularies(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/vocabularies", GetVocabularies).WithName("GetVocabularies").WithTags("Vocabularies")
            .WithSummary("Get every vocabulary")
            .WithDescription("Every controlled list of codes that records use (topics, concession actions, units, kinds, statuses, …), each ordered by code, plus the fixed lists of date precisions, date qualifiers and readout-difference classifications.");
    }

    public static async Task<Ok<VocabulariesDto>> GetVocabularies(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Vocabulary, string Code, string Label, string? Description)>(VocabularyQueries.AllTerms);
        var terms = rows.GroupBy(r => r.Vocabulary).ToDictionary(
            g => g.Key, g => (IReadOnlyList<VocabularyTerm>)[.. g.Select(r => new VocabularyTerm(r.Code, r.Label, r.Description))]);
        IReadOnlyList<VocabularyTerm> Terms(string name) => terms.GetValueOrDefault(name, []);

        return TypedResults.Ok(new VocabulariesDto
        {
            Topics = Terms("topics"),
            ConcessionActions = Terms("concessionActions"),
            Units = Terms("units"),
            SummitKinds = Terms("summitKinds"),
            SummitStatuses = Terms("summitStatuses"),
            OutcomeKinds = Terms("outcomeKinds"),
            OutcomeStatuses = Terms("outcomeStatuses"),
            ReadoutKinds = Terms("readoutKinds"),
            ReadoutTones = Terms("readoutTones"),
            Stances = Terms("stances"),
            EventKinds = Terms("eventKinds"),
            SourceKinds = Terms("sourceKinds"),
            ActorKinds = Terms("actorKinds"),
            PartyKinds = Terms("partyKinds"),
            Bounds = Terms("bounds"),
            DatePrecisions = DatePrecisions,
            DateQualifiers = DateQualifiers,
            ReadoutDifferenceClassifications = ReadoutDifferenceClassifications,
        });
    }

    // These three are rules of the model, not data: the schema checks the first two and the readout
    // differences are computed, so they have no tables, but clients need them as much as the others.
    private static readonly IReadOnlyList<VocabularyTerm> DatePrecisions =
    [
        new("day", "Day", "The date is the day itself."),
        new("month", "Month", "The date is the first day of the month the sources give (\"November 2025\" is 2025-11-01)."),
        new("quarter", "Quarter", "The date is the first day of the quarter the sources give."),
        new("year", "Year", "The date is the first day of the year the sources give (\"next year\", written in 2025, is 2026-01-01)."),
    ];

    private static readonly IReadOnlyList<VocabularyTerm> DateQualifiers =
    [
        new("early", "Early", "The early part of the period (\"early next year\" is 2026-01-01 / year / early)."),
        new("mid", "Mid", "The middle of the period."),
        new("late", "Late", "The late part of the period (\"late November\" is 2025-11-01 / month / late)."),
    ];

    private static readonly IReadOnlyList<VocabularyTerm> ReadoutDifferenceClassifications =
    [
        new("consistent", "Consistent", "Every party asserts the topic and no statements are linked as contradicting."),
        new("conflicting", "Conflicting", "Two parties' statements are linked as contradicting (e.g. different values of one metric, or opposite tone)."),
        new("one_sided", "One-sided", "Some parties assert the topic, others do not."),
        new("absent_from_all", "Absent from all", "A source notes that every party's account left the topic out (Taiwan at Busan)."),
    ];
}

/// <summary>
/// Every vocabulary: the codes records use, each list ordered by code. The first fifteen are data
/// (a new summit's new value is a new row); the last three are fixed by the model.
/// </summary>
public sealed record VocabulariesDto
{
    /// <summary>What outcomes, readout statements and assessments are about.</summary>
    public required IReadOnlyList<VocabularyTerm> Topics { get; init; }
    /// <summary>What a concession gives.</summary>
    public required IReadOnlyList<VocabularyTerm> ConcessionActions { get; init; }
    /// <summary>Units of concessions' values and context figures.</summary>
    public required IReadOnlyList<VocabularyTerm> Units { get; init; }
    public required IReadOnlyList<VocabularyTerm> SummitKinds { get; init; }
    public required IReadOnlyList<VocabularyTerm> SummitStatuses { get; init; }
    public required IReadOnlyList<VocabularyTerm> OutcomeKinds { get; init; }
    public required IReadOnlyList<VocabularyTerm> OutcomeStatuses { get; init; }
    public required IReadOnlyList<VocabularyTerm> ReadoutKinds { get; init; }
    public required IReadOnlyList<VocabularyTerm> ReadoutTones { get; init; }
    /// <summary>A readout statement's stance on its topic.</summary>
    public required IReadOnlyList<VocabularyTerm> Stances { get; init; }
    public required IReadOnlyList<VocabularyTerm> EventKinds { get; init; }
    public required IReadOnlyList<VocabularyTerm> SourceKinds { get; init; }
    public required IReadOnlyList<VocabularyTerm> ActorKinds { get; init; }
    public required IReadOnlyList<VocabularyTerm> PartyKinds { get; init; }
    /// <summary>Qualifiers of a number or a duration: less_than, more_than, about.</summary>
    public required IReadOnlyList<VocabularyTerm> Bounds { get; init; }
    /// <summary>How precise a loose date is: its date is the first day of the period.</summary>
    public required IReadOnlyList<VocabularyTerm> DatePrecisions { get; init; }
    /// <summary>Which part of a loose date's period the sources mean.</summary>
    public required IReadOnlyList<VocabularyTerm> DateQualifiers { get; init; }
    /// <summary>How the parties' readouts compare on a topic (see /api/v1/summits/{summitId}/readout-differences).</summary>
    public required IReadOnlyList<VocabularyTerm> ReadoutDifferenceClassifications { get; init; }
}
