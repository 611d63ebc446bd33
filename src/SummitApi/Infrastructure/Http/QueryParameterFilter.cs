using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace SummitApi.Infrastructure.Http;

/// <summary>
/// Refuses query parameters the endpoint does not take, and any given twice: a misspelt filter
/// silently ignored would return the wrong data with a 200. Refuses control characters in the query
/// and the path too: no id, code or text has them, .NET's parsers skip a trailing NUL ("5\0" reads
/// as 5), and PostgreSQL cannot store a NUL at all.
/// </summary>
public static class QueryParameterFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var accepted = AcceptedNames(context.MethodInfo);
        if (context.MethodInfo.GetCustomAttribute<NoAsOfAttribute>() is null)
        {
            accepted.Add(AsOfFilter.Parameter);
        }
        return async invocation =>
        {
            var errors = new Dictionary<string, string[]>();
            var isRead = HttpMethods.IsGet(invocation.HttpContext.Request.Method);
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

    private static HashSet<string> AcceptedNames(MethodInfo handler)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties())
                {
                    names.Add(property.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>()?.Name ?? property.Name);
                }
            }
            else if (parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>() is { } fromQuery)
            {
                names.Add(fromQuery.Name ?? parameter.Name!);
            }
        }
        return names;
    }
}

/// <summary>Marks a read that has no past to ask about (e.g. the change feed, which is itself the history).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NoAsOfAttribute : Attribute;
