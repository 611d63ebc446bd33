using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Errors;
using SummitApi.Resources.Shared;

namespace SummitApi.Resources.Timeline;

public static class TimelineEndpoints
{
    public static void MapTimeline(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Timeline").ReadsTables("event", "citation", "summit", "date_basis");
        group.MapGet("/timeline", ListTimelineEvents).WithName("ListTimelineEvents")
            .WithSummary("List the timeline")
            .WithDescription("""
                Events around summits (tariff actions, controls, statements, calls, expiries, planned visits), in the
                order of their dates and then by id, one page at a time. Dates are loose: an event covers its whole
                period, from its date (the period's first day) to the period's last day, and a qualifier narrows that to
                a third of it (early, mid, late): "late November" covers 21 to 30 November, so it sorts after 10 November
                and "mid-October" before "late October". An undated event the sources place after dated events (`after`)
                comes right after the latest of them; else one they place before dated events (`before`) comes right
                before the earliest; other undated events come last.

                `from` and `to` keep the events whose (qualified) period overlaps the asked range (`from` alone: ending on
                or after it; `to` alone: starting on or before it), so a month-precision event in November matches any
                range that touches November; an undated event never matches a date filter. `dateBasis` (with `from` or
                `to`) lists the date bases that count, e.g. `stated` to leave out dates the curator derived or assumed;
                the `Summit-Date-Basis` response header names the bases a date filter used. `summit` keeps the events on
                that summit's timeline.
                """);
        group.MapGet("/events/{eventId}", GetEvent).WithName("GetEvent").ReadsOneRecordOf("event", "eventId")
            .WithSummary("Get an event")
            .WithDescription("One event: its date with precision, qualifier (\"late November\" is 2025-11-01, month, late) and basis (stated, derived from another record with an offset, or assumed), kind, the parties involved, the summits and concessions it relates to, the events the sources place it after or before, and citations.");
    }

    /// <param name="summit">Only events on this summit's timeline (a summit id, e.g. busan-2025).</param>
    /// <param name="from">Only events whose period ends on or after this day (YYYY-MM-DD).</param>
    /// <param name="to">Only events whose period starts on or before this day (YYYY-MM-DD).</param>
    /// <param name="dateBasis">With from or to: the date bases that count, comma-separated (stated, derived, assumed); default all.</param>
    public static async Task<Results<Ok<Page<EventDto>>, ValidationProblem>> ListTimelineEvents(
        [FromQuery] string? summit, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromQuery] string? dateBasis, [AsParameters] PageParameters paging)
    {
        var request = paging.Start(("summit", summit), ("from", IsoDate(from)), ("to", IsoDate(to)), ("dateBasis", dateBasis));
        request.RequireRange("from", from, "to", to);
        request.RequireExisting("summit", summit, "summit");
        var dateBases = DateBasisFilter.Read(request, dateBasis, from is not null || to is not null, "from, to");
        await using var connection = await paging.OpenAsync(request);
        var page = await request.ReadPageBySortKeyAsync<EventDto>(connection, TimelineQueries.List,
            new { summit, from, to, dateBases = dateBases.Codes }, e => e.Id);
        return dateBases.Answer(request, page, paging.Http);
    }

    /// <param name="eventId">The event's id, e.g. trump-xi-call-late-november.</param>
    public static Task<Results<Ok<EventDto>, NotFound<ProblemDetails>>> GetEvent(string eventId, [AsParameters] ReadParameters read) =>
        read.FindAsync(EventResource.Definition, eventId);

    private static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
