using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace SummitApi.Platform.Reads;

/// <summary>
/// Refuses query parameters the endpoint does not take, any given twice, and any whose value does not parse
/// as its type: a misspelt filter silently ignored would return the wrong data with a 200. Refuses control characters in the query
/// and the path too: no id, code or text has them, .NET's parsers skip a trailing NUL ("5\0" reads
/// as 5), and PostgreSQL cannot store a NUL at all.
/// </summary>
public static class QueryParameterFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var parameters = QueryParameters(context.MethodInfo);
        if (context.MethodInfo.GetCustomAttribute<NoAsOfAttribute>() is null)
        {
            parameters[AsOfFilter.Parameter] = null;
        }
        var accepted = parameters.Keys;
        return async invocation =>
        {
            var errors = new Dictionary<string, string[]>();
            var isRead = ReadMethods.IsRead(invocation.HttpContext.Request.Method);
            foreach (var (name, value) in invocation.HttpContext.Request.RouteValues)
            {
                if (value is string text && HasControlCharacter(text))
                {
                    errors[name] = [$"'{name}' contains a control character."];
                }
            }
            foreach (var (name, values) in invocation.HttpContext.Request.Query)
            {
                if (HasControlCharacter(name) || values.Any(v => v is not null && HasControlCharacter(v)))
                {
                    errors[name] = [$"'{name}' contains a control character."];
                }
                else if (!accepted.Contains(name) || (!isRead && name == AsOfFilter.Parameter))
                {
                    errors[name] = [accepted.Count == 0
                        ? $"'{name}' is not a parameter of this operation, which takes none."
                        : $"'{name}' is not a parameter of this operation; it takes {string.Join(", ", accepted.Order(StringComparer.Ordinal))}."];
                }
                else if (values.Count > 1)
                {
                    errors[name] = [$"'{name}' is given {values.Count} times; give it once."];
                }
                // The generated binder reads an empty typed value as absent (activeOn= would silently not filter) and
                // answers one it cannot parse with a bare 400; name the parameter and the form it takes instead.
                else if (parameters[name] is { } type && string.IsNullOrEmpty(values[0]))
                {
                    errors[name] = [$"'{name}' is empty; give {type.Form} or leave the parameter out."];
                }
                else if (parameters[name] is { } typed && !typed.Parses(values[0]!))
                {
                    errors[name] = [$"'{values[0]}' is not a valid value for '{name}', which takes {typed.Form}."];
                }
            }
            return errors.Count > 0
                ? TypedResults.ValidationProblem(errors, title: "One or more query parameters are not accepted.")
                : await next(invocation);
        };
    }

    /// <summary>Documents the 400 every operation can answer, after the operation's own responses.</summary>
    public static void DocumentBadRequest(EndpointBuilder endpoint)
    {
        if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == StatusCodes.Status400BadRequest))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(
                StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
        }
    }

    private static bool HasControlCharacter(string text) => text.AsSpan().ContainsAnyInRange('\0', '\u001f') || text.Contains('\u007f');

    /// <summary>The query parameters the handler binds, by name, with the parser of those that are not text.</summary>
    private static Dictionary<string, TypedParameter?> QueryParameters(MethodInfo handler)
    {
        var parameters = new Dictionary<string, TypedParameter?>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties())
                {
                    parameters[property.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>()?.Name ?? property.Name] = ParserFor(property.PropertyType);
                }
            }
            else if (parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>() is { } fromQuery)
            {
                parameters[fromQuery.Name ?? parameter.Name!] = ParserFor(parameter.ParameterType);
            }
        }
        return parameters;
    }

    /// <summary>How a value that is not text is parsed as the binder parses it (IParsable with the invariant culture); null for text.</summary>
    private static TypedParameter? ParserFor(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var parsable = underlying != typeof(string) && underlying.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>));
        return parsable
            ? new TypedParameter(
                typeof(QueryParameterFilter).GetMethod(nameof(Parses), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(underlying).CreateDelegate<Func<string, bool>>(),
                Forms.GetValueOrDefault(underlying, $"a {underlying.Name} value"))
            : null;
    }

    /// <summary>What a value of each type a query parameter binds looks like, for the 400 that refuses one.</summary>
    private static readonly Dictionary<Type, string> Forms = new()
    {
        [typeof(int)] = "a whole number",
        [typeof(DateOnly)] = "a date as YYYY-MM-DD (e.g. 2025-11-10)",
    };

    private static bool Parses<T>(string value) where T : IParsable<T> => T.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);

    private sealed record TypedParameter(Func<string, bool> Parses, string Form);
}

/// <summary>Marks a read that has no past to ask about (e.g. the change feed, which is itself the history).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NoAsOfAttribute : Attribute;
