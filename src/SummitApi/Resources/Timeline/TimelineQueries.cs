namespace SummitApi.Resources.Timeline;

internal static class TimelineQueries
{
    private const string Columns = """
        id, date, date_precision, date_qualifier, date_basis, date_anchor_type, date_anchor_id, date_offset, kind, title,
        description, parties, summit_ids, concession_ids, after, before, notes, cited.citations
        """;

    private const string From = "event CROSS JOIN LATERAL record_citations('event', event.id) AS cited";

    public const string ById = $"SELECT {Columns} FROM {From} WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM {From} ORDER BY id COLLATE \"C\"";

    // The sort key is text, compared bytewise, and the last column (ListRequest.ReadPageBySortKeyAsync): the first day of the part of the period the qualifier points at
    // ("late November" sorts from 21 November), then 'b' for a dated event. An undated event that the sources
    // place after dated events takes the latest of their days with 'c' (right after the events of that day);
    // else one placed before dated events takes the earliest with 'a' (right before them); else it is
    // 'infinity', after every date. A date range matches by overlap of the event's qualified period; an
    // undated event has none, and with dateBasis a date of another basis counts as none.
    public const string List = $"""
        SELECT * FROM (
            SELECT {Columns},
                   coalesce(
                       to_char(qualified_start(date, date_precision, date_qualifier), 'YYYY-MM-DD') || 'b',
                       (SELECT to_char(max(qualified_start(a.date, a.date_precision, a.date_qualifier)), 'YYYY-MM-DD') || 'c'
                          FROM event a WHERE a.id = ANY (e.after)),
                       (SELECT to_char(min(qualified_start(b.date, b.date_precision, b.date_qualifier)), 'YYYY-MM-DD') || 'a'
                          FROM event b WHERE b.id = ANY (e.before)),
                       'infinity') AS sort_key
              FROM event e CROSS JOIN LATERAL record_citations('event', e.id) AS cited
             WHERE (@summit::text IS NULL OR summit_ids @> ARRAY[@summit::text])
               AND (@from::date IS NULL OR qualified_end(date, date_precision, date_qualifier) >= @from)
               AND (@to::date IS NULL OR qualified_start(date, date_precision, date_qualifier) <= @to)
               AND (@dateBases::text[] IS NULL OR date_basis = ANY (@dateBases))
        ) placed
         WHERE @after::text IS NULL OR (sort_key COLLATE "C", id) > (@after::text COLLATE "C", @afterId::text)
         ORDER BY sort_key COLLATE "C", id
         LIMIT @limit
        """;
}
