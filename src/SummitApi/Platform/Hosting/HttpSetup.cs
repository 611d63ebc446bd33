using System.Text.Json.Serialization;
using Asp.Versioning;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing.Matching;
using SummitApi.Platform.Auth;
using SummitApi.Platform.Caching;
using SummitApi.Platform.Observability;
using SummitApi.Platform.Errors;
using SummitApi.Platform.Reads;
using SummitApi.Platform.OpenApi;
using Microsoft.AspNetCore.Cors.Infrastructure;
using SummitApi.Platform.Catalog;
using SummitApi.Platform.Http;

namespace SummitApi.Platform.Hosting;

public static class HttpSetup
{
    private const string SwaggerPath = "/swagger";

    /// <summary>Headers a browser client elsewhere may read from our responses.</summary>
    /// <summary>The platform's response headers a browser's script may read; the resources add theirs (<see cref="IResourceCatalog.ResponseHeaders"/>).</summary>
    public static readonly string[] ExposedHeaders = ["ETag", "Retry-After", "Location", "Content-Disposition", "Content-Location", "api-supported-versions"];

    public static void AddSummitHttp(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Records are small: generous for any honest request, tight enough to refuse floods early.
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        });
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, PlatformJsonContext.Default);
        });
        services.AddProblemDetails(options => options.CustomizeProblemDetails = problem =>
        {
            ProblemTypes.Apply(problem);
            ProblemText.Apply(problem);
        });
        services.AddSingleton<IProblemDetailsService, ProblemDetailsForAnyAccept>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddApiVersioning(options =>
            {
                options.DefaultApiVersion = new ApiVersion(1, 0);
                options.ReportApiVersions = true;
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
            })
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'VVV";
                options.SubstituteApiVersionInUrl = true;
            });
        services.AddSummitSwagger();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IResourceCatalog>((options, resources) => options.AddDefaultPolicy(policy =>
            policy.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader().WithExposedHeaders([.. ExposedHeaders, .. resources.ResponseHeaders])));
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json"]);
        });
        services.AddSingleton<CursorCodec>();
        services.Configure<ResponseCacheOptions>(builder.Configuration.GetSection(ResponseCacheOptions.Section));
        services.AddSingleton<ResponseCache>();
        services.AddHostedService<DataChangeListener>();
        services.AddSummitAuth();
        services.AddSummitRateLimits(builder.Configuration);
        // Routing would answer a write's wrong Content-Type with a bare 415 before authentication ran, so a keyless
        // write learnt about media types instead of keys. Each write handler checks its media type itself (a 415
        // problem naming the type expected), after authentication and authorisation. Last here, since registering
        // routing again would bring the policy back.
        foreach (var acceptsPolicy in services.Where(service => service.ServiceType == typeof(MatcherPolicy)
                     && service.ImplementationType?.FullName == "Microsoft.AspNetCore.Routing.Matching.AcceptsMatcherPolicy").ToList())
        {
            services.Remove(acceptsPolicy);
        }
    }

    public static void UseSummitHttp(this WebApplication app)
    {
        app.Use(SecurityHeaders.Apply);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseSummitMetrics();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication: write budgets are per API key.
        app.UseRateLimiter();
        app.Use(ETags.MarkEncodedVariants);
        // A stored export file keeps its own bytes (its ETag names them and a Range counts them).
        app.UseWhen(context => !StoredFileResponse.IsTarget(context), branch => branch.UseResponseCompression());
        app.UseMiddleware<ReadResponseMiddleware>();

        // Both answer only under /swagger; branched, the API's requests skip their route matching (a regex per request).
        app.UseWhen(context => context.Request.Path.StartsWithSegments(SwaggerPath), swagger =>
        {
            swagger.UseSwagger();
            swagger.UseSwaggerUI(options =>
            {
                options.SwaggerEndpoint("/swagger/v1/swagger.json", "SummitApi v1");
                options.DocumentTitle = "SummitApi";
                // A link to an operation (/swagger/#/Concessions/ListConcessions) opens it.
                options.EnableDeepLinking();
            });
        });
        // The root has no API of its own: a visitor is sent where the API explains itself.
        app.MapGet("/", () => TypedResults.Redirect(SwaggerPath)).ExcludeFromDescription();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync })
            .WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync })
            .WithTags("Health");
    }

    /// <summary>The route group of one API version: /api/v{n}, with unknown query parameters refused.</summary>
    public static RouteGroupBuilder MapApiVersion(this WebApplication app, int majorVersion)
    {
        var api = app.NewVersionedApi("Summit");
        var group = api.MapGroup("/api/v{version:apiVersion}").HasApiVersion(new ApiVersion(majorVersion, 0));
        group.AddEndpointFilterFactory(QueryParameterFilter.Create);
        ((IEndpointConventionBuilder)group).Finally(QueryParameterFilter.DocumentBadRequest);
        ((IEndpointConventionBuilder)group).Finally(AnswerHeadLikeGet);
        group.AddEndpointFilter(ProblemResultFilter.InvokeAsync);
        group.AddEndpointFilter(AsOfFilter.InvokeAsync);
        group.AddEndpointFilter(SummitApi.Platform.Reads.ConsistencyToken.InvokeAsync);
        group.RequireRateLimiting(RateLimits.Reads);
        return group;
    }

    /// <summary>
    /// Every GET also answers HEAD (RFC 9110 9.3.2): the same headers, no body. The document leaves HEAD out (see
    /// <see cref="SwaggerSetup"/>), as it describes the GET it mirrors.
    /// </summary>
    private static void AnswerHeadLikeGet(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
            && methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
        {
            endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
        }
    }

    public static void LogSwaggerAddress(this WebApplication app)
    {
        foreach (var address in app.Urls)
        {
            app.Logger.LogInformation("SummitApi is ready: Swagger UI at {SwaggerUrl}", address.TrimEnd('/') + "/swagger");
        }
    }
}
