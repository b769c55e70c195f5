using System.Globalization;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>
/// A small, honest in-memory implementation of the store port for API tests: the same merging,
/// filters, total orders and keyset cursors the real stores promise, without any I/O. Thread-safe
/// through one lock (tests are small).
/// </summary>
public sealed class InMemoryGraphStore(TimeProvider? time = null) : IGraphStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Dictionary<string, ArticleRecord> _articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityRecord> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelationRecord> _relations = new(StringComparer.Ordinal);

    // article key → entity key → mentions
    private readonly Dictionary<string, Dictionary<string, int>> _mentions = new(StringComparer.Ordinal);

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            int written = 0, unchanged = 0, nodes = 0, relations = 0;
            foreach (ArticleGraph graph in batch)
            {
                ArticleInfo a = graph.Article;
                if (_articles.TryGetValue(a.Key, out ArticleRecord? existing) && existing.Text == a.Text)
                {
                    unchanged++;
                    continue;
                }

                written++;
                RemoveArticle(a.Key);
                _articles[a.Key] = new ArticleRecord(a.Key, a.Title, a.Url, a.Source, a.Dateline, a.Published, a.Language, a.File, a.Text, _time.GetUtcNow());
                var mentions = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (ExtractedEntity e in graph.Entities)
                {
                    mentions[e.Key] = mentions.GetValueOrDefault(e.Key) + e.Mentions;
                    if (_entities.TryGetValue(e.Key, out EntityRecord? old))
                    {
                        _entities[e.Key] = old with
                        {
                            Aliases = Union(old.Aliases, e.Aliases),
                            Titles = Union(old.Titles, e.Titles),
                            Iso = old.Iso ?? e.Iso,
                            Category = old.Category ?? e.Category,
                        };
                    }
                    else
                    {
                        nodes++;
                        _entities[e.Key] = new EntityRecord(e.Key, e.Kind, e.Name, e.Aliases.ToList(), e.Titles.ToList(), e.Iso, e.Category, 0, 0);
                    }
                }

                _mentions[a.Key] = mentions;
                foreach (ExtractedRelation r in graph.Relations)
                {
                    string key = GraphKeys.Relation(r.Type, r.From, r.To, r.Date, r.Status, r.Role);
                    var provenance = new Provenance(a.Key, r.Evidence, r.SentenceIndex);
                    if (_relations.TryGetValue(key, out RelationRecord? old))
                    {
                        _relations[key] = old with
                        {
                            PlaceKey = old.PlaceKey ?? r.PlaceKey,
                            Topic = old.Topic ?? r.Topic,
                            Verb = old.Verb ?? r.Verb,
                            Provenance = old.Provenance.Append(provenance).Distinct()
                                .OrderBy(p => p.ArticleKey, StringComparer.Ordinal).ThenBy(p => p.SentenceIndex).ToList(),
                        };
                    }
                    else
                    {
                        relations++;
                        _relations[key] = new RelationRecord(key, r.Type, r.From, r.To, r.Date, r.PlaceKey, r.Topic, r.Verb, r.Status, r.Role, [provenance]);
                    }
                }
            }

            RecountMentions();
            return Task.FromResult(new UpsertResult(written, unchanged, nodes, relations));
        }
    }

    public Task<IReadOnlyList<EntityRecord>> GetEntitiesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<EntityRecord>>(keys.Distinct().Where(_entities.ContainsKey).Select(k => _entities[k]).ToList());
        }
    }

    public Task<IReadOnlyList<ArticleRecord>> GetArticlesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ArticleRecord>>(keys.Distinct().Where(_articles.ContainsKey).Select(k => _articles[k]).ToList());
        }
    }

    public Task<IReadOnlyList<RelationRecord>> GetRelationsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RelationRecord>>(keys.Distinct().Where(_relations.ContainsKey).Select(k => _relations[k]).ToList());
        }
    }

    public Task<Page<EntityRecord>> FindEntitiesAsync(EntityQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(PageEntities(_entities.Values.Where(e => Matches(e, query)), query, page));
        }
    }

    public Task<Page<ArticleRecord>> FindArticlesAsync(ArticleQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(PageArticles(_articles.Values.Where(a => Matches(a, query)), query, page));
        }
    }

    public Task<Page<RelationRecord>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(PageRelations(_relations.Values.Where(r => Matches(r, query)), query, page));
        }
    }

    public Task<IReadOnlyDictionary<string, Page<RelationRecord>>> FindRelationsForAsync(
        IReadOnlyCollection<string> keys, RelationGrouping grouping, RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var result = new Dictionary<string, Page<RelationRecord>>(StringComparer.Ordinal);
            foreach (string key in keys.Distinct())
            {
                IEnumerable<RelationRecord> attached = _relations.Values.Where(r => grouping switch
                {
                    RelationGrouping.ByEndpoint => r.From == key || r.To == key,
                    RelationGrouping.BySource => r.From == key,
                    RelationGrouping.ByTarget => r.To == key,
                    RelationGrouping.ByArticle => r.Provenance.Any(p => p.ArticleKey == key),
                    _ => false,
                });
                result[key] = PageRelations(attached.Where(r => Matches(r, query)), query, page);
            }

            return Task.FromResult<IReadOnlyDictionary<string, Page<RelationRecord>>>(result);
        }
    }

    public Task<IReadOnlyDictionary<string, Page<EntityRecord>>> FindEntitiesInArticlesAsync(
        IReadOnlyCollection<string> articleKeys, EntityQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var result = new Dictionary<string, Page<EntityRecord>>(StringComparer.Ordinal);
            foreach (string key in articleKeys.Distinct())
            {
                IEnumerable<EntityRecord> mentioned = _mentions.TryGetValue(key, out Dictionary<string, int>? m)
                    ? m.Keys.Where(_entities.ContainsKey).Select(k => _entities[k])
                    : [];
                result[key] = PageEntities(mentioned.Where(e => Matches(e, query)), query, page);
            }

            return Task.FromResult<IReadOnlyDictionary<string, Page<EntityRecord>>>(result);
        }
    }

    public Task<IReadOnlyDictionary<string, Page<ArticleRecord>>> FindArticlesMentioningAsync(
        IReadOnlyCollection<string> entityKeys, ArticleQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var result = new Dictionary<string, Page<ArticleRecord>>(StringComparer.Ordinal);
            foreach (string key in entityKeys.Distinct())
            {
                IEnumerable<ArticleRecord> articles = _articles.Values.Where(a => ArticleMentions(a.Key, key));
                result[key] = PageArticles(articles.Where(a => Matches(a, query)), query, page);
            }

            return Task.FromResult<IReadOnlyDictionary<string, Page<ArticleRecord>>>(result);
        }
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int first, CancellationToken cancellationToken)
    {
        string needle = ArabicText.Normalize(text);
        lock (_gate)
        {
            List<SearchHit> hits = _entities.Values
                .Where(e => kinds is null || kinds.Contains(e.Kind))
                .Select(e => new SearchHit(e.Key, e.Kind, Score(e, needle)))
                .Where(h => h.Score > 0)
                .OrderByDescending(h => h.Score)
                .ThenBy(h => h.Key, StringComparer.Ordinal)
                .Take(first)
                .ToList();
            return Task.FromResult<IReadOnlyList<SearchHit>>(hits);
        }
    }

    public Task<GraphPath?> ShortestPathAsync(string fromKey, string toKey, int maxHops, IReadOnlyCollection<RelationType>? types, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_entities.ContainsKey(fromKey) || !_entities.ContainsKey(toKey))
            {
                return Task.FromResult<GraphPath?>(null);
            }

            var previous = new Dictionary<string, (string Node, RelationRecord Via)>(StringComparer.Ordinal);
            var visited = new HashSet<string>(StringComparer.Ordinal) { fromKey };
            var frontier = new List<string> { fromKey };
            for (int hop = 0; hop < maxHops && frontier.Count > 0 && !visited.Contains(toKey); hop++)
            {
                var next = new List<string>();
                foreach (string node in frontier)
                {
                    foreach (RelationRecord r in _relations.Values
                        .Where(r => (r.From == node || r.To == node) && (types is null || types.Contains(r.Type)))
                        .OrderBy(r => r.Key, StringComparer.Ordinal))
                    {
                        string other = r.From == node ? r.To : r.From;
                        if (visited.Add(other))
                        {
                            previous[other] = (node, r);
                            next.Add(other);
                        }
                    }
                }

                frontier = next;
            }

            if (!visited.Contains(toKey))
            {
                return Task.FromResult<GraphPath?>(null);
            }

            var nodes = new List<string> { toKey };
            var relations = new List<RelationRecord>();
            for (string at = toKey; at != fromKey; at = previous[at].Node)
            {
                relations.Add(previous[at].Via);
                nodes.Add(previous[at].Node);
            }

            nodes.Reverse();
            relations.Reverse();
            return Task.FromResult<GraphPath?>(new GraphPath(nodes, relations));
        }
    }

    public Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(new GraphStats(
                _articles.Count,
                _entities.Values.GroupBy(e => e.Kind).OrderBy(g => g.Key).Select(g => new KindCount(g.Key, g.Count())).ToList(),
                _relations.Values.GroupBy(r => r.Type).OrderBy(g => g.Key).Select(g => new TypeCount(g.Key, g.Count())).ToList()));
        }
    }

    public Task<IReadOnlyList<TimelineBucket>> GetTimelineAsync(RelationType? type, TimeInterval interval, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IEnumerable<DateOnly> dates = type is { } t
                ? _relations.Values.Where(r => r.Type == t).Select(r => r.Date ?? r.Provenance.Select(p => _articles.GetValueOrDefault(p.ArticleKey)?.Published).Min()).OfType<DateOnly>()
                : _articles.Values.Select(a => a.Published).OfType<DateOnly>();
            List<TimelineBucket> buckets = dates
                .Where(d => (from is null || d >= from) && (to is null || d <= to))
                .GroupBy(d => Bucket(d, interval))
                .OrderBy(g => g.Key)
                .Select(g => new TimelineBucket(g.Key, g.Count()))
                .ToList();
            return Task.FromResult<IReadOnlyList<TimelineBucket>>(buckets);
        }
    }

    public Task<IReadOnlyList<RankedEntity>> GetTopEntitiesAsync(NodeKind? kind, EntityRanking by, int first, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            List<RankedEntity> ranked = _entities.Values
                .Where(e => kind is null || e.Kind == kind)
                .Select(e => new RankedEntity(e.Key, by switch
                {
                    EntityRanking.Mentions => e.MentionCount,
                    EntityRanking.Meetings => _relations.Values.Count(r => r.Type == RelationType.Met && (r.From == e.Key || r.To == e.Key)),
                    EntityRanking.Statements => _relations.Values.Count(r => r.Type == RelationType.Stated && r.From == e.Key),
                    _ => _relations.Values.Count(r => r.From == e.Key || r.To == e.Key),
                }))
                .Where(r => r.Value > 0)
                .OrderByDescending(r => r.Value)
                .ThenBy(r => r.Key, StringComparer.Ordinal)
                .Take(first)
                .ToList();
            return Task.FromResult<IReadOnlyList<RankedEntity>>(ranked);
        }
    }

    public Task<IReadOnlyList<RankedEntity>> GetCoMentionedAsync(string entityKey, NodeKind? kind, int first, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            List<RankedEntity> ranked = _mentions.Values
                .Where(m => m.ContainsKey(entityKey))
                .SelectMany(m => m.Keys)
                .Where(k => k != entityKey && _entities.TryGetValue(k, out EntityRecord? e) && (kind is null || e.Kind == kind))
                .GroupBy(k => k, StringComparer.Ordinal)
                .Select(g => new RankedEntity(g.Key, g.Count()))
                .OrderByDescending(r => r.Value)
                .ThenBy(r => r.Key, StringComparer.Ordinal)
                .Take(first)
                .ToList();
            return Task.FromResult<IReadOnlyList<RankedEntity>>(ranked);
        }
    }

    private void RemoveArticle(string articleKey)
    {
        _mentions.Remove(articleKey);
        foreach (RelationRecord r in _relations.Values.ToList())
        {
            List<Provenance> kept = r.Provenance.Where(p => p.ArticleKey != articleKey).ToList();
            if (kept.Count == 0)
            {
                _relations.Remove(r.Key);
            }
            else if (kept.Count != r.Provenance.Count)
            {
                _relations[r.Key] = r with { Provenance = kept };
            }
        }
    }

    private void RecountMentions()
    {
        foreach (EntityRecord e in _entities.Values.ToList())
        {
            int mentions = _mentions.Values.Sum(m => m.GetValueOrDefault(e.Key));
            int articles = _mentions.Values.Count(m => m.ContainsKey(e.Key));
            _entities[e.Key] = e with { MentionCount = mentions, ArticleCount = articles };
        }
    }

    private bool ArticleMentions(string articleKey, string entityKey) =>
        (_mentions.TryGetValue(articleKey, out Dictionary<string, int>? m) && m.ContainsKey(entityKey))
        || _relations.Values.Any(r => (r.From == entityKey || r.To == entityKey) && r.Provenance.Any(p => p.ArticleKey == articleKey));

    private static List<string> Union(IReadOnlyList<string> a, IReadOnlyList<string> b) => a.Concat(b).Distinct(StringComparer.Ordinal).ToList();

    private static double Score(EntityRecord e, string needle)
    {
        if (needle.Length == 0)
        {
            return 0;
        }

        IEnumerable<string> names = e.Aliases.Prepend(e.Name).Select(ArabicText.Normalize);
        return names.Max(n => n == needle ? 3 : n.StartsWith(needle, StringComparison.Ordinal) ? 2 : n.Contains(needle, StringComparison.Ordinal) ? 1 : 0);
    }

    private bool Matches(EntityRecord e, EntityQuery q) =>
        (q.Kinds is null || q.Kinds.Contains(e.Kind))
        && (q.Keys is null || q.Keys.Contains(e.Key))
        && (q.NameContains is null || e.Aliases.Prepend(e.Name).Any(n => ArabicText.Normalize(n).Contains(q.NameContains, StringComparison.Ordinal)))
        && (q.Iso is null || e.Iso == q.Iso)
        && (q.Category is null || e.Category == q.Category)
        && (q.Source is null && q.MentionedFrom is null && q.MentionedTo is null || _mentions.Any(m => m.Value.ContainsKey(e.Key)
            && _articles.TryGetValue(m.Key, out ArticleRecord? a)
            && (q.Source is null || a.Source == q.Source)
            && (q.MentionedFrom is null || a.Published >= q.MentionedFrom)
            && (q.MentionedTo is null || a.Published <= q.MentionedTo)))
        && (q.Relations is null || q.Relations.All(c => c.Exists == _relations.Values.Any(r => r.Type == c.Type && (r.From == e.Key || r.To == e.Key)
            && (c.CounterpartKey is null || (r.From == e.Key ? r.To : r.From) == c.CounterpartKey)
            && (c.PlaceKey is null || r.PlaceKey == c.PlaceKey)
            && (c.Status is null || r.Status == c.Status)
            && (c.TextContains is null || RelationText(r).Contains(c.TextContains, StringComparison.Ordinal)))));

    private bool Matches(RelationRecord r, RelationQuery q) =>
        (q.Types is null || q.Types.Contains(r.Type))
        && (q.Keys is null || q.Keys.Contains(r.Key))
        && (q.FromKey is null || r.From == q.FromKey)
        && (q.ToKey is null || r.To == q.ToKey)
        && (q.InvolvingKey is null || r.From == q.InvolvingKey || r.To == q.InvolvingKey)
        && (q.PlaceKey is null || r.PlaceKey == q.PlaceKey)
        && (q.Status is null || r.Status == q.Status)
        && (q.TextContains is null || RelationText(r).Contains(q.TextContains, StringComparison.Ordinal))
        && (q.Verb is null || r.Verb == q.Verb)
        && (q.DateFrom is null || r.Date >= q.DateFrom)
        && (q.DateTo is null || r.Date <= q.DateTo)
        && (q.ArticleKey is null || r.Provenance.Any(p => p.ArticleKey == q.ArticleKey))
        && (q.Source is null || r.Provenance.Any(p => _articles.GetValueOrDefault(p.ArticleKey)?.Source == q.Source));

    private bool Matches(ArticleRecord a, ArticleQuery q) =>
        (q.Keys is null || q.Keys.Contains(a.Key))
        && (q.Source is null || a.Source == q.Source)
        && (q.TextContains is null || ArabicText.Normalize(a.Title + " " + a.Text).Contains(q.TextContains, StringComparison.Ordinal))
        && (q.PublishedFrom is null || a.Published >= q.PublishedFrom)
        && (q.PublishedTo is null || a.Published <= q.PublishedTo)
        && (q.MentionsKey is null || ArticleMentions(a.Key, q.MentionsKey));

    private string RelationText(RelationRecord r) =>
        ArabicText.Normalize(r.Type == RelationType.Stated ? _entities.GetValueOrDefault(r.To)?.Name : r.Topic);

    private static Page<EntityRecord> PageEntities(IEnumerable<EntityRecord> items, EntityQuery q, PageRequest page) =>
        Paginate(items, e => q.OrderBy switch
        {
            EntityOrderField.Mentions => Number(e.MentionCount),
            EntityOrderField.Articles => Number(e.ArticleCount),
            _ => ArabicText.Normalize(e.Name),
        }, e => e.Key, q.Direction, page);

    private static Page<ArticleRecord> PageArticles(IEnumerable<ArticleRecord> items, ArticleQuery q, PageRequest page) =>
        Paginate(items, a => q.OrderBy == ArticleOrderField.Title ? ArabicText.Normalize(a.Title) : a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, a => a.Key, q.Direction, page);

    private static Page<RelationRecord> PageRelations(IEnumerable<RelationRecord> items, RelationQuery q, PageRequest page) =>
        Paginate(items, r => q.OrderBy == RelationOrderField.Articles
            ? Number(r.Provenance.Select(p => p.ArticleKey).Distinct().Count())
            : r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, r => r.Key, q.Direction, page);

    private static string Number(long n) => n.ToString("D20", CultureInfo.InvariantCulture);

    /// <summary>Keyset paging over (sort value, key); descending reverses both.</summary>
    private static Page<T> Paginate<T>(IEnumerable<T> items, Func<T, string> sort, Func<T, string> key, SortDirection direction, PageRequest page)
    {
        int sign = direction == SortDirection.Descending ? -1 : 1;
        int Compare((string S, string K) a, (string S, string K) b)
        {
            int c = string.CompareOrdinal(a.S, b.S);
            return sign * (c != 0 ? c : string.CompareOrdinal(a.K, b.K));
        }

        List<(T Item, string S, string K)> all = items.Select(i => (i, sort(i), key(i))).ToList();
        all.Sort((a, b) => Compare((a.S, a.K), (b.S, b.K)));
        int start = 0, end = all.Count;
        if (page.After is { } after)
        {
            (string s, string k) = Cursor.Decode(after);
            start = all.FindIndex(x => Compare((x.S, x.K), (s, k)) > 0) is var i and >= 0 ? i : all.Count;
        }

        if (page.Before is { } before)
        {
            (string s, string k) = Cursor.Decode(before);
            int i = all.FindIndex(x => Compare((x.S, x.K), (s, k)) >= 0);
            end = Math.Max(start, i >= 0 ? i : all.Count);
        }

        int from = page.IsBackward ? Math.Max(start, end - page.Size) : start;
        int to = page.IsBackward ? end : Math.Min(end, start + page.Size);
        List<PageItem<T>> slice = all.Skip(from).Take(to - from).Select(x => new PageItem<T>(x.Item, Cursor.Encode(x.S, x.K))).ToList();
        return new Page<T>(slice, HasNextPage: to < all.Count, HasPreviousPage: from > 0, page.IncludeTotal ? all.Count : null);
    }

    private static DateOnly Bucket(DateOnly d, TimeInterval interval) => interval switch
    {
        TimeInterval.Day => d,
        TimeInterval.Week => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)),
        _ => new DateOnly(d.Year, d.Month, 1),
    };
}
