using System.Text.Json.Serialization.Metadata;
using SummitApi.Platform.Catalog;
using SummitApi.Platform.Validation;
using SummitApi.Resources.Actors;
using SummitApi.Resources.Assessments;
using SummitApi.Resources.Citations;
using SummitApi.Resources.Concessions;
using SummitApi.Resources.ContextFigures;
using SummitApi.Resources.Outcomes;
using SummitApi.Resources.Parties;
using SummitApi.Resources.ReadoutDifferences;
using SummitApi.Resources.Readouts;
using SummitApi.Resources.Shared;
using SummitApi.Resources.Sources;
using SummitApi.Resources.Summits;
using SummitApi.Resources.Timeline;
using SummitApi.Resources.Vocabularies;

namespace SummitApi.Resources;

/// <summary>
/// The one list of what the service holds. Reads, writes, revision histories, seeding, reference checks and the
/// exports iterate it; adding a resource is an entry here, its folder and its migration.
/// </summary>
public sealed class ResourceCatalog : IResourceCatalog
{
    public static readonly ResourceCatalog Instance = new();

    private ResourceCatalog()
    {
    }

    public IReadOnlyList<IRecordResource> Records { get; } =
    [
        PartyResource.Definition,
        SourceResource.Definition,
        ActorResource.Definition,
        SummitResource.Definition,
        OutcomeResource.Definition,
        ConcessionResource.Definition,
        ReadoutResource.Definition,
        ReadoutResource.Statements,
        EventResource.Definition,
        AssessmentResource.Definition,
        ContextFigureResource.Definition,
        // Last: a citation may cite a record of any of the resources above.
        CitationResource.Definition,
    ];

    public IReadOnlyList<Vocabulary> Vocabularies => VocabularyList.All;

    public IJsonTypeInfoResolver Serializers => field ??= JsonTypeInfoResolver.Combine(
        [.. Records.Select(resource => resource.Serializers).Distinct(), ReadoutDifferenceJsonContext.Default, VocabularyJsonContext.Default]);

    public IReadOnlyList<string> ResponseHeaders { get; } = [DateBasisFilter.Header];
}
