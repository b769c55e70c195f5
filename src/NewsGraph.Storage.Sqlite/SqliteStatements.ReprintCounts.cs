namespace NewsGraph.Storage.Sqlite;

/// <summary>Counting originals only (<c>Core/Storage/ReprintCounting</c>): the version 9 schema and its triggers.</summary>
internal static partial class SqliteStatements
{
    /// <summary>
    /// Version 9, the dashboard counts follow <c>ReprintCounting</c> (originals count, reprints are provenance):
    /// <list type="bullet">
    /// <item><c>entities.original_mention_count</c>: the entity's mentions in originals (articles whose
    /// <c>reprint_of</c> is NULL); undated MENTIONS rankings read it through <c>ix_entities_top_original_mentions</c>.
    /// <c>mention_count</c> stays every copy's (the entity's own <c>mentionCount</c>).</item>
    /// <item><c>relations.original_assertions</c>: the relation's assertions made by originals; the
    /// relation counts in rankings and timelines while it is above 0.</item>
    /// <item><c>meeting_count</c>, <c>statement_count</c> and <c>degree</c> (version 2) now count only
    /// relations that count; <c>relation_type_counts</c> (stats) still counts every relation.</item>
    /// </list>
    /// Triggers keep both new columns in the write's transaction: a mention or assertion counts when
    /// its article is an original as it is written or deleted (the upsert writes the article row first
    /// and takes contributions out before deleting it), and an article changing sides (<c>reprint_of</c>
    /// NULL to set or back) moves its mentions and assertions over. Self-contained: the migration
    /// recomputes every counter it owns from the stored rows, whatever version came before.
    /// </summary>
    public const string AddReprintCountsV9 = """
        ALTER TABLE entities ADD COLUMN original_mention_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE relations ADD COLUMN original_assertions INTEGER NOT NULL DEFAULT 0;
        UPDATE entities SET original_mention_count = c.n
        FROM (SELECT m.entity_key, sum(m.mention_count) AS n FROM entity_mentions m JOIN articles a ON a.key = m.article_key
              WHERE a.reprint_of IS NULL GROUP BY m.entity_key) AS c
        WHERE entities.key = c.entity_key;
        UPDATE relations SET original_assertions = c.n
        FROM (SELECT p.relation_key, count(*) AS n FROM relation_provenance p JOIN articles a ON a.key = p.article_key
              WHERE a.reprint_of IS NULL GROUP BY p.relation_key) AS c
        WHERE relations.key = c.relation_key;
        CREATE INDEX IF NOT EXISTS ix_entities_top_original_mentions ON entities (kind, original_mention_count DESC, key);

        UPDATE entities SET meeting_count = 0, statement_count = 0, degree = 0;
        UPDATE entities SET meeting_count = c.meetings, statement_count = c.statements, degree = c.degree
        FROM (SELECT key, sum(met) AS meetings, sum(stated) AS statements, count(*) AS degree FROM (
                  SELECT from_key AS key, type = 'MET' AS met, type = 'STATED' AS stated FROM relations WHERE original_assertions > 0
                  UNION ALL
                  SELECT to_key, type = 'MET', 0 FROM relations WHERE original_assertions > 0 AND to_key <> from_key)
              GROUP BY key) AS c
        WHERE entities.key = c.key;

        -- The version 2 counters, now for counting relations only; the per-type counts still take every relation.
        DROP TRIGGER IF EXISTS relations_count_insert;
        DROP TRIGGER IF EXISTS relations_count_delete;
        DROP TRIGGER IF EXISTS relations_count_update;
        CREATE TRIGGER IF NOT EXISTS relations_count_insert AFTER INSERT ON relations BEGIN
            INSERT INTO relation_type_counts (type, count) VALUES (new.type, 1) ON CONFLICT (type) DO UPDATE SET count = count + 1;
            UPDATE entities SET
                degree = degree + 1,
                meeting_count = meeting_count + (new.type = 'MET'),
                statement_count = statement_count + (new.type = 'STATED' AND key = new.from_key)
            WHERE new.original_assertions > 0 AND key IN (new.from_key, new.to_key);
        END;
        CREATE TRIGGER IF NOT EXISTS relations_count_delete AFTER DELETE ON relations BEGIN
            UPDATE relation_type_counts SET count = count - 1 WHERE type = old.type;
            UPDATE entities SET
                degree = degree - 1,
                meeting_count = meeting_count - (old.type = 'MET'),
                statement_count = statement_count - (old.type = 'STATED' AND key = old.from_key)
            WHERE old.original_assertions > 0 AND key IN (old.from_key, old.to_key);
        END;
        -- One trigger for a move of type or ends and a change of side, so an update doing both counts once.
        CREATE TRIGGER IF NOT EXISTS relations_count_update AFTER UPDATE OF type, from_key, to_key, original_assertions ON relations
        WHEN old.type IS NOT new.type OR old.from_key IS NOT new.from_key OR old.to_key IS NOT new.to_key
          OR (old.original_assertions > 0) <> (new.original_assertions > 0) BEGIN
            UPDATE relation_type_counts SET count = count - 1 WHERE type = old.type;
            UPDATE entities SET
                degree = degree - 1,
                meeting_count = meeting_count - (old.type = 'MET'),
                statement_count = statement_count - (old.type = 'STATED' AND key = old.from_key)
            WHERE old.original_assertions > 0 AND key IN (old.from_key, old.to_key);
            INSERT INTO relation_type_counts (type, count) VALUES (new.type, 1) ON CONFLICT (type) DO UPDATE SET count = count + 1;
            UPDATE entities SET
                degree = degree + 1,
                meeting_count = meeting_count + (new.type = 'MET'),
                statement_count = statement_count + (new.type = 'STATED' AND key = new.from_key)
            WHERE new.original_assertions > 0 AND key IN (new.from_key, new.to_key);
        END;

        CREATE TRIGGER IF NOT EXISTS mentions_original_insert AFTER INSERT ON entity_mentions
        WHEN EXISTS (SELECT 1 FROM articles WHERE key = new.article_key AND reprint_of IS NULL) BEGIN
            UPDATE entities SET original_mention_count = original_mention_count + new.mention_count WHERE key = new.entity_key;
        END;
        CREATE TRIGGER IF NOT EXISTS mentions_original_delete AFTER DELETE ON entity_mentions
        WHEN EXISTS (SELECT 1 FROM articles WHERE key = old.article_key AND reprint_of IS NULL) BEGIN
            UPDATE entities SET original_mention_count = original_mention_count - old.mention_count WHERE key = old.entity_key;
        END;
        CREATE TRIGGER IF NOT EXISTS provenance_original_insert AFTER INSERT ON relation_provenance
        WHEN EXISTS (SELECT 1 FROM articles WHERE key = new.article_key AND reprint_of IS NULL) BEGIN
            UPDATE relations SET original_assertions = original_assertions + 1 WHERE key = new.relation_key;
        END;
        CREATE TRIGGER IF NOT EXISTS provenance_original_delete AFTER DELETE ON relation_provenance
        WHEN EXISTS (SELECT 1 FROM articles WHERE key = old.article_key AND reprint_of IS NULL) BEGIN
            UPDATE relations SET original_assertions = original_assertions - 1 WHERE key = old.relation_key;
        END;

        -- An article becoming a reprint (+1 → -1) or an original again moves all its mentions and assertions.
        CREATE TRIGGER IF NOT EXISTS articles_original_update AFTER UPDATE OF reprint_of ON articles
        WHEN (old.reprint_of IS NULL) <> (new.reprint_of IS NULL) BEGIN
            UPDATE entities SET original_mention_count = original_mention_count
                + (CASE WHEN new.reprint_of IS NULL THEN 1 ELSE -1 END)
                  * (SELECT m.mention_count FROM entity_mentions m WHERE m.article_key = new.key AND m.entity_key = entities.key)
            WHERE key IN (SELECT entity_key FROM entity_mentions WHERE article_key = new.key);
            UPDATE relations SET original_assertions = original_assertions
                + (CASE WHEN new.reprint_of IS NULL THEN 1 ELSE -1 END)
                  * (SELECT count(*) FROM relation_provenance p WHERE p.article_key = new.key AND p.relation_key = relations.key)
            WHERE key IN (SELECT relation_key FROM relation_provenance WHERE article_key = new.key);
        END;
        """;

