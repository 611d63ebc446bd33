using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Resources.Actors;
using SummitApi.Resources.Assessments;
using SummitApi.Resources.Concessions;
using SummitApi.Resources.ContextFigures;
using SummitApi.Features.Exports;
using SummitApi.Platform.History;
using SummitApi.Resources.Outcomes;
using SummitApi.Resources.Parties;
using SummitApi.Resources.Readouts;
using SummitApi.Resources.Sources;
using SummitApi.Resources.Summits;
using SummitApi.Resources.Timeline;
using SummitApi.Resources.Vocabularies;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Http;
using SummitApi.Platform.OpenApi;
using SummitApi.Resources.Shared;
using SummitApi.Resources.ReadoutDifferences;

namespace SummitApi.Platform.Json;

/// <summary>Source-generated serializers for the response types, so no reflection runs per request.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChangeFeedPage))]
[JsonSerializable(typeof(ExportAccepted))]
[JsonSerializable(typeof(IReadOnlyList<SummitApi.Platform.Auth.ApiKeyStore.ApiKeyInfo>))]
[JsonSerializable(typeof(Page<RevisionDto>))]
[JsonSerializable(typeof(Page<ActorDto>))]
[JsonSerializable(typeof(Page<AssessmentDto>))]
[JsonSerializable(typeof(Page<ConcessionDto>))]
[JsonSerializable(typeof(Page<ContextFigureDto>))]
[JsonSerializable(typeof(Page<EventDto>))]
[JsonSerializable(typeof(Page<ExportManifest>))]
[JsonSerializable(typeof(ExportManifest))]
[JsonSerializable(typeof(Page<OutcomeDto>))]
[JsonSerializable(typeof(Page<PartyDto>))]
[JsonSerializable(typeof(Page<ReadoutDto>))]
[JsonSerializable(typeof(Page<SourceCitationDto>))]
[JsonSerializable(typeof(Page<SourceDto>))]
[JsonSerializable(typeof(Page<SummitDto>))]
[JsonSerializable(typeof(ReadoutDifferencesDto))]
[JsonSerializable(typeof(ReadoutStatementDto))]
[JsonSerializable(typeof(VocabulariesDto))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
internal sealed partial class SummitJsonContext : JsonSerializerContext;
