using System.Reflection;

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
            // asOf is an instant on the wire; AsOfParameterFilter gives it its description.
            options.MapType<SummitApi.Platform.Reads.AsOfInstant>(() => new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "date-time" });
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
            options.OperationFilter<ConsistencyTokenOperationFilter>();
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
