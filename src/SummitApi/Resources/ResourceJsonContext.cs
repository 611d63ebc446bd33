using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Platform.Reads;
using SummitApi.Resources.Actors;
using SummitApi.Resources.Assessments;
using SummitApi.Resources.Citations;
using SummitApi.Resources.Concessions;
using SummitApi.Resources.ContextFigures;
using SummitApi.Resources.Outcomes;
using SummitApi.Resources.Parties;
using SummitApi.Resources.ReadoutDifferences;
using SummitApi.Resources.Readouts;
using SummitApi.Resources.Sources;
using SummitApi.Resources.Summits;
using SummitApi.Resources.Timeline;
using SummitApi.Resources.Vocabularies;

namespace SummitApi.Resources;

/// <summary>Source-generated serializers for the resources' responses, so no reflection runs per request.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<ActorDto>))]
[JsonSerializable(typeof(Page<AssessmentDto>))]
[JsonSerializable(typeof(Page<ConcessionDto>))]
[JsonSerializable(typeof(Page<ContextFigureDto>))]
[JsonSerializable(typeof(Page<EventDto>))]
[JsonSerializable(typeof(Page<OutcomeDto>))]
[JsonSerializable(typeof(Page<PartyDto>))]
[JsonSerializable(typeof(Page<ReadoutDto>))]
[JsonSerializable(typeof(Page<SourceCitationDto>))]
[JsonSerializable(typeof(Page<SourceDto>))]
[JsonSerializable(typeof(Page<SummitDto>))]
[JsonSerializable(typeof(ReadoutDifferencesDto))]
[JsonSerializable(typeof(ReadoutStatementDto))]
[JsonSerializable(typeof(VocabulariesDto))]
internal sealed partial class ResourceJsonContext : JsonSerializerContext;
