using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Dashboard;
using NewsGraph.Api.Explorer;
using NewsGraph.Api.Graph;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Api.Http;
using NewsGraph.Api.Ide;
using NewsGraph.Api.WebSockets;

namespace NewsGraph.Api.Extensions;

public static class ApiServiceCollectionExtensions
{
    public const string CorsPolicy = "NewsGraphApi";

    /// <summary>
    /// Registers the GraphQL API: schema, transports, limits (<see cref="ApiOptions"/> from
    /// <c>NewsGraph:Api</c>), CORS, the IDE, the explorer and the dashboard. The host registers <c>IGraphReader</c>,
    /// <c>IGraphWriter</c> (for <c>removeArticles</c>), <c>IArticleIngestor</c>, <c>IIngestionEvents</c> and <c>TimeProvider</c>.
    /// </summary>
    public static IServiceCollection AddNewsGraphApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>()
            .Bind(configuration.GetSection(ApiOptions.SectionName))
            .Validate(o => o.MaxPageSize > 0 && o.DefaultPageSize > 0 && o.DefaultPageSize <= o.MaxPageSize, "page sizes must be positive and DefaultPageSize <= MaxPageSize")
            .Validate(o => o.MaxDepth > 0 && o.MaxComplexity > 0 && o.MaxFields > 0 && o.MaxExpandedFields > 0 && o.MaxBatchSize > 0 && o.MaxRequestBodyBytes > 0, "limits must be positive")
            .Validate(o => !o.RequireApiKeyForSubscriptions || !string.IsNullOrEmpty(o.ApiKey), "RequireApiKeyForSubscriptions needs an ApiKey")
            .ValidateOnStart();

        services.AddNewsGraphMetrics();
        services.AddScoped<GraphContext>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<OperationExecutor>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<GraphQLWebSocketEndpoint>();
        services.AddSingleton<WebSocketOriginPolicy>();
        services.AddSingleton<BananaCakePop>();
        services.AddSingleton<ExplorerPage>();
        services.AddSingleton<DashboardPage>();
        services.AddTransient(typeof(ConnectionType<,>));
        services.AddTransient(typeof(EdgeType<,>));

        services.AddGraphQL(builder => builder
            .AddSchema<NewsGraphSchema>()
            // Arabic (and every other script) is written as is, not as \uXXXX escapes: responses are a
            // third of the size and readable in network tools. HTML-significant characters stay escaped.
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All))
            .AddGraphTypes(typeof(NewsGraphSchema).Assembly)
            .AddErrorInfoProvider<NewsGraphErrorInfoProvider>()
            .AddComplexityAnalyzer((complexity, provider) => ConfigureLimits(complexity, provider.GetRequiredService<IOptions<ApiOptions>>().Value)));

        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            // Read at start-up like every other option; an empty list sends no CORS headers.
            IList<string> origins = configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>()?.CorsOrigins ?? [];
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins([.. origins]);
            }

            policy.WithMethods("GET", "POST").WithHeaders("Content-Type", "Accept", GraphQLHttpEndpoint.ApiKeyHeader);
        }));

        return services;
    }

    /// <summary>Depth and complexity limits with our error codes; page sizes above the maximum count as the maximum.</summary>
    private static void ConfigureLimits(ComplexityOptions complexity, ApiOptions options)
    {
        complexity.MaxDepth = null;
        complexity.MaxComplexity = null;
        complexity.DefaultListImpactMultiplier = options.DefaultPageSize;
        complexity.DefaultComplexityImpactDelegate = context => Impact(context, options);
        complexity.ValidateComplexityDelegate = context =>
        {
            if (context.MaxDepth > options.MaxDepth)
            {
                context.Error = new ValidationError($"The operation is nested {context.MaxDepth} levels deep; at most {options.MaxDepth} are allowed.") { Code = ErrorCodes.MaxDepthExceeded };
            }
            else if (context.TotalImpact > options.MaxComplexity)
            {
                context.Error = new ValidationError($"The operation's estimated cost is {context.TotalImpact:0}; at most {options.MaxComplexity} is allowed. Ask for smaller pages or fewer nested lists. A text filter shorter than {FilterCost.IndexedTextLength} letters cannot use the text index and costs {FilterCost.TextScan:N0}; a relationship filter (some/none) costs {FilterCost.Relationship:N0}.") { Code = ErrorCodes.MaxComplexityExceeded };
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// Each field costs 1; a list multiplies its children by its expected size: <c>first</c>/<c>last</c>
    /// on the field or on its connection (at most the max page size, which resolvers enforce), the
    /// default page size for a connection asked without them, and <see cref="PlainListEstimate"/> for
    /// plain lists (participants, titles, members …).
    /// </summary>
    private static FieldComplexityResult Impact(FieldImpactContext context, ApiOptions options)
    {
        IGraphType? type = context.FieldDefinition.ResolvedType;
        type = type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;
        // A filtered list costs its filter's store work once per time it is asked for.
        double own = 1 + (context.Arguments?.TryGetValue("where", out ArgumentValue where) == true ? FilterCost.Of(where.Value) : 0);
        if (type is not ListGraphType)
        {
            return new FieldComplexityResult(own, 1);
        }

        bool paged = HasPaging(context.FieldDefinition);
        int? size = PageSize(context.Arguments);
        if (size is null && !paged && context.Parent is { } parent && HasPaging(parent.FieldDefinition))
        {
            paged = true;
            size = PageSize(parent.Arguments);
        }

        double multiplier = paged ? Math.Clamp(size ?? options.DefaultPageSize, 1, options.MaxPageSize) : PlainListEstimate;
        return new FieldComplexityResult(own, multiplier);
    }

    /// <summary>Expected size of a list field without paging arguments.</summary>
    internal const int PlainListEstimate = 5;

    private static bool HasPaging(FieldType field) =>
        field.Arguments?.Find("first") is not null || field.Arguments?.Find("last") is not null;

    private static int? PageSize(IDictionary<string, ArgumentValue>? arguments) =>
        arguments is null ? null
        : arguments.TryGetValue("first", out ArgumentValue first) && first.Value is int f ? f
        : arguments.TryGetValue("last", out ArgumentValue last) && last.Value is int l ? l
        : null;
}