    /// <summary>
    /// Version 12: the mentions and assertions a write puts in add to <c>original_mention_count</c> and
    /// <c>original_assertions</c> with their merged entity and relation (<c>MergeDeltas.OriginalMention</c>),
    /// which the batch rewrites anyway, instead of by a trigger per inserted row: each of those rewrote
    /// the entity's (the relation's) row and its index once per mention, a hub's fifty times a batch,
    /// before the merge rewrote it again. Rows taken out, and an article changing sides, still move the
    /// counts by trigger (the rows' article and count are only known from the rows). The counts are
    /// those the triggers kept, so there is nothing to recompute.
    /// </summary>
    public const string OriginalCountsWithMergedRowsV12 = """
        DROP TRIGGER IF EXISTS mentions_original_insert;
        DROP TRIGGER IF EXISTS provenance_original_insert;
        """;

    /// <summary>
    /// Version 14, the number of articles and of reprints among them kept by trigger in one row, as
    /// entities by kind and relations by type already were (<see cref="CreateReadIndexesV2"/>): the
    /// dashboard's totals counted every article on each request — 5.6 ms on a 200,000-article file, growing
    /// with it. A write changes the row once per article, in the same transaction.
    /// </summary>
    public const string ArticleCountsV14 = """
        CREATE TABLE IF NOT EXISTS article_counts (
            id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            articles INTEGER NOT NULL,
            reprints INTEGER NOT NULL
        );
        INSERT INTO article_counts (id, articles, reprints)
            SELECT 1, count(*), count(reprint_of) FROM articles WHERE true
            ON CONFLICT (id) DO UPDATE SET articles = excluded.articles, reprints = excluded.reprints;
        CREATE TRIGGER IF NOT EXISTS articles_count_insert AFTER INSERT ON articles BEGIN
            UPDATE article_counts SET articles = articles + 1, reprints = reprints + (new.reprint_of IS NOT NULL) WHERE id = 1;
        END;
        CREATE TRIGGER IF NOT EXISTS articles_count_delete AFTER DELETE ON articles BEGIN
            UPDATE article_counts SET articles = articles - 1, reprints = reprints - (old.reprint_of IS NOT NULL) WHERE id = 1;
        END;
        CREATE TRIGGER IF NOT EXISTS articles_count_relink AFTER UPDATE OF reprint_of ON articles
        WHEN (old.reprint_of IS NULL) <> (new.reprint_of IS NULL) BEGIN
            UPDATE article_counts SET reprints = reprints + (new.reprint_of IS NOT NULL) - (old.reprint_of IS NOT NULL) WHERE id = 1;
        END;
        """;

