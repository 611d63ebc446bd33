namespace SummitApi.Resources.Concessions;

internal static class ConcessionQueries
{
    // No source states an expiry: it is computed, so at best derived, and no surer than the effective date.
    private const string ExpiryDateBasis = "CASE WHEN c.expiry_date IS NULL THEN NULL WHEN c.effective_date_basis = 'stated' THEN 'derived' ELSE c.effective_date_basis END";

    private const string Columns = $"""
        c.id, c.outcome_id, o.summit_id, o.topic, c.giver, c.beneficiary, c.action, c.instrument, c.metric,
               c.value_before, c.value_after, c.unit, c.approximate,
               c.effective_date, c.effective_date_precision, c.effective_date_qualifier, c.effective_date_basis,
               c.effective_date_anchor_type, c.effective_date_anchor_id, c.effective_date_offset, c.duration,
               c.expiry_date, CASE WHEN c.expiry_date IS NOT NULL THEN c.effective_date_precision END AS expiry_date_precision,
               {ExpiryDateBasis} AS expiry_date_basis,
               c.exchanged_for, c.exchanges, c.reported_by, c.notes
        """;

    private const string Select = $"""
        SELECT {Columns}, cited.citations
          FROM concession c
          JOIN outcome o ON o.id = c.outcome_id
         CROSS JOIN LATERAL record_citations('concession', c.id) AS cited
        """;

    public const string ById = $"{Select} WHERE c.id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"{Select} ORDER BY c.id COLLATE \"C\"";

    // A concession cannot be in force before it was agreed, so an unknown effective date starts at its
    // summit's date. Loose dates are stored as their period's first day, which is the start used here. With
    // @dateBases, a date of another basis counts as unknown: no start from it, and no end from an expiry so based.
    //
    // The page's rows are chosen before their citations are read, so a plan that reads all of a summit's concessions
    // and sorts them costs what it does: with the citations inside, PostgreSQL counted them for every matching row,
    // and chose instead to walk the whole key in order until 21 rows of the summit turned up (850,000 rows, 3 s, for a
    // summit whose ids come late, against 3 ms).
    public const string List = $"""
        SELECT page.*, cited.citations
          FROM (SELECT {Columns}
                  FROM concession c
                  JOIN outcome o ON o.id = c.outcome_id
                  JOIN summit s ON s.id = o.summit_id
                 WHERE (@summit::text IS NULL OR o.summit_id = @summit)
                   AND (@giver::text IS NULL OR c.giver = @giver)
                   AND (@beneficiary::text IS NULL OR c.beneficiary = @beneficiary)
                   AND (@topic::text IS NULL OR o.topic = @topic)
                   AND (@activeOn::date IS NULL OR (
                            coalesce(CASE WHEN @dateBases::text[] IS NULL OR c.effective_date_basis = ANY (@dateBases) THEN c.effective_date END,
                                     CASE WHEN @dateBases::text[] IS NULL OR s.date_basis = ANY (@dateBases) THEN s.date END) <= @activeOn
                            AND (c.expiry_date IS NULL OR NOT (@dateBases::text[] IS NULL OR {ExpiryDateBasis} = ANY (@dateBases))
                                 OR @activeOn < c.expiry_date)))
                   AND (@q::text IS NULL OR c.search @@ websearch_to_tsquery('english', @q))
                   AND (@after::text IS NULL OR c.id > @after)
                 ORDER BY c.id
                 LIMIT @limit) AS page
         CROSS JOIN LATERAL record_citations('concession', page.id) AS cited
         ORDER BY page.id
        """;
}
