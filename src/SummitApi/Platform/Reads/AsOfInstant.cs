namespace SummitApi.Platform.Reads;

/// <summary>
/// The `asOf` query parameter as the reads' parameter objects bind it, parsed as <see cref="AsOfFilter"/> parses it (RFC
/// 3339, in UTC). A value that does not parse is answered by AsOfFilter's 400, which names the parameter and its form.
/// </summary>
/// <remarks>Not IParsable on purpose: QueryParameterFilter would then refuse a bad value with its generic message first.</remarks>
public readonly record struct AsOfInstant(DateTimeOffset Instant)
{
    public static bool TryParse(string? value, out AsOfInstant asOf)
    {
        var parsed = AsOfFilter.TryParse(value ?? "", out var instant);
        asOf = new AsOfInstant(instant.ToUniversalTime());
        return parsed;
    }
}
