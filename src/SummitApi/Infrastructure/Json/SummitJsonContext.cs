using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Features.Actors;
using SummitApi.Features.Assessments;
using SummitApi.Features.Concessions;
using SummitApi.Features.ContextFigures;
using SummitApi.Features.Exports;
using SummitApi.Features.History;
using SummitApi.Features.Outcomes;
using SummitApi.Features.Parties;
using SummitApi.Features.Readouts;
using SummitApi.Features.Sources;
using SummitApi.Features.Summits;
using SummitApi.Features.Timeline;
using SummitApi.Features.Vocabularies;
using SummitApi.Infrastructure.Http;

namespace SummitApi.Infrastructure.Json;

/// <summary>Source-generated serializers for the response types, so no reflection runs per request.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChangeFeedPage))]
[JsonSerializable(typeof(ExportAccepted))]
[JsonSerializable(typeof(IReadOnlyList<SummitApi.Infrastructure.Auth.ApiKeyStore.ApiKeyInfo>))]
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
