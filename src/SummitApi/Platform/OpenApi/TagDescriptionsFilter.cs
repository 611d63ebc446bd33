namespace SummitApi.Platform.OpenApi;

/// <summary>
/// What each group of operations (a tag in Swagger UI) is about, in the domain's order: Swagger UI lists the
/// document's tags in the order given, where the generator would sort them by name.
/// </summary>
internal sealed class TagDescriptionsFilter : Swashbuckle.AspNetCore.SwaggerGen.IDocumentFilter
{
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Summits", "Engagements between leaders: meetings, calls and visits, held or planned."),
        ("Outcomes", "What a summit produced: agreements, commitments, claims and omissions, each with its topic and status."),
        ("Concessions", "Structured gives within an outcome: who gave what to whom, with values, dates and durations."),
        ("Readouts", "Each side's official account of a summit, what it says on each topic, and how the accounts differ."),
        ("Timeline", "Dated events around a summit, undated ones last."),
        ("Actors", "People and bodies: leaders, ministries and the analysts the sources quote."),
        ("Assessments", "Analysts' judgements, quoted verbatim from the sources."),
        ("Context figures", "Background numbers the sources give."),
        ("Parties", "States and blocs."),
        ("Sources", "The documents every fact cites, and the citations with their verbatim excerpts."),
        ("Vocabularies", "Every code list the records use."),
        ("History", "Every version of every record, and the change feed in commit order."),
        ("Exports", "The nightly exports of the whole data set: their manifests and files."),
        ("Administration", "API keys (admin key)."),
    ];

    public void Apply(Microsoft.OpenApi.OpenApiDocument swaggerDoc, Swashbuckle.AspNetCore.SwaggerGen.DocumentFilterContext context)
    {
        var rank = Tags.Select((tag, index) => (tag.Name, index)).ToDictionary(t => t.Name, t => t.index);
        // A tag not listed here goes before Administration, which stays last; ties by name.
        var order = Comparer<Microsoft.OpenApi.OpenApiTag>.Create((a, b) =>
        {
            var byRank = Rank(a).CompareTo(Rank(b));
            return byRank != 0 ? byRank : string.CompareOrdinal(a.Name, b.Name);
        });
        var tags = new SortedSet<Microsoft.OpenApi.OpenApiTag>(order);
        foreach (var tag in swaggerDoc.Tags ?? new HashSet<Microsoft.OpenApi.OpenApiTag>())
        {
            tag.Description ??= Tags.FirstOrDefault(t => t.Name == tag.Name).Description;
            tags.Add(tag);
        }
        swaggerDoc.Tags = tags;

        double Rank(Microsoft.OpenApi.OpenApiTag tag) =>
            rank.TryGetValue(tag.Name ?? "", out var index) ? index : Tags.Length - 1.5;
    }
}
