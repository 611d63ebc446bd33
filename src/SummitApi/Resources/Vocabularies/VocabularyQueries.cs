namespace SummitApi.Resources.Vocabularies;

internal static class VocabularyQueries
{
    /// <summary>
    /// Every term of every vocabulary in one round trip, as (vocabulary, code, label, description).
    /// The table names come from <see cref="VocabularyList.All"/>, never from a request.
    /// </summary>
    public static readonly string AllTerms = string.Join("\nUNION ALL\n", VocabularyList.All.Select(v =>
        $"SELECT '{v.Name}' AS vocabulary, code, label, description FROM {v.Table}")) + "\nORDER BY vocabulary, code";
}
