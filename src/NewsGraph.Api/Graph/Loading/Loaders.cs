using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Loading;

/// <summary>Entities and claims by key (<see cref="IGraphReader.GetEntitiesAsync"/>).</summary>
internal sealed class EntitiesByKeyLoader(IGraphReader reader) : BatchLoader<string, EntityRecord>
{
    protected override async Task<IReadOnlyDictionary<string, EntityRecord>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        IReadOnlyList<EntityRecord> found = await reader.GetEntitiesAsync(keys, cancellationToken).ConfigureAwait(false);
        return found.ToDictionary(e => e.Key, StringComparer.Ordinal);
    }
}

/// <summary>Articles by key (<see cref="IGraphReader.GetArticlesAsync"/>).</summary>
internal sealed class ArticlesByKeyLoader(IGraphReader reader) : BatchLoader<string, ArticleRecord>
{
    protected override async Task<IReadOnlyDictionary<string, ArticleRecord>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        IReadOnlyList<ArticleRecord> found = await reader.GetArticlesAsync(keys, cancellationToken).ConfigureAwait(false);
        return found.ToDictionary(a => a.Key, StringComparer.Ordinal);
    }
}

/// <summary>Relations by key (<see cref="IGraphReader.GetRelationsAsync"/>).</summary>
internal sealed class RelationsByKeyLoader(IGraphReader reader) : BatchLoader<string, RelationRecord>
{
    protected override async Task<IReadOnlyDictionary<string, RelationRecord>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        IReadOnlyList<RelationRecord> found = await reader.GetRelationsAsync(keys, cancellationToken).ConfigureAwait(false);
        return found.ToDictionary(r => r.Key, StringComparer.Ordinal);
    }
}

/// <summary>
/// For each entity (or article) key, a page of its relations (<see cref="IGraphReader.FindRelationsForAsync"/>).
/// One instance per distinct grouping, filter and page, so a level with the same arguments is one call.
/// </summary>
internal sealed class RelationPagesByKeyLoader(IGraphReader reader, RelationGrouping grouping, RelationQuery query, PageRequest page)
    : BatchLoader<string, Page<RelationRecord>>
{
    protected override Task<IReadOnlyDictionary<string, Page<RelationRecord>>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        reader.FindRelationsForAsync(keys, grouping, query, page, cancellationToken);

    protected override Page<RelationRecord>? Missing(string key) => Page<RelationRecord>.Empty;
}

/// <summary>For each article key, a page of the entities it mentions (<see cref="IGraphReader.FindEntitiesInArticlesAsync"/>).</summary>
internal sealed class EntityPagesByArticleLoader(IGraphReader reader, EntityQuery query, PageRequest page)
    : BatchLoader<string, Page<EntityRecord>>
{
    protected override Task<IReadOnlyDictionary<string, Page<EntityRecord>>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        reader.FindEntitiesInArticlesAsync(keys, query, page, cancellationToken);

    protected override Page<EntityRecord>? Missing(string key) => Page<EntityRecord>.Empty;
}

/// <summary>For each entity key, a page of the articles that mention it (<see cref="IGraphReader.FindArticlesMentioningAsync"/>).</summary>
internal sealed class ArticlePagesByEntityLoader(IGraphReader reader, ArticleQuery query, PageRequest page)
    : BatchLoader<string, Page<ArticleRecord>>
{
    protected override Task<IReadOnlyDictionary<string, Page<ArticleRecord>>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        reader.FindArticlesMentioningAsync(keys, query, page, cancellationToken);

    protected override Page<ArticleRecord>? Missing(string key) => Page<ArticleRecord>.Empty;
}

/// <summary>
/// For each key, a page of its memberships or roles held as of a date: one read of every status edge
/// of the level's keys, then one page read restricted to the held ones (<see cref="StatusReads"/>).
/// </summary>
internal sealed class HeldRelationPagesByKeyLoader(IGraphReader reader, RelationGrouping grouping, RelationQuery query, PageRequest page, DateOnly asOf)
    : BatchLoader<string, Page<RelationRecord>>
{
    protected override async Task<IReadOnlyDictionary<string, Page<RelationRecord>>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        RelationQuery held = await StatusReads.HeldAsOfForAsync(reader, keys, grouping, query, asOf, cancellationToken).ConfigureAwait(false);
        return await reader.FindRelationsForAsync(keys, grouping, held, page, cancellationToken).ConfigureAwait(false);
    }

    protected override Page<RelationRecord>? Missing(string key) => Page<RelationRecord>.Empty;
}

/// <summary>
/// The status history (<see cref="StatusHistory"/>) of every membership and role of a state or person
/// (the source of a MEMBER_OF or HOLDS_ROLE edge): one read for a whole level of relations.
/// </summary>
internal sealed class StatusHistoryBySourceLoader(IGraphReader reader) : BatchLoader<string, StatusHistory>
{
    protected override async Task<IReadOnlyDictionary<string, StatusHistory>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        IReadOnlyList<RelationRecord> all = await StatusReads.AllForAsync(reader, keys, RelationGrouping.BySource, StatusHistory.Types, cancellationToken).ConfigureAwait(false);
        StatusHistory history = StatusHistory.Of(all);
        return keys.ToDictionary(k => k, _ => history, StringComparer.Ordinal);
    }
}

/// <summary>An article's place among copies of its story: the original it reprints, or the reprints of it (earliest stored first).</summary>
internal sealed record ArticleReprints(string? OriginalKey, IReadOnlyList<string> ReprintKeys)
{
    public static ArticleReprints None { get; } = new(null, []);
}

/// <summary>For each article key, its reprint links (<see cref="IGraphReader.GetReprintLinksAsync"/>): one call for a whole level.</summary>
internal sealed class ReprintsByArticleLoader(IGraphReader reader) : BatchLoader<string, ArticleReprints>
{
    protected override async Task<IReadOnlyDictionary<string, ArticleReprints>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        IReadOnlyList<ReprintLink> links = await reader.GetReprintLinksAsync(keys, cancellationToken).ConfigureAwait(false);
        return keys.ToDictionary(
            key => key,
            key => new ArticleReprints(
                links.FirstOrDefault(l => l.ReprintKey == key)?.OriginalKey,
                [.. links.Where(l => l.OriginalKey == key).Select(l => l.ReprintKey)]),
            StringComparer.Ordinal);
    }

    protected override ArticleReprints? Missing(string key) => ArticleReprints.None;
}
