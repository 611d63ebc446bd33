using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using SummitApi.Resources.ReadoutDifferences;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Validation;

namespace SummitApi.Resources.Vocabularies;

public static class VocabularyEndpoints
{
    public static void MapVocabularies(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/vocabularies", GetVocabularies).WithName("GetVocabularies").WithTags("Vocabularies")
            .ReadsTables([.. VocabularyList.All.Select(vocabulary => vocabulary.Table)])
            .WithSummary("Get every vocabulary")
            .WithDescription("Every controlled list of codes that records use (topics, concession actions, units, kinds, statuses, …), each ordered by code, plus the fixed lists of date precisions, date qualifiers, readout-difference classifications and the bases of readout-difference stances.");
    }

    public static async Task<Ok<VocabulariesDto>> GetVocabularies([AsParameters] ReadParameters read)
    {
        await using var connection = await read.OpenAsync();
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
            DateBases = Terms("dateBases"),
            OccasionRelations = Terms("occasionRelations"),
            StatementBases = Terms("statementBases"),
            DatePrecisions = RuleExtensions.DatePrecisionTerms,
            DateQualifiers = RuleExtensions.DateQualifierTerms,
            ReadoutDifferenceClassifications = DifferenceClassifier.ClassificationTerms,
            StanceBases = DifferenceClassifier.StanceBasisTerms,
        });
    }
}
