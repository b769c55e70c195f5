using Microsoft.Data.Sqlite;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Sqlite.Writing;

/// <summary>
/// Brings the merged entities and relations a batch touched up to date from its
/// <see cref="MergeDeltas"/>, in O(1) statements and index seeks per touched row — never by reading
/// every contribution again, so a hub costs what a leaf costs. Counts and the confidence tally
/// move by the delta; kind, name and ends come from the first contribution (a seek on the
/// contribution's index); a "first non-null" property is sought again only when a contribution
/// that set it came or went; alias and title lists are rewritten only when a label's reference
/// count went from or to zero. The result equals recomputing from all contributions (the store
/// contract checks it, retraction included), whatever the order articles came and went in.
/// </summary>
internal sealed class SqliteMergedRows(SqliteBatchCommands commands)
{
    /// <summary>Applies the deltas: relations first (they reference entities, which may be going away).</summary>
    public async Task<MergeOutcome> ApplyAsync(MergeDeltas deltas, CancellationToken cancellationToken)
    {
        var outcome = new MergeOutcome();
        outcome.RelationsCreated.UnionWith(deltas.RelationsInsertedWhole);
        outcome.NodesCreated.UnionWith(deltas.EntitiesInsertedWhole);
        await ApplyRelationsAsync(deltas, outcome, cancellationToken);
        HashSet<string> relisted = await ApplyLabelsAsync(deltas, cancellationToken);
        await ApplyEntitiesAsync(deltas, relisted, outcome, cancellationToken);
        return outcome;
    }

