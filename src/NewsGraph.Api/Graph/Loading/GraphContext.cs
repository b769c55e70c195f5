using System.Collections.Concurrent;
using System.Text.Json;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Loading;

/// <summary>
/// What resolvers share for one operation: the store port, the limits and the batch loaders.
/// Scoped: the transport opens a scope per operation, so loaders and their caches never outlive it.
/// </summary>
internal sealed class GraphContext(IGraphReader reader, IOptions<ApiOptions> options)
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);

    public IGraphReader Reader { get; } = reader;

    public ApiOptions Options { get; } = options.Value;

    /// <summary>Set by the transport when the request carried the configured API key.</summary>
    public bool ApiKeyAccepted { get; set; }

    public EntitiesByKeyLoader Entities => Get("entities", () => new EntitiesByKeyLoader(Reader));

    public ArticlesByKeyLoader Articles => Get("articles", () => new ArticlesByKeyLoader(Reader));

    public ReprintsByArticleLoader Reprints => Get("reprints", () => new ReprintsByArticleLoader(Reader));

    public RelationsByKeyLoader Relations => Get("relations", () => new RelationsByKeyLoader(Reader));

    public BatchLoader<string, Page<RelationRecord>> RelationPages(RelationGrouping grouping, RelationQuery query, PageRequest page) =>
        Get("relation-pages" + Describe(grouping, query, page), () => new RelationPagesByKeyLoader(Reader, grouping, query, page));

    /// <summary>Pages of relations, or with <paramref name="asOf"/> of the memberships or roles held on that date.</summary>
    public BatchLoader<string, Page<RelationRecord>> RelationPages(RelationGrouping grouping, RelationQuery query, PageRequest page, DateOnly? asOf) =>
        asOf is { } date
            ? Get("held-relation-pages" + Describe(grouping, query, page) + date.ToString("O", System.Globalization.CultureInfo.InvariantCulture), () => new HeldRelationPagesByKeyLoader(Reader, grouping, query, page, date))
            : RelationPages(grouping, query, page);

    public StatusHistoryBySourceLoader StatusHistories => Get("status-histories", () => new StatusHistoryBySourceLoader(Reader));

    public EntityPagesByArticleLoader EntityPages(EntityQuery query, PageRequest page) =>
        Get("entity-pages" + Describe(null, query, page), () => new EntityPagesByArticleLoader(Reader, query, page));

    public ArticlePagesByEntityLoader ArticlePages(ArticleQuery query, PageRequest page) =>
        Get("article-pages" + Describe(null, query, page), () => new ArticlePagesByEntityLoader(Reader, query, page));

    private T Get<T>(string name, Func<T> create)
        where T : class =>
        (T)_loaders.GetOrAdd(name, static (_, factory) => factory(), create);

    private static string Describe(object? grouping, object query, PageRequest page) =>
        JsonSerializer.Serialize(new object?[] { grouping, query, page });
}

/// <summary>
/// The <see cref="ExecutionOptions.UserContext"/> of an operation: carries the scope's
/// <see cref="GraphContext"/>, resolved once, so resolvers do not each ask the DI scope for it
/// (scoped resolution takes the scope's lock, which parallel resolvers contended for).
/// </summary>
internal sealed class OperationUserContext(GraphContext graph) : Dictionary<string, object?>
{
    public GraphContext Graph { get; } = graph;
}

internal static class GraphContextExtensions
{
    /// <summary>The operation's <see cref="GraphContext"/>.</summary>
    public static GraphContext Graph(this IResolveFieldContext context) =>
        context.UserContext is OperationUserContext operation
            ? operation.Graph
            : (context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set"))
                .GetRequiredService<GraphContext>();
}
