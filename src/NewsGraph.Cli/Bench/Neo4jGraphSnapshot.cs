using System.Text.Json;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Cli.Bench;

/// <summary>
/// The graph our ingest left, read back whole (every node's and relationship's properties), for the
/// second baseline of <see cref="Neo4jIngestBenchmark"/>: the same data created blindly with
/// <c>UNWIND … CREATE … SET x = r.props</c>, in the same batches. The first baseline creates the same
/// elements with only a few properties (a third of our bytes); this one writes exactly what ours
/// leaves, so the two together bound what our reads and merging cost.
/// </summary>
internal sealed class Neo4jGraphSnapshot
{
    private readonly Dictionary<string, (string Label, JsonElement Props)> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonElement>> _bands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Entity, JsonElement Props)>> _mentions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Type, string From, string To, JsonElement Props)> _relations = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads the graph. The labels and types it holds are the store's own (<see cref="GraphNames"/>), and
    /// <see cref="CreateAsync"/> splices them back into its statements, as labels cannot be parameters.
    /// </summary>
    public static async Task<Neo4jGraphSnapshot> ReadAsync(INeo4jTransport transport, CancellationToken cancellationToken)
    {
        IReadOnlyList<CypherResult> results = await transport.RunAsync(
        [
            new CypherStatement($"MATCH (n) WHERE n.key IS NOT NULL AND NOT n:{GraphNames.ArticleBand} RETURN n.key, labels(n)[0], properties(n)"),
            new CypherStatement($"MATCH (b:{GraphNames.ArticleBand}) RETURN b.article, properties(b)"),
            new CypherStatement($"MATCH (a)-[m:{GraphNames.Mentions}]->(e) RETURN a.key, e.key, properties(m)"),
            new CypherStatement($"MATCH (f)-[r]->(t) WHERE type(r) <> '{GraphNames.Mentions}' RETURN r.key, type(r), f.key, t.key, properties(r)"),
        ], Neo4jAccessMode.Read, cancellationToken);
        var snapshot = new Neo4jGraphSnapshot();
        foreach (JsonElement row in results[0].Rows)
        {
            snapshot._nodes[row[0].GetString()!] = (row[1].GetString()!, row[2]);
        }

        foreach (JsonElement row in results[1].Rows)
        {
            List(snapshot._bands, row[0].GetString()!).Add(row[1]);
        }

        foreach (JsonElement row in results[2].Rows)
        {
            List(snapshot._mentions, row[0].GetString()!).Add((row[1].GetString()!, row[2]));
        }

        foreach (JsonElement row in results[3].Rows)
        {
            snapshot._relations[row[0].GetString()!] = (row[1].GetString()!, row[2].GetString()!, row[3].GetString()!, row[4]);
        }

        return snapshot;
    }

    /// <summary>
    /// Per batch of articles, one transaction: its articles, the entities first seen in it, its band
    /// nodes, its MENTIONS, and the relations first asserted in it, each with the properties ours left.
    /// </summary>
    public async Task<(long Nodes, long Relationships)> CreateAsync(
        INeo4jTransport transport, IReadOnlyList<ArticleGraph> batch, int articlesPerBatch, int rowsPerStatement, CancellationToken cancellationToken)
    {
        var created = new HashSet<string>(StringComparer.Ordinal);
        long nodes = 0;
        long relationships = 0;
        foreach (ArticleGraph[] chunk in batch.Chunk(articlesPerBatch))
        {
            var statements = new List<CypherStatement>();
            void Add(string text, IEnumerable<Dictionary<string, object?>> rows) => statements.AddChunked(text, rows, rowsPerStatement);

            string[] articles = [.. chunk.Select(g => g.Article.Key).Distinct(StringComparer.Ordinal).Where(created.Add)];
            string[] entities = [.. articles.SelectMany(a => _mentions.GetValueOrDefault(a) ?? []).Select(m => m.Entity).Distinct(StringComparer.Ordinal).Where(created.Add)];
            foreach (IGrouping<string, string> label in articles.Concat(entities).GroupBy(k => _nodes[k].Label))
            {
                Add($"UNWIND $rows AS r CREATE (n:{label.Key}) SET n = r.props", label.Select(k => Row(("props", _nodes[k].Props))));
            }

            List<JsonElement> bands = [.. articles.SelectMany(a => _bands.GetValueOrDefault(a) ?? [])];
            Add($"UNWIND $rows AS r CREATE (b:{GraphNames.ArticleBand}) SET b = r.props", bands.Select(b => Row(("props", b))));
            nodes += articles.Length + entities.Length + bands.Count;

            var mentions = articles.SelectMany(a => (_mentions.GetValueOrDefault(a) ?? []).Select(m => (Article: a, m.Entity, m.Props))).ToList();
            foreach (IGrouping<string, (string Article, string Entity, JsonElement Props)> label in mentions.GroupBy(m => _nodes[m.Entity].Label))
            {
                Add($"UNWIND $rows AS r WITH r, r.from AS fromKey, r.to AS toKey MATCH (a:{GraphNames.Label(NodeKind.Article)} {{key: fromKey}}) MATCH (e:{label.Key} {{key: toKey}}) CREATE (a)-[m:{GraphNames.Mentions}]->(e) SET m = r.props",
                    label.Select(m => Row(("from", m.Article), ("to", m.Entity), ("props", m.Props))));
            }

            string[] relationKeys = [.. chunk.SelectMany(g => g.Relations).Select(ArticleGraphUpsert.RelationKey).Distinct(StringComparer.Ordinal).Where(k => _relations.ContainsKey(k) && created.Add(k))];
            foreach (IGrouping<(string, string, string), string> group in relationKeys.GroupBy(k => (_relations[k].Type, _nodes[_relations[k].From].Label, _nodes[_relations[k].To].Label)))
            {
                (string type, string from, string to) = group.Key;
                Add($"UNWIND $rows AS r WITH r, r.from AS fromKey, r.to AS toKey MATCH (f:{from} {{key: fromKey}}) MATCH (t:{to} {{key: toKey}}) CREATE (f)-[x:{type}]->(t) SET x = r.props",
                    group.Select(k => Row(("from", _relations[k].From), ("to", _relations[k].To), ("props", _relations[k].Props))));
            }

            relationships += mentions.Count + relationKeys.Length;
            await transport.RunAsync(statements, Neo4jAccessMode.Write, cancellationToken);
        }

        return (nodes, relationships);
    }

    private static Dictionary<string, object?> Row(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    private static List<T> List<T>(Dictionary<string, List<T>> lists, string key)
    {
        if (!lists.TryGetValue(key, out List<T>? list))
        {
            lists[key] = list = [];
        }

        return list;
    }
}