    /// <summary>Articles and reprints among them (<see cref="ArticleCountsV14"/>), then the trigger-kept counts of entities by kind and relations by type.</summary>
    public const string SelectStats = """
        SELECT articles, reprints FROM article_counts WHERE id = 1;
        SELECT kind, count FROM entity_kind_counts WHERE count > 0;
        SELECT type, count FROM relation_type_counts WHERE count > 0;
        """;

    /// <summary>Counting relations (an original asserts them: <see cref="AddReprintCountsV9"/>) per bucket of effective date.</summary>
    public const string RelationTimelineTemplate = """
        SELECT {0} AS bucket, count(*), 0 FROM relations r
        WHERE r.type = @type AND r.original_assertions > 0
          AND ((r.effective_date IS NULL AND @from IS NULL AND @to IS NULL) OR (r.effective_date IS NOT NULL
          AND (@from IS NULL OR r.effective_date >= @from)
          AND (@to IS NULL OR r.effective_date <= @to)))
        GROUP BY bucket ORDER BY bucket IS NULL, bucket;
        """;

    /// <summary>Articles per bucket of publication date, and the reprints among them.</summary>
    public const string ArticleTimelineTemplate = """
        SELECT {0} AS bucket, count(*), count(a.reprint_of) FROM articles a
        WHERE (a.published IS NULL AND @from IS NULL AND @to IS NULL) OR (a.published IS NOT NULL
          AND (@from IS NULL OR a.published >= @from)
          AND (@to IS NULL OR a.published <= @to))
        GROUP BY bucket ORDER BY bucket IS NULL, bucket;
        """;

