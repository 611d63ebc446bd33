using System.Collections;
using System.Reflection;
using System.Text.Json;
using FluentValidation.Results;

namespace SummitApi.Platform.Validation;

/// <summary>
/// No text in a record may be empty: unknown is null. The exports rely on it (an empty CSV cell always means null, as
/// their data package's missingValues says), so the rule covers every text field of every write model, nested ones and
/// list elements included, rather than each validator's own list of fields.
/// </summary>
public static class EmptyText
{
    public static IEnumerable<ValidationFailure> Failures(object input) => Find(input, prefix: "");

    private static IEnumerable<ValidationFailure> Find(object value, string prefix)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var name = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            switch (property.GetValue(value))
            {
                case string text:
                    if (text.Length == 0)
                    {
                        yield return Failure(name);
                    }
                    break;
                case IEnumerable items when property.PropertyType != typeof(string):
                    var index = 0;
                    foreach (var item in items)
                    {
                        var element = $"{name}[{index++}]";
                        if (item is "")
                        {
                            yield return Failure(element);
                        }
                        else if (item is not null and not string && !item.GetType().IsPrimitive)
                        {
                            foreach (var failure in Find(item, element + "."))
                            {
                                yield return failure;
                            }
                        }
                    }
                    break;
            }
        }
    }

    private static ValidationFailure Failure(string name) =>
        new(name, $"'{name}' must not be empty text: leave a value that is not known null.");
}
