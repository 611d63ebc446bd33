using System.Text;
using System.Text.RegularExpressions;

namespace SummitApi.Platform.Errors;

/// <summary>
/// What a problem repeats of a request is shown safely: a quoted value ('…') keeps at most 100 characters, and
/// control and bidirectional-override characters are escaped (\u202E), so a detail can neither be made huge nor
/// be made to read as something else in a log or a terminal. Applied to every problem the service writes.
/// </summary>
public static partial class ProblemText
{
    public const int MaxQuotedLength = 100;

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Detail = problem.Detail is null ? null : Sanitize(problem.Detail);
        if (problem is HttpValidationProblemDetails validation)
        {
            var errors = validation.Errors.ToDictionary(error => Sanitize(error.Key), error => error.Value.Select(Sanitize).ToArray());
            validation.Errors.Clear();
            foreach (var (field, messages) in errors)
            {
                validation.Errors[field] = messages;
            }
        }
    }

    public static string Sanitize(string text) => QuotedValue().Replace(Escape(text), quoted =>
    {
        var value = quoted.Groups[1].Value;
        if (value.Length <= MaxQuotedLength)
        {
            return quoted.Value;
        }
        var cut = char.IsHighSurrogate(value[MaxQuotedLength - 1]) ? MaxQuotedLength - 1 : MaxQuotedLength;
        return $"'{value[..cut]}…' ({value.Length} characters)";
    });

    private static string Escape(string text)
    {
        if (!text.Any(IsUnsafe))
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var character in text)
        {
            escaped.Append(IsUnsafe(character) ? $"\\u{(int)character:X4}" : character);
        }
        return escaped.ToString();
    }

    // C0 and C1 controls, and the marks and overrides that reorder text (Unicode bidi controls).
    private static bool IsUnsafe(char character) =>
        char.IsControl(character) || character is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedValue();
}
