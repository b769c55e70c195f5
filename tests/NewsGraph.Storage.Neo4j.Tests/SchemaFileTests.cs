using System.Text.RegularExpressions;
using NewsGraph.Core.Graph;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>The schema files in schema/neo4j/ (embedded in the store): parseable, and only GraphNames' labels and types.</summary>
public sealed partial class SchemaFileTests
{
    [Theory]
    [InlineData("3.x.cypher")]
    [InlineData("4.4-5.x.cypher")]
    public void SchemaFile_UsesOnlyGraphNamesLabelsAndTypes(string file)
    {
        IReadOnlyList<string> statements = Neo4jGraphStore.SchemaStatements(file);
        HashSet<string> allowed =
        [
            .. Enum.GetValues<NodeKind>().Select(GraphNames.Label), .. Enum.GetValues<RelationType>().Select(GraphNames.TypeName),
            GraphNames.FollowedSource, GraphNames.FollowedItem, GraphNames.ArticleBand,
        ];

        Assert.NotEmpty(statements);
        foreach (string statement in statements)
        {
            Assert.StartsWith("CREATE ", statement, StringComparison.Ordinal);
            Assert.DoesNotContain(";", statement, StringComparison.Ordinal);
            foreach (Match match in LabelOrType().Matches(statement))
            {
                foreach (string name in match.Groups[1].Value.Split('|'))
                {
                    Assert.Contains(name, allowed);
                }
            }
        }
    }

    [Fact]
    public void SchemaFiles_ConstrainTheKeyOfEveryLabel()
    {
        foreach (string file in new[] { "3.x.cypher", "4.4-5.x.cypher" })
        {
            string all = string.Join("\n", Neo4jGraphStore.SchemaStatements(file));
            foreach (NodeKind kind in Enum.GetValues<NodeKind>())
            {
                Assert.Matches($@"\(n:{GraphNames.Label(kind)}\) (ASSERT|REQUIRE) n\.key IS UNIQUE", all);
            }
        }
    }

    [Fact]
    public void CypherStatements_UseNoPatternSizeOrSubqueries()
    {
        // The portable subset: what Neo4j 3.1 and 5.x both run.
        string[] texts = [.. typeof(Neo4jGraphStore).Assembly.GetType("NewsGraph.Storage.Neo4j.CypherStatements")!
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string))
            .Select(f => (string)f.GetValue(null)!)];

        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.DoesNotMatch(@"CALL\s*\{|EXISTS\s*\{|COUNT\s*\{|size\(\s*\(|\bdate\(|\bdatetime\(|\bexists\(", t));
    }

    [GeneratedRegex(@"[(\[]\w*:([A-Za-z_|]+)")]
    private static partial Regex LabelOrType();
}
