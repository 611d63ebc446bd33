using System.Data;
using System.Text.Json;
using Dapper;

namespace SummitApi.Platform.Json;

/// <summary>Reads a json/jsonb column (e.g. a record's aggregated citations) into a typed value.</summary>
public sealed class JsonColumnHandler<T> : SqlMapper.TypeHandler<T>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public override T? Parse(object value) => JsonSerializer.Deserialize<T>((string)value, Options);

    public override void SetValue(IDbDataParameter parameter, T? value) => parameter.Value = JsonSerializer.Serialize(value, Options);
}
