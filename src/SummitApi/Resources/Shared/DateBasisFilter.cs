using Microsoft.AspNetCore.Http.HttpResults;
using SummitApi.Platform.Reads;

namespace SummitApi.Resources.Shared;

/// <summary>
/// The optional <c>dateBasis</c> of the date filters (<c>activeOn</c>, <c>from</c>/<c>to</c>): a comma-separated list of
/// dateBases codes whose dates count, so that a client can leave out what the curator derived or assumed. A date of
/// another basis counts as unknown. The response names the bases its date filter used in <see cref="Header"/>.
/// </summary>
public sealed class DateBasisFilter
{
    public const string Parameter = "dateBasis";

    public const string Header = "Summit-Date-Basis";

    /// <summary>The parameter that takes <see cref="Codes"/> in a list's SQL.</summary>
    public const string SqlParameter = "dateBases";

    /// <summary>Every dateBases code, bytewise ordered, read in the page's own statement.</summary>
    private const string KnownCodes = "ARRAY(SELECT code FROM date_basis ORDER BY code COLLATE \"C\")";

    private readonly bool _hasDateFilter;
    private string[]? _known;

    private DateBasisFilter(string[]? codes, bool hasDateFilter)
    {
        Codes = codes;
        _hasDateFilter = hasDateFilter;
    }

    /// <summary>The listed codes, distinct and ordered, or null (every basis) when the parameter is absent.</summary>
    public string[]? Codes { get; }

    /// <summary>
    /// The filter the request asks for. Its codes are checked against the vocabulary read with the page, which records
    /// an error on the request for an unknown code, or for a dateBasis without a date filter; the page's rows are read
    /// only when every code is known (a date filter of unknown bases can scan the whole table for nothing).
    /// </summary>
    public static DateBasisFilter Read(ListRequest request, string? dateBasis, bool hasDateFilter, string dateFilters)
    {
        var codes = dateBasis?.Split(',', StringSplitOptions.TrimEntries);
        var filter = new DateBasisFilter(codes?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), hasDateFilter);
        if (codes is not null || hasDateFilter)
        {
            request.CheckWith<string[]>(KnownCodes, known =>
            {
                filter._known = known;
                if (codes?.FirstOrDefault(code => !known.Contains(code, StringComparer.Ordinal)) is { } unknown)
                {
                    request.AddError(Parameter, $"'{unknown}' is not a known date basis code; see dateBases at /api/v1/vocabularies.");
                }
                else if (codes is not null && !hasDateFilter)
                {
                    request.AddError(Parameter, $"'{Parameter}' qualifies the date filter ({dateFilters}); give it too.");
                }
            }, gate: codes is null ? null : $"@{SqlParameter}::text[] <@ {KnownCodes}");
        }
        return filter;
    }

    /// <summary>The list's answer: the 400 when <paramref name="page"/> was refused, else the page, saying which bases its date filter used.</summary>
    public Results<Ok<Page<T>>, ValidationProblem> Answer<T>(ListRequest request, Page<T>? page, HttpContext context)
    {
        if (page is null)
        {
            return request.Problem();
        }
        Announce(context);
        return TypedResults.Ok(page);
    }

    /// <summary>Says which bases a date filter used: those asked for, or every basis there is.</summary>
    private void Announce(HttpContext context)
    {
        if (_hasDateFilter)
        {
            context.Response.Headers[Header] = string.Join(",", Codes ?? _known!);
        }
    }
}
