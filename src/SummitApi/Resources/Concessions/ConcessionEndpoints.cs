using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Errors;
using SummitApi.Resources.Shared;

namespace SummitApi.Resources.Concessions;

public static class ConcessionEndpoints
{
    public static void MapConcessions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/concessions").WithTags("Concessions")
            .ReadsTables("concession", "outcome", "summit", "citation", "party", "topic", "date_basis");
        group.MapGet("/", ListConcessions).WithName("ListConcessions").ListsRecordsOf("concession", ColumnsByFilter)
            .WithSummary("List concessions")
            .WithDescription("""
                Structured gives (who conceded what to whom), ordered by id, one page at a time. Filters combine:
                `summit` and `topic` match the concession's outcome; `giver` and `beneficiary` match exactly; `q` searches
                the instrument, metric and notes in English full text (web search syntax: words, "quoted phrases", or, -word).

                `activeOn=D` keeps the concessions in force on day D: those whose start is on or before D and that have no
                derived expiry date or whose expiry date is after D (a concession is no longer in force on its expiry date).
                The start is the effective date or, when that is not stated, the date of its summit, since a concession
                cannot be in force before it was agreed; for a loose date (a month, quarter or year) the start is the
                period's first day. A concession with neither an effective date nor a dated summit never matches.
                `dateBasis` (with `activeOn`) lists the date bases that count, comma-separated: `dateBasis=stated` leaves
                out what the curator derived or assumed, so such a start counts as unknown (the summit's date is used
                instead) and such an expiry as none. The `Summit-Date-Basis` response header names the bases used.
                """);
        group.MapGet("/{concessionId}", GetConcession).WithName("GetConcession").ReadsOneRecordOf("concession", "concessionId")
            .WithSummary("Get a concession")
            .WithDescription("""
                One structured give: giver, beneficiary, action, instrument, the values before and after, effective date
                (with its precision and basis) and duration, the derived expiry date and its basis, the concessions it
                was exchanged for with the source that states each pairing, the parties whose accounts report it, and
                citations. Its summitId and topic are those of its outcome.
                """);
    }

    /// <summary>
    /// The concession columns each filter of the list tests (<see cref="ConcessionQueries.List"/>; the other tables it
    /// joins are read whole): a cached page stays through writes to concessions it does not show that change none of
    /// them. The key, which orders the list, never changes.
    /// </summary>
    internal static readonly Dictionary<string, string[]> ColumnsByFilter = new(StringComparer.Ordinal)
    {
        ["summit"] = ["outcome_id"],
        ["topic"] = ["outcome_id"],
        ["giver"] = ["giver"],
        ["beneficiary"] = ["beneficiary"],
        // With no effective date, a concession starts on its summit's date, reached through its outcome.
        ["activeOn"] = ["effective_date", "effective_date_basis", "expiry_date", "outcome_id"],
        ["dateBasis"] = ["effective_date", "effective_date_basis", "expiry_date", "outcome_id"],
        ["q"] = ["search"],
    };

    /// <param name="summit">Only concessions of this summit's outcomes (a summit id, e.g. busan-2025).</param>
    /// <param name="giver">Only concessions given by this party (a party id, e.g. US).</param>
    /// <param name="beneficiary">Only concessions to this party (a party id, e.g. CN).</param>
    /// <param name="topic">Only concessions whose outcome is on this topic (a topics code, e.g. trade_truce).</param>
    /// <param name="activeOn">Only concessions in force on this day (YYYY-MM-DD); see the description.</param>
    /// <param name="dateBasis">With activeOn: the date bases that count, comma-separated (stated, derived, assumed); default all.</param>
    /// <param name="q">English full-text search over the instrument, metric and notes, e.g. soybeans.</param>
    public static async Task<Results<Ok<Page<ConcessionDto>>, ValidationProblem>> ListConcessions(
        [FromQuery] string? summit, [FromQuery] string? giver, [FromQuery] string? beneficiary, [FromQuery] string? topic,
        [FromQuery] DateOnly? activeOn, [FromQuery] string? dateBasis, [FromQuery] string? q, [AsParameters] PageParameters paging)
    {
        var request = paging.Start(("summit", summit), ("giver", giver), ("beneficiary", beneficiary), ("topic", topic),
            ("activeOn", activeOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("dateBasis", dateBasis), ("q", q));
        request.RequireText("q", q);
        request.RequireExisting("summit", summit, "summit");
        request.RequireExisting("giver", giver, "party");
        request.RequireExisting("beneficiary", beneficiary, "party");
        request.RequireExisting("topic", topic, "topic", "code");
        var dateBases = DateBasisFilter.Read(request, dateBasis, activeOn is not null, "activeOn");
        await using var connection = await paging.OpenAsync(request);
        var page = await request.ReadPageAsync<ConcessionDto>(connection, ConcessionQueries.List,
            new { summit, giver, beneficiary, topic, activeOn, dateBases = dateBases.Codes, q }, c => [c.Id]);
        return dateBases.Answer(request, page, paging.Http);
    }

    /// <param name="concessionId">The concession's id, e.g. us-fentanyl-tariff-cut.</param>
    public static Task<Results<Ok<ConcessionDto>, NotFound<ProblemDetails>>> GetConcession(string concessionId, [AsParameters] ReadParameters read) =>
        read.FindAsync(ConcessionResource.Definition, concessionId);
}