    private async Task ApplyRelationsAsync(MergeDeltas deltas, MergeOutcome outcome, CancellationToken cancellationToken)
    {
        if (deltas.Relations.Count == 0)
        {
            return;
        }

        // [key, seek date, place, topic, verb, status, role (0/1), earliest removed date or null].
        byte[] request = SqliteJson.SerializeToUtf8(deltas.Relations.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new object?[]
        {
            p.Key,
            Flag(p.Value.Seek, AssertedProperties.Date), Flag(p.Value.Seek, AssertedProperties.Place), Flag(p.Value.Seek, AssertedProperties.Topic),
            Flag(p.Value.Seek, AssertedProperties.Verb), Flag(p.Value.Seek, AssertedProperties.Status), Flag(p.Value.Seek, AssertedProperties.Role),
            p.Value.EarliestRemoved,
        }));
        List<RelationState> states = await commands.ReadAsync(SqliteStatements.SelectRelationMergeState, RelationState.Read, cancellationToken, ("@relations", request));
        foreach (RelationState state in states)
        {
            RelationDelta delta = deltas.Relations[state.Key];
            long articles = state.ArticleCount + delta.Articles;
            if (articles <= 0)
            {
                await commands.ExecuteAsync(SqliteStatements.DeleteRelation, cancellationToken, ("@key", state.Key));
                outcome.RelationsDeleted += state.ArticleCount > 0 ? 1 : 0;
                continue;
            }

            if (state.ArticleCount == 0)
            {
                outcome.RelationsCreated.Add(state.Key);
            }

            ConfidenceTally tally = state.Tally.Plus(delta.Tally);
            string? earliest = state.EarliestSought ? state.EarliestRecomputed : MergeDeltas.Earlier(state.Earliest, delta.EarliestAdded);
            (string Name, object? Value)[] counts =
            [
                ("@key", state.Key),
                ("@articleCount", articles),
                ("@firstPublished", earliest),
                ("@confidence", tally.Value),
                ("@confLog", tally.LogSum),
                ("@confScored", (long)tally.Scored),
                ("@confCertain", (long)tally.Certain),
                ("@originalAssertions", (long)delta.OriginalAssertions),
            ];
            if (state.Keeps(state.Date ?? earliest))
            {
                await commands.ExecuteAsync(SqliteStatements.UpdateMergedRelationCounts, cancellationToken, counts);
                continue;
            }

            await commands.ExecuteAsync(SqliteStatements.UpdateMergedRelation, cancellationToken,
            [
                .. counts,
                ("@fromKey", state.FirstFrom),
                ("@toKey", state.FirstTo),
                ("@date", state.Date),
                ("@datePrecision", state.DatePrecision),
                ("@dateSource", state.DateSource),
                ("@effectiveDate", state.Date ?? earliest),
                ("@placeKey", state.Place),
                ("@topic", state.Topic),
                ("@topicNorm", ArabicText.Normalize(state.Topic)),
                ("@verb", state.Verb),
                ("@verbNorm", state.Verb is null ? null : ArabicText.Normalize(state.Verb)),
                ("@status", state.Status),
                ("@role", state.Role),
            ]);
        }
    }

    /// <summary>Moves the label reference counts; the entities whose alias or title list changed.</summary>
    private async Task<HashSet<string>> ApplyLabelsAsync(MergeDeltas deltas, CancellationToken cancellationToken)
    {
        var relisted = new HashSet<string>(StringComparer.Ordinal);
        foreach (((string entity, int list, string value), int delta) in deltas.Labels)
        {
            if (delta == 0 || deltas.EntitiesInsertedWhole.Contains(entity))
            {
                // Nothing moved, or the entity's label rows went in with it (SqliteNewEntities).
                continue;
            }

            long refs = Convert.ToInt64(
                await commands.ScalarAsync(SqliteStatements.AddEntityLabelReferences, cancellationToken, ("@key", entity), ("@list", (long)list), ("@value", value), ("@delta", (long)delta)),
                System.Globalization.CultureInfo.InvariantCulture);
            if (refs <= 0)
            {
                await commands.ExecuteAsync(SqliteStatements.DeleteUnreferencedEntityLabel, cancellationToken, ("@key", entity), ("@list", (long)list), ("@value", value));
                relisted.Add(entity);
            }
            else if (refs == delta)
            {
                relisted.Add(entity);
            }
        }

        return relisted;
    }

    private async Task ApplyEntitiesAsync(MergeDeltas deltas, HashSet<string> relisted, MergeOutcome outcome, CancellationToken cancellationToken)
    {
        if (deltas.Entities.Count == 0)
        {
            return;
        }

        // [key, seek iso (0/1), seek category (0/1)].
        byte[] request = SqliteJson.SerializeToUtf8(deltas.Entities.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new object[]
        {
            p.Key, p.Value.SeekIso ? 1 : 0, p.Value.SeekCategory ? 1 : 0,
        }));
        List<EntityState> states = await commands.ReadAsync(SqliteStatements.SelectEntityMergeState, EntityState.Read, cancellationToken, ("@entities", request));
        Dictionary<string, (List<string> Aliases, List<string> Titles)> labels = await ReadLabelsAsync(relisted, cancellationToken);
        var updates = new EntityUpdates();
        foreach (EntityState state in states)
        {
            EntityDelta delta = deltas.Entities[state.Key];
            long articles = state.ArticleCount + delta.Articles;
            if (articles <= 0)
            {
                await commands.ExecuteAsync(SqliteStatements.DeleteEntity, cancellationToken, ("@key", state.Key));
                await commands.ExecuteAsync(SqliteStatements.DeleteEntityLabels, cancellationToken, ("@key", state.Key));
                outcome.NodesDeleted += state.ArticleCount > 0 ? 1 : 0;
                continue;
            }

            if (state.ArticleCount == 0)
            {
                outcome.NodesCreated.Add(state.Key);
            }

            long mentions = state.MentionCount + delta.Mentions;
            if (!labels.TryGetValue(state.Key, out (List<string> Aliases, List<string> Titles) lists))
            {
                // Usually (a hub mentioned again) kind and name stay: then only the counts' indexes move,
                // not the eight indexes on kind and name (SQLite rewrites an index entry when its column is SET).
                if (state.FirstKind == state.StoredKind && state.FirstName == state.StoredName)
                {
                    updates.Counts.Add((state.Id, [state.Key, state.Iso, state.Category, mentions, articles, delta.OriginalMentions]));
                }
                else
                {
                    updates.Renamed.Add((state.Id, [state.Key, state.FirstKind, state.FirstName, ArabicText.Normalize(state.FirstName), state.Iso, state.Category, mentions, articles, delta.OriginalMentions]));
                }

                continue;
            }

            // The lists as the recompute gave them: ordinal order, aliases' normal forms in that order.
            lists.Aliases.Sort(StringComparer.Ordinal);
            lists.Titles.Sort(StringComparer.Ordinal);
            string aliasesNorm = string.Join('\n', lists.Aliases.Select(ArabicText.Normalize).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal));
            updates.Relisted.Add((state.Id,
            [
                state.Key, state.FirstKind, state.FirstName, ArabicText.Normalize(state.FirstName), state.Iso, state.Category, mentions, articles,
                delta.OriginalMentions, SqliteJson.Serialize(lists.Aliases), aliasesNorm, SqliteJson.Serialize(lists.Titles),
            ]));
        }

        await updates.WriteAsync(commands, cancellationToken);
    }

    private async Task<Dictionary<string, (List<string> Aliases, List<string> Titles)>> ReadLabelsAsync(HashSet<string> entities, CancellationToken cancellationToken)
    {
        var labels = entities.ToDictionary(e => e, _ => (Aliases: new List<string>(), Titles: new List<string>()), StringComparer.Ordinal);
        if (entities.Count == 0)
        {
            return labels;
        }

        var rows = await commands.ReadAsync(SqliteStatements.SelectEntityLabels, r => (Key: r.GetString(0), List: r.GetInt64(1), Value: r.GetString(2)),
            cancellationToken, ("@keys", SqliteJson.Serialize(entities.Order(StringComparer.Ordinal))));
        foreach ((string key, long list, string value) in rows)
        {
            (list == MergeDeltas.AliasList ? labels[key].Aliases : labels[key].Titles).Add(value);
        }

        return labels;
    }

    private static int Flag(AssertedProperties set, AssertedProperties property) => (set & property) != 0 ? 1 : 0;

    /// <summary>A row of <see cref="SqliteStatements.SelectEntityMergeState"/>.</summary>
    private sealed record EntityState(long Id, string Key, long MentionCount, long ArticleCount, string FirstKind, string FirstName, string? Iso, string? Category, string StoredKind, string StoredName)
    {
        public static EntityState Read(SqliteDataReader r) => new(
            r.GetInt64(13), r.GetString(0), r.GetInt64(5), r.GetInt64(6),
            SqliteBatchCommands.Text(r, 9) ?? r.GetString(1), SqliteBatchCommands.Text(r, 10) ?? r.GetString(2),
            SqliteBatchCommands.Text(r, 11), SqliteBatchCommands.Text(r, 12), r.GetString(1), r.GetString(2));
    }

    /// <summary>
    /// A batch's merged-entity updates, one statement per kind of update with its rows in id order:
    /// an update that changes a name or alias list changes both full-text indexes (by trigger), and
    /// FTS5 keeps a statement's rows in memory only while their ids ascend, writing a segment out at
    /// every statement's start and whenever an id goes back.
    /// </summary>
    private sealed class EntityUpdates
    {
        /// <summary>[key, iso, category, mention count, article count, mentions put in by originals].</summary>
        public List<(long Id, object?[] Row)> Counts { get; } = [];

        /// <summary>[key, kind, name, name_norm, iso, category, mention count, article count, mentions put in by originals].</summary>
        public List<(long Id, object?[] Row)> Renamed { get; } = [];

        /// <summary>As <see cref="Renamed"/>, then aliases (JSON), aliases_norm, titles (JSON).</summary>
        public List<(long Id, object?[] Row)> Relisted { get; } = [];

        public async Task WriteAsync(SqliteBatchCommands commands, CancellationToken cancellationToken)
        {
            await WriteAsync(commands, SqliteStatements.UpdateEntitiesCounts, Counts, cancellationToken);
            await WriteAsync(commands, SqliteStatements.UpdateMergedEntitiesCounts, Renamed, cancellationToken);
            await WriteAsync(commands, SqliteStatements.UpdateMergedEntities, Relisted, cancellationToken);
        }

        private static async Task WriteAsync(SqliteBatchCommands commands, string sql, List<(long Id, object?[] Row)> rows, CancellationToken cancellationToken)
        {
            if (rows.Count > 0)
            {
                await commands.ExecuteAsync(sql, cancellationToken, ("@rows", SqliteJson.SerializeToUtf8(rows.OrderBy(r => r.Id).Select(r => r.Row))));
            }
        }
    }

    /// <summary>A row of <see cref="SqliteStatements.SelectRelationMergeState"/>: stored counts and tally, and the values sought now.</summary>
    private sealed record RelationState(
        string Key, long ArticleCount, string? Earliest, ConfidenceTally Tally, string? FirstFrom, string? FirstTo,
        string? Date, string? Place, string? Topic, string? Verb, string? Status, string? Role, string? EarliestRecomputed, bool EarliestSought)
    {
        /// <summary>The date's precision and source, sought with it (the date column holds [date, precision, source]).</summary>
        public string? DatePrecision { get; private init; }

        public string? DateSource { get; private init; }

        /// <summary>The stored ends, date (with precision and source), effective date and properties.</summary>
        private string?[] Stored { get; init; } = [];

        /// <summary>Whether the merged relation keeps every stored value but its counts and tally, with this effective date.</summary>
        public bool Keeps(string? effectiveDate) =>
            Stored.AsSpan().SequenceEqual([FirstFrom, FirstTo, Date, DatePrecision, DateSource, effectiveDate, Place, Topic, Verb, Status, Role]);

        public static RelationState Read(SqliteDataReader r)
        {
            string?[] date = DateTriple(SqliteBatchCommands.Text(r, 16));
            return new RelationState(
                r.GetString(0), r.GetInt64(9), SqliteBatchCommands.Text(r, 10), new ConfidenceTally(r.GetInt64(11), r.GetInt32(12), r.GetInt32(13)),
                SqliteBatchCommands.Text(r, 14) ?? r.GetString(1), SqliteBatchCommands.Text(r, 15) ?? r.GetString(2),
                date[0], SqliteBatchCommands.Text(r, 17), SqliteBatchCommands.Text(r, 18), SqliteBatchCommands.Text(r, 19),
                SqliteBatchCommands.Text(r, 20), SqliteBatchCommands.Text(r, 21), SqliteBatchCommands.Text(r, 22), !r.IsDBNull(23) && r.GetBoolean(23))
            {
                DatePrecision = date[0] is null ? null : date[1],
                DateSource = date[0] is null ? null : date[2],
                Stored =
                [
                    r.GetString(1), r.GetString(2), SqliteBatchCommands.Text(r, 3), SqliteBatchCommands.Text(r, 25), SqliteBatchCommands.Text(r, 26),
                    SqliteBatchCommands.Text(r, 24), SqliteBatchCommands.Text(r, 4), SqliteBatchCommands.Text(r, 5), SqliteBatchCommands.Text(r, 6),
                    SqliteBatchCommands.Text(r, 7), SqliteBatchCommands.Text(r, 8),
                ],
            };
        }

        private static string?[] DateTriple(string? json)
        {
            if (json is null)
            {
                return [null, null, null];
            }

            string?[] triple = System.Text.Json.JsonSerializer.Deserialize<string?[]>(json) ?? [];
            return triple.Length == 3 ? triple : [null, null, null];
        }
    }
}

/// <summary>Which merged rows a batch brought into being or took away.</summary>
internal sealed class MergeOutcome
{
    public HashSet<string> NodesCreated { get; } = new(StringComparer.Ordinal);

    public HashSet<string> RelationsCreated { get; } = new(StringComparer.Ordinal);

    public int NodesDeleted { get; set; }

    public int RelationsDeleted { get; set; }
}
