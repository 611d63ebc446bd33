using System.Reflection;
using SummitApi.Platform.Reads;

namespace SummitApi.Platform.OpenApi;

public static class SwaggerSetup
{
    /// <summary>A type's schema name: its C# name without "Dto" (ConcessionDto is Concession).</summary>
    public static string SchemaIdOf(Type type) => type.Name.Replace("Dto", "", StringComparison.Ordinal).Replace("`1", "", StringComparison.Ordinal)
        + string.Concat(type.GetGenericArguments().Select(t => t.Name.Replace("Dto", "", StringComparison.Ordinal)));

    public static void AddSummitSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new()
            {
                Title = "SummitApi",
                Version = "1.0",
                Description = """
                    Structured, sourced data about the outcomes of leaders' summits: what was agreed, which side
                    conceded what to whom (with numbers, dates and durations), and how each side's official readout
                    differs from the other's. Every record cites its sources with verbatim excerpts. Vocabulary
                    values (topics, actions, units, kinds, statuses) are snake_case codes listed at /api/v1/vocabularies.
                    """,
                Contact = new() { Name = "SummitApi maintainers" },
                License = new()
                {
                    Name = "Code: MIT. Data: facts with short cited excerpts; see each source's licence.",
                    Url = new Uri("https://spdx.org/licenses/MIT.html"),
                },
            });
            // Relative: the server that serves this document, whatever name a proxy in front of it has.
            options.AddServer(new Microsoft.OpenApi.OpenApiServer { Url = "/", Description = "The server that serves this document." });
            // HEAD mirrors every GET (HttpSetup.AnswerHeadLikeGet); describing it twice would only double the clients.
            options.DocInclusionPredicate((document, api) => (api.GroupName is null || api.GroupName == document) && api.HttpMethod != HttpMethods.Head);
            options.DocumentFilter<TagDescriptionsFilter>();
            options.SchemaFilter<FrameworkSchemaDescriptionsFilter>();
            options.SchemaFilter<RequestBodyRequiredFilter>();
            options.SchemaFilter<TextLimitsSchemaFilter>();
            options.DocumentFilter<ReadOnlyMembersFilter>();
            options.SchemaFilter<ProblemTraceIdFilter>();
            options.SchemaFilter<NextCursorRequiredFilter>();
            // A revision's stored fields and a merge patch's values are any JSON, not .NET's JsonNode class (whose parent
            // and root made a circular schema no JSON value matches).
            options.MapType<System.Text.Json.Nodes.JsonNode>(() => new Microsoft.OpenApi.OpenApiSchema { Description = "Any JSON value." });
            var xml = Path.Combine(AppContext.BaseDirectory, Assembly.GetExecutingAssembly().GetName().Name + ".xml");
            options.IncludeXmlComments(xml, includeControllerXmlComments: true);
            options.SupportNonNullableReferenceTypes();
            // The service always sends every field (null included): clients may rely on each non-nullable one.
            options.NonNullableReferenceTypesAsRequired();
            options.AddSecurityDefinition(ApiKeySecurityFilter.SchemeName, new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key (summit_<id>_<secret>) made with `keys create`. It may also be sent as X-Api-Key.",
            });
            options.OperationFilter<ApiKeySecurityFilter>();
            options.OperationFilter<ProblemContentTypeFilter>();
            options.OperationFilter<RouteParameterFilter>();
            options.OperationFilter<WriteHeadersFilter>();
            options.OperationFilter<AsOfParameterFilter>();
            options.OperationFilter<ConsistencyTokenFilter>();
            options.OperationFilter<PagingParameterFilter>();
            options.OperationFilter<LimitRangeFilter>();
            options.OperationFilter<ConditionalGetResponsesFilter>();
            options.OperationFilter<WriteResponseHeadersFilter>();
            options.OperationFilter<ExportFileResponsesFilter>();
            options.OperationFilter<LimitAndOutageResponsesFilter>();
            options.OperationFilter<ParameterOrderFilter>(); // last: after the filters above have added theirs
            options.CustomSchemaIds(SchemaIdOf);
        });
        // Who to contact is the deployment's to say (OpenApi:Contact:Name, :Url, :Email); Swagger UI shows a contact that has a url or email.
        services.AddOptions<Swashbuckle.AspNetCore.SwaggerGen.SwaggerGenOptions>().Configure<IConfiguration>((options, configuration) =>
            configuration.GetSection("OpenApi:Contact").Bind(options.SwaggerGeneratorOptions.SwaggerDocs["v1"].Contact));
    }
}

/// <summary>Error responses are written as application/problem+json (see ProblemResultFilter); say so in the document.</summary>
internal sealed class ProblemContentTypeFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status.StartsWith('4') || status.StartsWith('5'))
            {
                if (response.Content is { } content && content.Remove("application/json", out var media))
                {
                    content["application/problem+json"] = media;
                }
            }
        }
    }
}

