namespace SummitApi.Platform.Catalog;

/// <summary>How the OpenAPI document's summaries name a kind of record.</summary>
public static class RecordNames
{
    /// <summary>The table's name in words, e.g. "context figure".</summary>
    public static string InWords(string table) => table.Replace('_', ' ');

    /// <summary>The table's name in words after its article: "a concession", "an outcome".</summary>
    public static string WithArticle(string table)
    {
        var words = InWords(table);
        return ("aeiou".Contains(words[0]) ? "an " : "a ") + words;
    }
}
