namespace SummitApi.Platform.Validation;

/// <summary>A controlled list of codes kept as rows of its own table.</summary>
/// <param name="Name">The name in the API and the seed files (camelCase plural).</param>
/// <param name="Table">The table that holds its terms.</param>
public sealed record Vocabulary(string Name, string Table);

/// <summary>One code of a vocabulary.</summary>
/// <param name="Code">The snake_case value used in records.</param>
/// <param name="Label">A human label.</param>
/// <param name="Description">What the code means.</param>
public sealed record VocabularyTerm(string Code, string Label, string? Description);