/// <summary>
/// Documents every {parameter} of a route template, also for generic handlers that read it from the
/// route values rather than from a handler parameter (the editorial writes).
/// </summary>
internal sealed partial class RouteParameterFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        operation.Parameters ??= [];
        foreach (var name in RouteParameter().Matches(context.ApiDescription.RelativePath ?? "").Select(m => m.Groups[1].Value))
        {
            if (!operation.Parameters.Any(p => p.Name == name && p.In == Microsoft.OpenApi.ParameterLocation.Path))
            {
                operation.Parameters.Add(new Microsoft.OpenApi.OpenApiParameter
                {
                    Name = name,
                    In = Microsoft.OpenApi.ParameterLocation.Path,
                    Required = true,
                    Description = "The record's id.",
                    Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String },
                });
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();
}

/// <summary>The request headers the editorial writes read, as parameters of their operations.</summary>
internal sealed class WriteHeadersFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<SummitApi.Platform.Writes.EditorialWrite>().Any())
        {
            return;
        }
        operation.Parameters ??= [];
        if (context.ApiDescription.HttpMethod == "POST")
        {
            operation.Parameters.Add(Header(SummitApi.Platform.Writes.IdempotentRequests.Header, required: false,
                "Any unique string (at most 200 characters): a retry with the same key and body returns the first response instead of writing again."));
        }
        else
        {
            operation.Parameters.Add(Header("If-Match", required: true,
                "The ETag of the record as you last read it (from its GET). A stale one is a 412; none is a 428."));
        }
        operation.Parameters.Add(Header(SummitApi.Platform.Writes.EditorialWrite.ReasonHeader, required: false,
            "Why the change is made (at most 500 characters); kept with the revision."));
    }

    private static Microsoft.OpenApi.OpenApiParameter Header(string name, bool required, string description) => new()
    {
        Name = name,
        In = Microsoft.OpenApi.ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String },
    };
}

/// <summary>Marks the operations that need an API key, so Swagger UI sends the one entered under Authorize, and the public ones as public.</summary>
internal sealed class ApiKeySecurityFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public const string SchemeName = "apiKey";

    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
        {
            operation.Security =
            [
                new Microsoft.OpenApi.OpenApiSecurityRequirement
                {
                    [new Microsoft.OpenApi.OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [],
                },
            ];
        }
        else
        {
            operation.Security = []; // public: stated, so that generators and linters need not guess
        }
    }
}

/// <summary>Documents the asOf parameter every v1 read accepts (see AsOfFilter).</summary>
internal sealed class AsOfParameterFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        if (context.ApiDescription.HttpMethod != "GET" || !(context.ApiDescription.RelativePath ?? "").StartsWith("api/", StringComparison.Ordinal)
            || context.MethodInfo?.GetCustomAttributes(typeof(NoAsOfAttribute), false).Length > 0)
        {
            return;
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(new Microsoft.OpenApi.OpenApiParameter
        {
            Name = AsOfFilter.Parameter,
            In = Microsoft.OpenApi.ParameterLocation.Query,
            Description = "Answer as this database held the data at this instant: the newest change set committed at or before it. "
                + "This is when the API recorded a change, not when it happened in the world (for that, see activeOn, from and to): "
                + "an instant before the database was created answers nothing. Any RFC 3339 instant, e.g. 2026-12-01T09:30:00Z; "
                + "send an offset's '+' as %2B.",
            Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "date-time" },
        });
        // A malformed asOf (or an unknown query parameter) is a 400 on every read, also those with no other input.
        operation.Responses ??= [];
        if (!operation.Responses.ContainsKey("400"))
        {
            operation.Responses["400"] = new Microsoft.OpenApi.OpenApiResponse
            {
                Description = "Bad Request: a malformed asOf or an unknown query parameter, named under errors.",
                Content = new Dictionary<string, Microsoft.OpenApi.IOpenApiMediaType>
                {
                    ["application/problem+json"] = new Microsoft.OpenApi.OpenApiMediaType
                    {
                        Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails), context.SchemaRepository),
                    },
                },
            };
        }
    }
}

/// <summary>Describes limit and cursor where the handler is generic and has no XML docs to give them (the revisions lists).</summary>
internal sealed class PagingParameterFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["limit"] = $"Items per page, 1 to {ListRequest.MaxLimit} (default {ListRequest.DefaultLimit}).",
        ["cursor"] = "The nextCursor of the previous page.",
    };

    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<Microsoft.OpenApi.OpenApiParameter>())
        {
            if (string.IsNullOrEmpty(parameter.Description) && parameter.In == Microsoft.OpenApi.ParameterLocation.Query
                && Descriptions.TryGetValue(parameter.Name ?? "", out var description))
            {
                parameter.Description = description;
            }
        }
    }
}

