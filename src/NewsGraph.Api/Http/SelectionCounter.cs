using GraphQLParser.AST;

namespace NewsGraph.Api.Http;

/// <summary>
/// Counts a document's field selections two ways before any validation runs: as written (aliases
/// included), and as execution would expand them, fragment spreads replaced by their fragments.
/// The expanded count is computed once per fragment and reused (memoised), so fragments that each
/// spread the next one twice — 2^n selections from a document of a few hundred bytes — are counted
/// in linear time instead of expanded; validation and the complexity analyser, which do expand
/// them, never see such a document. A spread that closes a fragment cycle counts nothing here:
/// validation names the cycle with its own error.
/// </summary>
internal static class SelectionCounter
{
    /// <summary>What the expanded count saturates at: more than any limit, far from overflow.</summary>
    public const long Unbounded = long.MaxValue / 4;

    public static (int Written, long Expanded) Count(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        int written = 0;
        foreach (ASTNode definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
                written += Written(fragment.SelectionSet);
            }
            else if (definition is GraphQLOperationDefinition operation)
            {
                written += Written(operation.SelectionSet);
            }
        }

        var memo = new Dictionary<string, long>(StringComparer.Ordinal);
        var inProgress = new HashSet<string>(StringComparer.Ordinal);
        long expanded = 0;
        foreach (GraphQLOperationDefinition operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            expanded = Math.Max(expanded, Expanded(operation.SelectionSet, fragments, memo, inProgress));
        }

        return (written, expanded);
    }

    private static int Written(GraphQLSelectionSet? set)
    {
        int count = 0;
        foreach (ASTNode selection in set?.Selections ?? [])
        {
            count += selection switch
            {
                GraphQLField field => 1 + Written(field.SelectionSet),
                GraphQLInlineFragment inline => Written(inline.SelectionSet),
                _ => 0,
            };
        }

        return count;
    }

    private static long Expanded(
        GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, Dictionary<string, long> memo, HashSet<string> inProgress)
    {
        long count = 0;
        foreach (ASTNode selection in set?.Selections ?? [])
        {
            long add = selection switch
            {
                GraphQLField field => 1 + Expanded(field.SelectionSet, fragments, memo, inProgress),
                GraphQLInlineFragment inline => Expanded(inline.SelectionSet, fragments, memo, inProgress),
                GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue, fragments, memo, inProgress),
                _ => 0,
            };
            count = Math.Min(Unbounded, count + add);
        }

        return count;
    }

    private static long Fragment(string name, Dictionary<string, GraphQLFragmentDefinition> fragments, Dictionary<string, long> memo, HashSet<string> inProgress)
    {
        if (memo.TryGetValue(name, out long known))
        {
            return known;
        }

        if (!fragments.TryGetValue(name, out GraphQLFragmentDefinition? fragment))
        {
            return 0; // unknown fragment: validation reports it
        }

        if (!inProgress.Add(name))
        {
            return 0; // a cycle: the spec's validation rule reports it
        }

        long count = Expanded(fragment.SelectionSet, fragments, memo, inProgress);
        inProgress.Remove(name);
        memo[name] = count;
        return count;
    }
}
