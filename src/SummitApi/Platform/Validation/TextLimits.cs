using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace SummitApi.Platform.Validation;

/// <summary>
/// How long each text field of a write may be, by the field's name, so every resource (and every field a later one
/// adds) is bounded by the same rule, which the OpenAPI document states as maxLength: ids and codes 120 characters
/// (as an id's own pattern allows), excerpts 400, prose (notes, summaries, descriptions, claims, quotes) 4,000, any
/// other text 500.
/// </summary>
public static class TextLimits
{
    public const int Code = 120;
    public const int Prose = 4000;
    public const int Text = 500;

    private static readonly HashSet<string> ProseFields = new(["Notes", "Summary", "Description", "Claim", "Quote"], StringComparer.Ordinal);

    // Lists of ids or codes.
    private static readonly HashSet<string> CodeLists = new(["ReportedBy", "Parties", "SummitIds", "ConcessionIds", "ExchangedFor", "Contradicts"], StringComparer.Ordinal);

    /// <summary>The most characters a text field (or each text in a list field) of this name may hold.</summary>
    public static int For(string propertyName) => propertyName switch
    {
        "Excerpt" => RuleExtensions.MaxExcerptLength,
        _ when ProseFields.Contains(propertyName) => Prose,
        _ when propertyName.EndsWith("Id", StringComparison.Ordinal) || CodeLists.Contains(propertyName) => Code,
        _ => Text,
    };

    /// <summary>Every text in a write model (nested records and lists included) over its limit, by its JSON path.</summary>
    public static Dictionary<string, string[]> Violations(object input)
    {
        var violations = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Collect(input, "", violations);
        return violations;
    }

    private static void Collect(object record, string prefix, Dictionary<string, string[]> violations)
    {
        foreach (var property in record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var path = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            switch (property.GetValue(record))
            {
                case string text:
                    Check(text, path, For(property.Name), violations);
                    break;
                case IEnumerable<string> texts:
                    var index = 0;
                    foreach (var text in texts)
                    {
                        Check(text, $"{path}[{index++}]", For(property.Name), violations);
                    }
                    break;
                case IEnumerable records:
                    var position = 0;
                    foreach (var nested in records)
                    {
                        Collect(nested, $"{path}[{position++}].", violations);
                    }
                    break;
                case { } nested when property.PropertyType.Namespace?.StartsWith(nameof(SummitApi), StringComparison.Ordinal) == true:
                    Collect(nested, path + ".", violations);
                    break;
            }
        }
    }

    private static void Check(string? text, string path, int limit, Dictionary<string, string[]> violations)
    {
        if (text is not null && text.Length > limit)
        {
            violations[path] = [$"'{path}' may hold at most {limit} characters; this one has {text.Length}."];
        }
    }
}
