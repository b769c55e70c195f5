using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Cli.Bench;

/// <summary>How the benchmark's baselines send rows: one <c>UNWIND $rows</c> statement per chunk of rows.</summary>
internal static class CypherBatches
{
    public static void AddChunked(this List<CypherStatement> statements, string text, IEnumerable<Dictionary<string, object?>> rows, int rowsPerStatement)
    {
        foreach (Dictionary<string, object?>[] part in rows.Chunk(rowsPerStatement))
        {
            statements.Add(new CypherStatement(text, new Dictionary<string, object?> { ["rows"] = part }));
        }
    }
}