    /// <summary>Mentions in originals published in range.</summary>
    public const string TopEntitiesByMentions = """
        SELECT m.entity_key, sum(m.mention_count) AS value
        FROM entity_mentions m
        JOIN entities e ON e.key = m.entity_key
        JOIN articles a ON a.key = m.article_key
        WHERE a.reprint_of IS NULL
          AND (@kind IS NULL OR e.kind = @kind)
          AND (@from IS NULL OR a.published >= @from)
          AND (@to IS NULL OR a.published <= @to)
        GROUP BY m.entity_key
        HAVING value > 0
        ORDER BY value DESC, m.entity_key
        LIMIT +@first;
        """;

    /// <summary>
    /// Counting relations per endpoint: @types limits the types (NULL for all), @sourceOnly counts
    /// only the source end (statements by a speaker), and the dates keep relations asserted by at
    /// least one original published in range, or with @eventDates those whose own date is in range.
    /// </summary>
    public const string TopEntitiesByRelations = """
        WITH rel AS (
            SELECT r.key, r.from_key, r.to_key FROM relations r
            WHERE r.original_assertions > 0
              AND (@types IS NULL OR r.type IN (SELECT value FROM json_each(@types)))
              AND ((@from IS NULL AND @to IS NULL)
                   OR (@eventDates = 1 AND r.effective_date IS NOT NULL
                       AND (@from IS NULL OR r.effective_date >= @from)
                       AND (@to IS NULL OR r.effective_date <= @to))
                   OR (@eventDates = 0 AND EXISTS (SELECT 1 FROM relation_provenance p JOIN articles a ON a.key = p.article_key
                              WHERE p.relation_key = r.key AND a.reprint_of IS NULL
                                AND (@from IS NULL OR a.published >= @from)
                                AND (@to IS NULL OR a.published <= @to))))),
        ends AS (
            SELECT from_key AS entity_key FROM rel
            UNION ALL
            SELECT to_key FROM rel WHERE @sourceOnly = 0 AND to_key <> from_key)
        SELECT ends.entity_key, count(*) AS value
        FROM ends JOIN entities e ON e.key = ends.entity_key
        WHERE (@kind IS NULL OR e.kind = @kind)
        GROUP BY ends.entity_key
        ORDER BY value DESC, ends.entity_key
        LIMIT +@first;
        """;

    /// <summary>Entities sharing original articles with @key.</summary>
    public const string CoMentioned = """
        SELECT other.entity_key, count(*) AS value
        FROM entity_mentions self
        JOIN articles a ON a.key = self.article_key
        JOIN entity_mentions other ON other.article_key = self.article_key AND other.entity_key <> self.entity_key
        JOIN entities e ON e.key = other.entity_key
        WHERE self.entity_key = @key AND a.reprint_of IS NULL AND (@kind IS NULL OR e.kind = @kind)
        GROUP BY other.entity_key
        ORDER BY value DESC, other.entity_key
        LIMIT +@first;
        """;
}
