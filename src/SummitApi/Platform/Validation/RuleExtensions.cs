using System.Linq.Expressions;
using System.Text.RegularExpressions;
using FluentValidation;

namespace SummitApi.Platform.Validation;

/// <summary>The value rules every record shares, mirroring the database's own checks.</summary>
public static partial class RuleExtensions
{
    public const int MaxExcerptLength = 400;

    /// <summary>How exact a loose date is (a fixed list: the date filters compute periods from it).</summary>
    public static readonly IReadOnlyList<VocabularyTerm> DatePrecisionTerms =
    [
        new("day", "Day", "The date is the day itself."),
        new("month", "Month", "The date is the first day of the month the sources give (\"November 2025\" is 2025-11-01)."),
        new("quarter", "Quarter", "The date is the first day of the quarter the sources give."),
        new("year", "Year", "The date is the first day of the year the sources give (\"next year\", written in 2025, is 2026-01-01)."),
    ];

    /// <summary>Which part of a loose date's period the sources point at.</summary>
    public static readonly IReadOnlyList<VocabularyTerm> DateQualifierTerms =
    [
        new("early", "Early", "The early part of the period (\"early next year\" is 2026-01-01 / year / early)."),
        new("mid", "Mid", "The middle of the period."),
        new("late", "Late", "The late part of the period (\"late November\" is 2025-11-01 / month / late)."),
    ];

    public static readonly string[] DatePrecisions = [.. DatePrecisionTerms.Select(term => term.Code)];
    public static readonly string[] DateQualifiers = [.. DateQualifierTerms.Select(term => term.Code)];

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$")]
    private static partial Regex RecordIdPattern();

    [GeneratedRegex(@"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")]
    private static partial Regex IsoDurationPattern();

    public static bool IsRecordId(string? value) => value is not null && RecordIdPattern().IsMatch(value);

    public static bool IsIsoDuration(string? value) => value is null || IsoDurationPattern().IsMatch(value);

    public static IRuleBuilderOptions<T, string> MustBeRecordId<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Must(IsRecordId)
            .WithMessage("'{PropertyName}' must be 1 to 120 letters, digits or . _ : - and start with a letter or digit.");

    public static IRuleBuilderOptions<T, string?> MustBeCode<T>(this IRuleBuilder<T, string?> rule, IReferenceCatalog catalog, string vocabularyTable) =>
        rule.Must(code => code is null || catalog.HasCode(vocabularyTable, code))
            .WithMessage($"'{{PropertyName}}' must be one of the '{vocabularyTable}' codes listed at /api/v1/vocabularies; '{{PropertyValue}}' is not.");

    public static IRuleBuilderOptions<T, string?> MustReference<T>(this IRuleBuilder<T, string?> rule, IReferenceCatalog catalog, string recordType) =>
        rule.Must(id => id is null || catalog.HasRecord(recordType, id))
            .WithMessage($"'{{PropertyName}}' refers to {recordType.Replace('_', ' ')} '{{PropertyValue}}', which does not exist.");