/// <summary>
/// What each group of operations (a tag in Swagger UI) is about, in the domain's order: Swagger UI lists the
/// document's tags in the order given, where the generator would sort them by name.
/// </summary>
internal sealed class TagDescriptionsFilter : Swashbuckle.AspNetCore.SwaggerGen.IDocumentFilter
{
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Summits", "Engagements between leaders: meetings, calls and visits, held or planned."),
        ("Outcomes", "What a summit produced: agreements, commitments, claims and omissions, each with its topic and status."),
        ("Concessions", "Structured gives within an outcome: who gave what to whom, with values, dates and durations."),
        ("Readouts", "Each side's official account of a summit, what it says on each topic, and how the accounts differ."),
        ("Timeline", "Dated events around a summit, undated ones last."),
        ("Actors", "People and bodies: leaders, ministries and the analysts the sources quote."),
        ("Assessments", "Analysts' judgements, quoted verbatim from the sources."),
        ("Context figures", "Background numbers the sources give."),
        ("Parties", "States and blocs."),
        ("Sources", "The documents every fact cites, and the citations with their verbatim excerpts."),
        ("Vocabularies", "Every code list the records use."),
        ("History", "Every version of every record, and the change feed in commit order."),
        ("Exports", "The nightly exports of the whole data set: their manifests and files."),
        ("Administration", "API keys (admin key)."),
    ];

    public void Apply(Microsoft.OpenApi.OpenApiDocument swaggerDoc, Swashbuckle.AspNetCore.SwaggerGen.DocumentFilterContext context)
    {
        var rank = Tags.Select((tag, index) => (tag.Name, index)).ToDictionary(t => t.Name, t => t.index);
        // A tag not listed here goes before Administration, which stays last; ties by name.
        var order = Comparer<Microsoft.OpenApi.OpenApiTag>.Create((a, b) =>
        {
            var byRank = Rank(a).CompareTo(Rank(b));
            return byRank != 0 ? byRank : string.CompareOrdinal(a.Name, b.Name);
        });
        var tags = new SortedSet<Microsoft.OpenApi.OpenApiTag>(order);
        foreach (var tag in swaggerDoc.Tags ?? new HashSet<Microsoft.OpenApi.OpenApiTag>())
        {
            tag.Description ??= Tags.FirstOrDefault(t => t.Name == tag.Name).Description;
            tags.Add(tag);
        }
        swaggerDoc.Tags = tags;

        double Rank(Microsoft.OpenApi.OpenApiTag tag) =>
            rank.TryGetValue(tag.Name ?? "", out var index) ? index : Tags.Length - 1.5;
    }
}

/// <summary>Descriptions for the framework's types in the document, which carry no XML docs of ours.</summary>
internal sealed class FrameworkSchemaDescriptionsFilter : Swashbuckle.AspNetCore.SwaggerGen.ISchemaFilter
{
    private static readonly Dictionary<Type, string> Descriptions = new()
    {
        [typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)] = "An RFC 9457 problem: what went wrong (title, detail), its status and a traceId to quote when asking about it.",
        [typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails)] = "An RFC 9457 problem for bad input: errors names each offending parameter or field with what is wrong with it.",
    };

    public void Apply(Microsoft.OpenApi.IOpenApiSchema schema, Swashbuckle.AspNetCore.SwaggerGen.SchemaFilterContext context)
    {
        if (schema is Microsoft.OpenApi.OpenApiSchema concrete && string.IsNullOrEmpty(concrete.Description)
            && Descriptions.TryGetValue(context.Type, out var description))
        {
            concrete.Description = description;
        }
    }
}

/// <summary>
/// A request body (a *Input record) requires exactly the members declared <c>required</c> (or a positional
/// record's parameters), which strict JSON rejects a body without; the rest (lists that default to empty, flags
/// that default to false, nullable fields) may be left out. Responses keep every non-nullable field required,
/// since the service always sends them.
/// </summary>
internal sealed class RequestBodyRequiredFilter : Swashbuckle.AspNetCore.SwaggerGen.ISchemaFilter
{
    public void Apply(Microsoft.OpenApi.IOpenApiSchema schema, Swashbuckle.AspNetCore.SwaggerGen.SchemaFilterContext context)
    {
        if (schema is not Microsoft.OpenApi.OpenApiSchema { Properties: not null } concrete || !context.Type.Name.EndsWith("Input", StringComparison.Ordinal))
        {
            return;
        }
        // Strict JSON also requires a positional record's constructor parameters (RespectRequiredConstructorParameters).
        var requiredMembers = context.Type.GetProperties()
            .Where(property => property.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute)))
            .Select(property => property.Name)
            .Concat(context.Type.GetConstructors().SelectMany(constructor => constructor.GetParameters())
                .Where(parameter => !parameter.HasDefaultValue).Select(parameter => parameter.Name!));
        var required = requiredMembers.Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName).Where(concrete.Properties.ContainsKey);
        concrete.Required = new SortedSet<string>(required, StringComparer.Ordinal);
    }
}
