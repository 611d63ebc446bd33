using Dapper;
using Npgsql;
using SummitApi.Platform.Reads;

namespace SummitApi.Resources.Shared;

/// <summary>
/// The optional <c>dateBasis</c> of the date filters (<c>activeOn</c>, <c>from</c>/<c>to</c>): a comma-separated list of
/// dateBases codes whose dates count, so that a client can leave out what the curator derived or assumed. A date of
/// another basis counts as unknown. The response names the bases its date filter used in <see cref="Header"/>.
/// </summary>
public static class DateBasisFilter
{
    public const string Parameter = "dateBasis";

    public const string Header = "Summit-Date-Basis";

    /// <summary>The listed codes, or null (every basis) when the parameter is absent; records errors on the request.</summary>
    public static async Task<string[]?> ReadAsync(ListRequest request, NpgsqlConnection connection, string? dateBasis, bool hasDateFilter, string dateFilters)
    {
        if (dateBasis is null)
        {
            return null;
        }
        var codes = dateBasis.Split(',', StringSplitOptions.TrimEntries);
        var known = (await connection.QueryAsync<string>("SELECT code FROM date_basis WHERE code = ANY (@codes)", new { codes })).ToHashSet(StringComparer.Ordinal);
        if (codes.FirstOrDefault(code => !known.Contains(code)) is { } unknown)
        {
            request.AddError(Parameter, $"'{unknown}' is not a known date basis code; see dateBases at /api/v1/vocabularies.");
        }
        else if (!hasDateFilter)
        {
            request.AddError(Parameter, $"'{Parameter}' qualifies the date filter ({dateFilters}); give it too.");
        }
        return codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Says which bases a date filter used: those asked for, or every basis there is.</summary>
    public static async Task AnnounceAsync(HttpContext context, NpgsqlConnection connection, string[]? bases, bool hasDateFilter)
    {
        if (hasDateFilter)
        {
            bases ??= (await connection.QueryAsync<string>("SELECT code FROM date_basis ORDER BY code COLLATE \"C\"")).ToArray();
            context.Response.Headers[Header] = string.Join(",", bases);
        }
    }
}