    public static void EachMustReference<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule, IReferenceCatalog catalog, string recordType) =>
        rule.ForEach(element => element.NotEmpty().MustReference(catalog, recordType));

    public static IRuleBuilderOptions<T, string?> MustBeIsoDuration<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsIsoDuration).WithMessage("'{PropertyName}' must be an ISO 8601 duration such as P1Y, P90D or PT2H.");

    /// <summary>
    /// A loose date is the first day of its period, with a precision, and a qualifier only for periods
    /// longer than a day; all three are null when the date is unknown.
    /// </summary>
    public static void LooseDate<T>(this AbstractValidator<T> validator, string name,
        Expression<Func<T, DateOnly?>> dateField, Expression<Func<T, string?>> precisionField, Expression<Func<T, string?>> qualifierField)
    {
        var date = dateField.Compile();
        var precision = precisionField.Compile();
        validator.RuleFor(precisionField).Cascade(CascadeMode.Stop)
            .NotNull().When(record => date(record) is not null)
                .WithMessage($"'{name}Precision' is required when '{name}' is given.")
            .Null().When(record => date(record) is null)
                .WithMessage($"'{name}Precision' must be null when '{name}' is null.")
            .Must(value => value is null || DatePrecisions.Contains(value))
                .WithMessage($"'{name}Precision' must be one of: {string.Join(", ", DatePrecisions)}.")
            .OverridePropertyName($"{name}Precision");
        validator.RuleFor(qualifierField)
            .Must(value => value is null || DateQualifiers.Contains(value))
                .WithMessage($"'{name}Qualifier' must be null or one of: {string.Join(", ", DateQualifiers)}.")
            .Must((record, value) => value is null || (date(record) is not null && precision(record) != "day"))
                .WithMessage($"'{name}Qualifier' (early, mid, late) only qualifies a month, quarter or year.")
            .OverridePropertyName($"{name}Qualifier");
        validator.RuleFor(dateField)
            .Must((record, value) => value is null || precision(record) is not { } p || !DatePrecisions.Contains(p) || IsStartOfPeriod(value.Value, p))
                .WithMessage(record => $"'{name}' must be the first day of its {precision(record)} (e.g. 2025-11-01 for November 2025).")
            .OverridePropertyName(name);
    }

    /// <summary>The record types a derived date may be computed from.</summary>
    public static readonly string[] DateAnchorTypes = ["summit", "event"];

    [GeneratedRegex(@"^-?P")]
    private static partial Regex SignedDurationStart();

    /// <summary>
    /// A loose date's basis: null without a date (and optional with one, for v1 writers that predate it); a derived date names the record it is
    /// computed from and the ISO 8601 offset (a leading minus for "before"), and is never finer than that offset's
    /// smallest unit ("last month" is a month, "a day later" may be a day); a stated or assumed date names neither.
    /// </summary>
    public static void DateBasis<T>(this AbstractValidator<T> validator, string name, IReferenceCatalog catalog,
        Func<T, DateOnly?> date, Func<T, string?> precision, Expression<Func<T, string?>> basisField,
        Expression<Func<T, string?>> anchorTypeField, Expression<Func<T, string?>> anchorIdField, Expression<Func<T, string?>> offsetField)
    {
        var basis = basisField.Compile();
        var anchorType = anchorTypeField.Compile();
        var offset = offsetField.Compile();
        validator.RuleFor(basisField).Cascade(CascadeMode.Stop)
            .Null().When(record => date(record) is null, ApplyConditionTo.CurrentValidator)
                .WithMessage($"'{name}Basis' must be null when '{name}' is null.")
            .MustBeCode(catalog, "date_basis")
            .OverridePropertyName($"{name}Basis");
        validator.RuleFor(anchorTypeField)
            .Must(value => value is null || DateAnchorTypes.Contains(value))
                .WithMessage($"'{name}AnchorType' must be null or one of: {string.Join(", ", DateAnchorTypes)}.")
            .NotNull().When(record => basis(record) == "derived", ApplyConditionTo.CurrentValidator)
                .WithMessage($"A derived '{name}' names the record it is computed from in '{name}AnchorType' and '{name}AnchorId'.")
            .Null().When(record => basis(record) != "derived", ApplyConditionTo.CurrentValidator)
                .WithMessage($"Only a derived '{name}' has an anchor.")
            .OverridePropertyName($"{name}AnchorType");
        validator.RuleFor(anchorIdField)
            .Must((record, id) => (id is null) == (anchorType(record) is null))
                .WithMessage($"'{name}AnchorId' and '{name}AnchorType' go together.")
            .Must((record, id) => id is null || anchorType(record) is not { } type || !DateAnchorTypes.Contains(type) || catalog.HasRecord(type, id))
                .WithMessage(record => $"'{name}AnchorId' refers to {anchorType(record)} '{anchorIdField.Compile()(record)}', which does not exist.")
            .OverridePropertyName($"{name}AnchorId");
        validator.RuleFor(offsetField)
            .Must(value => value is null || (SignedDurationStart().IsMatch(value) && IsIsoDuration(value.TrimStart('-'))))
                .WithMessage($"'{name}Offset' must be an ISO 8601 duration, with a leading minus for \"before\" (P1D, -P2W).")
            .NotNull().When(record => basis(record) == "derived", ApplyConditionTo.CurrentValidator)
                .WithMessage($"A derived '{name}' gives its offset from the anchor in '{name}Offset' (P0D when it is the anchor's own date).")
            .Null().When(record => basis(record) != "derived", ApplyConditionTo.CurrentValidator)
                .WithMessage($"Only a derived '{name}' has an offset.")
            .Must((record, value) => value is null || precision(record) is not { } p || PrecisionRank(p) >= PrecisionRank(FinestUnit(value)))
                .WithMessage(record => $"A derived '{name}' is never finer than its offset: '{offset(record)}' allows {FinestUnit(offset(record)!)} precision or coarser.")
            .OverridePropertyName($"{name}Offset");
    }

    private static int PrecisionRank(string precision) => Array.IndexOf(DatePrecisions, precision);

    /// <summary>The finest precision an offset supports: days and weeks give a day, months a month, years a year.</summary>
    private static string FinestUnit(string offset)
    {
        var date = offset.TrimStart('-').Split('T')[0];
        return date.Contains('D') || date.Contains('W') || offset.Contains('T') ? "day" : date.Contains('M') ? "month" : "year";
    }

    public static bool IsStartOfPeriod(DateOnly date, string precision) => precision switch
    {
        "day" => true,
        "month" => date.Day == 1,
        "quarter" => date.Day == 1 && (date.Month - 1) % 3 == 0,
        "year" => date.Day == 1 && date.Month == 1,
        _ => false,
    };

    /// <summary>A verbatim excerpt: present, and at most <see cref="MaxExcerptLength"/> characters (counted as Unicode scalars).</summary>
    public static IRuleBuilderOptions<T, string> MustBeExcerpt<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .Must(excerpt => excerpt is null || excerpt.EnumerateRunes().Count() <= MaxExcerptLength)
            .WithMessage($"'excerpt' must be at most {MaxExcerptLength} characters.");

    public static void Citations<T>(this AbstractValidator<T> validator, Expression<Func<T, IEnumerable<CitationInput>>> citations, IReferenceCatalog catalog)
    {
        validator.RuleFor(citations).NotEmpty()
            .WithMessage("'citations' must hold at least one citation: every fact cites a source.")
            .OverridePropertyName("citations");
        validator.RuleForEach(citations)
            .ChildRules(citation =>
            {
                citation.RuleFor(c => c.SourceId).NotEmpty().MustReference(catalog, "source").OverridePropertyName("sourceId");
                citation.RuleFor(c => c.Excerpt).MustBeExcerpt().OverridePropertyName("excerpt");
            })
            .OverridePropertyName("citations");
    }
}

/// <summary>A link to a source with a short verbatim excerpt of it.</summary>
/// <param name="SourceId">The cited source's id (see /api/v1/sources).</param>
/// <param name="Excerpt">At most 400 characters copied exactly from the source (only runs of whitespace may differ).</param>
public sealed record CitationInput(string SourceId, string Excerpt);
