namespace SummitApi.Features.Timeline;

internal static class TimelineQueries
{
    private const string Columns = """
        id, date, date_precision, date_qualifier, kind, title, description, parties, summit_ids, concession_ids,
        notes, citations_of('event', id) AS citations
        """;

    public const string ById = $"SELECT {Columns} FROM event WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM event ORDER BY id COLLATE \"C\"";

    // Undated events sort last: their key is 'infinity', which the cursor carries as text like any date.
    // A date range matches by overlap of the event's period [date, date_end]; an undated event has none.
    public const string List = $"""
        SELECT {Columns} FROM event
         WHERE (@summit::text IS NULL OR summit_ids @> ARRAY[@summit::text])
           AND (@from::date IS NULL OR date_end >= @from)
           AND (@to::date IS NULL OR date <= @to)
           AND (@after::text IS NULL
                OR (coalesce(date, 'infinity'::date), id) > (@after::date, @afterId::text))
         ORDER BY coalesce(date, 'infinity'::date), id
         LIMIT @limit
        """;
}
