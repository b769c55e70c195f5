using System.Text.Json;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// The entity side of <see cref="Neo4jContributionMerge"/>: the changed articles' stored MENTIONS
/// (their old contributions: their own rows) are taken out of each entity's tally and their new ones
/// added (<see cref="Neo4jEntityTally"/>), so a batch reads the nodes it touches and its own
/// articles' MENTIONS, never a hub's other MENTIONS. All of an entity's MENTIONS are read only for a
/// node written before tallies were kept, or when the article that chose its name, iso or category
/// leaves for good.
/// </summary>
internal sealed class Neo4jEntityMerge(Neo4jContributionMerge.Reader reader, string[] changedKeys)
{
    private readonly Dictionary<string, EntityState> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ExtractedEntity>> _newMentions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeKind> _kinds = new(StringComparer.Ordinal);

    /// <summary>The changed articles' new MENTIONS (merged within the article), by article.</summary>
    public void Contribute(string articleKey, List<ExtractedEntity> mentions) => _newMentions[articleKey] = mentions;

    /// <summary>Every entity touched, before (stored MENTIONS) or after (new ones).</summary>
    public IEnumerable<string> TouchedKeys => _entities.Keys;

    /// <summary>The entities the new contributions name, in key order: their tallies can be read before the stored MENTIONS are.</summary>
    public string[] NewKeys => [.. _newMentions.Values.SelectMany(m => m).Select(m => m.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Takes the changed articles' stored MENTIONS (rows of <see cref="CypherStatements.SelectArticleMentions"/>)
    /// and the tallies already read, reads the touched nodes' other tallies, and applies the change:
    /// old contributions out, new ones in; reads all MENTIONS only of the entities that need them.
    /// </summary>
    public async Task ReadAndApplyAsync(IReadOnlyList<JsonElement> storedMentions, TalliesRead read, CancellationToken cancellationToken)
    {
        foreach (JsonElement row in storedMentions)
        {
            State(row[1].GetString()!).Removed[row[0].GetString()!] = Mention(row[1].GetString()!, row, 2);
        }

        foreach ((string article, List<ExtractedEntity> mentions) in _newMentions)
        {
            foreach (ExtractedEntity mention in mentions)
            {
                State(mention.Key).Added[article] = mention;
            }
        }

        var alreadyRead = new HashSet<string>(read.Keys, StringComparer.Ordinal);
        string[] keys = [.. _entities.Keys.Where(k => !alreadyRead.Contains(k)).Order(StringComparer.Ordinal)];
        foreach (JsonElement row in read.Rows.Concat(await reader.ReadAsync(CypherStatements.SelectEntityTallies, "keys", keys, cancellationToken)))
        {
            EntityState state = _entities[row[0].GetString()!];
            state.StoredKind = GraphNames.ParseKind(row[1].GetString()!);
            state.Tally = Neo4jEntityTally.Stored(
                state.StoredKind.Value, row[2].GetString() ?? string.Empty, row[3].String(), row[4].Strings(), Longs(row[5]), row[6].Strings(), Longs(row[7]),
                row[8].String(), row[9].String(), row[10].String(), row[11].String(), row[12].Long(), row[13].Long());
        }

        foreach (EntityState state in _entities.Values)
        {
            state.Apply();
        }

        await RecomputeFromAllContributionsAsync(cancellationToken);
    }

    /// <summary>The stored label of an entity touched by the batch (null when it is new).</summary>
    public NodeKind? StoredKind(string entityKey) => _entities.GetValueOrDefault(entityKey)?.StoredKind;

    /// <summary>The label an entity has once the write is done (for the relationships written to it).</summary>
    public NodeKind Kind(string entityKey) => _kinds[entityKey];

    public int Created => _entities.Values.Count(e => e.StoredKind is null && e.Tally!.ArticleCount > 0);

    public int Deleted => _entities.Values.Count(e => e.StoredKind is not null && e.Tally!.ArticleCount <= 0);

    /// <summary>Relabels, merged values with their tallies, and the changed articles' new MENTIONS.</summary>
    public void Write(List<CypherStatement> statements)
    {
        var upserts = new Dictionary<(NodeKind, bool), List<Dictionary<string, object?>>>();
        var relabels = new Dictionary<(NodeKind, NodeKind), List<string>>();
        foreach ((string key, EntityState state) in _entities.OrderBy(p => p.Key, StringComparer.Ordinal).Where(p => p.Value.Tally!.ArticleCount > 0))
        {
            Neo4jEntityTally tally = state.Tally!;
            _kinds[key] = tally.Kind;
            if (state.StoredKind is { } stored && stored != tally.Kind)
            {
                Neo4jContributionMerge.Group(relabels, (stored, tally.Kind)).Add(key);
            }

            Neo4jContributionMerge.Group(upserts, (tally.Kind, state.StoredKind is not null)).Add(new() { ["key"] = key, ["props"] = Neo4jMergedValues.EntityProps(tally) });
        }

        foreach (((NodeKind from, NodeKind to), List<string> keys) in relabels)
        {
            statements.AddRange(reader.Chunked(CypherStatements.RelabelEntities(from, to), "keys", keys));
        }

        foreach (((NodeKind kind, bool stored), List<Dictionary<string, object?>> rows) in upserts)
        {
            statements.AddRange(reader.Chunked(stored ? CypherStatements.UpsertEntities(kind) : CypherStatements.CreateEntities(kind), "rows", rows));
        }

        var mentionRows = new Dictionary<NodeKind, List<Dictionary<string, object?>>>();
        foreach ((string article, List<ExtractedEntity> mentions) in _newMentions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (ExtractedEntity mention in mentions)
            {
                Neo4jContributionMerge.Group(mentionRows, _kinds[mention.Key]).Add(new() { ["article"] = article, ["entity"] = mention.Key, ["props"] = Neo4jMergedValues.MentionProps(mention) });
            }
        }

        foreach ((NodeKind kind, List<Dictionary<string, object?>> rows) in mentionRows)
        {
            statements.AddRange(reader.Chunked(CypherStatements.CreateMentions(kind), "rows", rows));
        }
    }

    /// <summary>Deletes the stored entities left with no contribution (after the relationships to them are written or deleted).</summary>
    public void WriteDeletions(List<CypherStatement> statements)
    {
        foreach (IGrouping<NodeKind, string> dead in _entities
                     .Where(p => p.Value.Tally!.ArticleCount <= 0 && p.Value.StoredKind is not null)
                     .OrderBy(p => p.Key, StringComparer.Ordinal)
                     .GroupBy(p => p.Value.StoredKind!.Value, p => p.Key))
        {
            statements.AddRange(reader.Chunked(CypherStatements.DeleteEntities(dead.Key), "keys", [.. dead]));
        }
    }

    /// <summary>
    /// The entities whose tally cannot be brought forward (written by an older build, or whose naming
    /// article left) are recomputed from every stored MENTIONS but the changed articles', plus the new ones.
    /// </summary>
    private async Task RecomputeFromAllContributionsAsync(CancellationToken cancellationToken)
    {
        string[] keys = [.. _entities.Where(p => p.Value.Tally is null).Select(p => p.Key).Order(StringComparer.Ordinal)];
        var stored = keys.ToDictionary(k => k, _ => new Dictionary<string, ExtractedEntity>(StringComparer.Ordinal), StringComparer.Ordinal);
        var changed = new HashSet<string>(changedKeys, StringComparer.Ordinal);
        foreach (JsonElement row in await reader.ReadAsync(CypherStatements.SelectEntityContributions, "keys", keys, cancellationToken))
        {
            string key = row[0].GetString()!;
            if (row[2].String() is { } article && !changed.Contains(article))
            {
                stored[key][article] = Mention(key, row, 3);
            }
        }

        foreach ((string key, Dictionary<string, ExtractedEntity> contributions) in stored)
        {
            EntityState state = _entities[key];
            state.Tally = Neo4jEntityTally.FromContributions(contributions.Concat(state.Added));
        }
    }

    /// <summary>A MENTIONS row's contribution, its columns from <paramref name="first"/> on: kind, name, aliases, titles, iso, category, count.</summary>
    private static ExtractedEntity Mention(string key, JsonElement row, int first) => new(
        key, GraphNames.ParseKind(row[first].GetString()!), row[first + 1].GetString() ?? string.Empty, row[first + 2].Strings(), row[first + 3].Strings(),
        row[first + 4].String(), row[first + 5].String(), (int)row[first + 6].Long());

    private static List<long> Longs(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? [.. element.EnumerateArray().Select(e => e.GetInt64())] : [];

    private EntityState State(string key)
    {
        if (!_entities.TryGetValue(key, out EntityState? state))
        {
            _entities[key] = state = new EntityState();
        }

        return state;
    }

    /// <summary>Rows of <see cref="CypherStatements.SelectEntityTallies"/> for <paramref name="Keys"/> (the stored ones among them).</summary>
    public sealed record TalliesRead(IReadOnlyCollection<string> Keys, IReadOnlyList<JsonElement> Rows);

    private sealed class EntityState
    {
        public NodeKind? StoredKind { get; set; }

        /// <summary>The stored tally, then the one after the change; null while it needs every contribution.</summary>
        public Neo4jEntityTally? Tally { get; set; }

        public Dictionary<string, ExtractedEntity> Removed { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ExtractedEntity> Added { get; } = new(StringComparer.Ordinal);

        /// <summary>Old contributions out, new ones in; the tally is dropped (null) when it cannot say the result.</summary>
        public void Apply()
        {
            if (StoredKind is null)
            {
                Tally = Neo4jEntityTally.FromContributions(Added);
                return;
            }

            if (Tally is null)
            {
                return;
            }

            foreach ((string article, ExtractedEntity mention) in Removed)
            {
                Tally.Subtract(article, mention);
            }

            foreach ((string article, ExtractedEntity mention) in Added.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Tally.Add(article, mention);
            }

            if (Tally.ArticleCount > 0 && Tally.NeedsAllContributions)
            {
                Tally = null;
            }
        }
    }
}
