using SummitApi.Platform.Catalog;

namespace SummitApi.Resources.Assessments;

public static class AssessmentResource
{
    public static readonly RecordResource<AssessmentInput, AssessmentDto> Definition = new()
    {
        Path = "assessments", IdParameter = "assessmentId", Table = "assessment", Name = "Assessment", Tag = "Assessments", SeedFile = "assessments.json",
        MapReads = AssessmentEndpoints.MapAssessments,
        Serializers = AssessmentJsonContext.Default,
        Export = new() { Sql = AssessmentQueries.AllForExport, ForeignKeys = [("speakerId", "actors"), ("summitId", "summits")] },
        Validator = catalog => new AssessmentInputValidator(catalog), IdOf = record => record.Id,
        Lookup = RecordLookup.ById<AssessmentDto>(AssessmentQueries.ById),
        CitationsOf = record => record.Citations,
    };
}
