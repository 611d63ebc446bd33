using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SummitApi.Tests.Support;

/// <summary>
/// The full source documents, in ../shared/seeds beside the repository when it is there. The service
/// never reads them; the tests use them to prove every excerpt is verbatim.
/// </summary>
public static partial class SourceDocuments
{
    public static string? Directory { get; } = Find();

    /// <summary>The documents' texts by the sha256 of their bytes, as sources.json records it.</summary>
    public static IReadOnlyDictionary<string, string> BySha256() =>
        System.IO.Directory.GetFiles(Directory ?? throw new InvalidOperationException("../shared/seeds is not present"), "*.txt")
            .ToDictionary(file => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), File.ReadAllText);

    /// <summary>Only runs of whitespace may differ between an excerpt and its source.</summary>
    public static string NormalizeWhitespace(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "seeds");
            if (System.IO.Directory.Exists(candidate) && System.IO.Directory.GetFiles(candidate, "*.txt").Length > 0)
            {
                return candidate;
            }
        }
        return null;
    }
}

/// <summary>A test that needs the source documents: reported as skipped, not passed, when they are absent.</summary>
public sealed class SourceDocumentsFactAttribute : FactAttribute
{
    public SourceDocumentsFactAttribute()
    {
        if (SourceDocuments.Directory is null)
        {
            Skip = "../shared/seeds (the full source documents) is not present beside the repository.";
        }
    }
}
