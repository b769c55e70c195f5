namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// Every SQL statement and fragment the store runs, each named for what it does. Values are
/// always bound as parameters; the only text ever spliced into SQL is another constant of this
/// file (a fragment, a column, a sort direction) or a parameter name made from an index.
/// Lists of keys travel as one JSON-array parameter read with <c>json_each</c>, so a call costs
/// one statement whatever the number of keys.
/// <para>
/// Limits are written <c>LIMIT +@name</c>, never <c>LIMIT @name</c>: SQLite offers a bare parameter
/// limit to the virtual tables of the statement (json_each, FTS5) and then recompiles the statement
/// every time the parameter is bound — the name lookup ran ~15 µs of work after ~30 µs of
/// recompiling. The unary plus makes it an expression, so a prepared statement stays prepared.
/// </para>
/// </summary>
internal static class SqliteStatements
{
    /// <summary>The schema version this build writes; <see cref="Migrations"/> brings a file up to it.</summary>
    public const int SchemaVersion = 4;

    // ---------------------------------------------------------------------------------------
    // Schema
    // ---------------------------------------------------------------------------------------

    public const string EnableWriteAheadLog = "PRAGMA journal_mode = WAL;";

    public const string CreateSchemaVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER NOT NULL PRIMARY KEY,
            applied_at TEXT    NOT NULL
        );
        """;

    public const string SelectSchemaVersion = "SELECT coalesce(max(version), 0) FROM schema_version;";

    public const string InsertSchemaVersion =
        "INSERT INTO schema_version (version, applied_at) VALUES (@version, @appliedAt) ON CONFLICT (version) DO NOTHING;";

    public const string SelectFts5Available = "SELECT sqlite_compileoption_used('ENABLE_FTS5');";

    /// <summary>
    /// Set once on every read session. Sorts, DISTINCT lists and materialized CTEs use temporary
    /// b-trees; file-backed ones (the default) set up a pager and its first cache pages on every
    /// statement run (~45 µs, most of a small page query). Ours stay small: sorts are bounded by
    /// LIMIT, groups by one entity's relations.
    /// </summary>
    public const string ReadSessionPragmas = "PRAGMA temp_store = MEMORY;";

    /// <summary>
    /// Version 1: articles, merged entities and relations, and the per-article contribution tables
    /// (<c>entity_mentions</c>, <c>relation_provenance</c>) the merged rows are recomputed from.
    /// Every statement is idempotent (IF NOT EXISTS) so a half-applied start can simply re-run.
    /// </summary>
    public const string CreateSchemaV1 = """
        CREATE TABLE IF NOT EXISTS articles (
            key          TEXT NOT NULL PRIMARY KEY,
            title        TEXT,
            url          TEXT,
            source       TEXT,
            dateline     TEXT,
            published    TEXT,
            language     TEXT NOT NULL,
            file         TEXT,
            text         TEXT NOT NULL,
            ingested_at  TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            title_norm   TEXT NOT NULL,
            text_norm    TEXT NOT NULL,
            published_sort TEXT GENERATED ALWAYS AS (coalesce(published, '')) VIRTUAL
        );
        CREATE INDEX IF NOT EXISTS ix_articles_published ON articles (published_sort, key);
        CREATE INDEX IF NOT EXISTS ix_articles_title ON articles (title_norm, key);
        CREATE INDEX IF NOT EXISTS ix_articles_source ON articles (source);

        CREATE TABLE IF NOT EXISTS entities (
            id            INTEGER PRIMARY KEY,
            key           TEXT    NOT NULL UNIQUE,
            kind          TEXT    NOT NULL,
            name          TEXT    NOT NULL,
            name_norm     TEXT    NOT NULL,
            aliases       TEXT    NOT NULL DEFAULT '[]',
            aliases_norm  TEXT    NOT NULL DEFAULT '',
            titles        TEXT    NOT NULL DEFAULT '[]',
            iso           TEXT,
            category      TEXT,
            mention_count INTEGER NOT NULL DEFAULT 0,
            article_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS ix_entities_name ON entities (name_norm, key);
        CREATE INDEX IF NOT EXISTS ix_entities_mentions ON entities (mention_count, key);
        CREATE INDEX IF NOT EXISTS ix_entities_articles ON entities (article_count, key);
        CREATE INDEX IF NOT EXISTS ix_entities_kind ON entities (kind, name_norm);

        CREATE TABLE IF NOT EXISTS entity_mentions (
            article_key   TEXT    NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
            entity_key    TEXT    NOT NULL REFERENCES entities (key),
            kind          TEXT    NOT NULL,
            name          TEXT    NOT NULL,
            aliases       TEXT    NOT NULL,
            titles        TEXT    NOT NULL,
            iso           TEXT,
            category      TEXT,
            mention_count INTEGER NOT NULL,
            PRIMARY KEY (article_key, entity_key)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_entity_mentions_entity ON entity_mentions (entity_key, article_key);

        CREATE TABLE IF NOT EXISTS relations (
            key            TEXT    NOT NULL PRIMARY KEY,
            type           TEXT    NOT NULL,
            from_key       TEXT    NOT NULL REFERENCES entities (key),
            to_key         TEXT    NOT NULL REFERENCES entities (key),
            date           TEXT,
            effective_date TEXT,
            place_key      TEXT,
            topic          TEXT,
            topic_norm     TEXT    NOT NULL DEFAULT '',
            verb           TEXT,
            verb_norm      TEXT,
            status         TEXT,
            role           TEXT,
            article_count  INTEGER NOT NULL DEFAULT 0,
            date_sort      TEXT GENERATED ALWAYS AS (coalesce(date, '')) VIRTUAL
        );
        CREATE INDEX IF NOT EXISTS ix_relations_from ON relations (from_key, type);
        CREATE INDEX IF NOT EXISTS ix_relations_to ON relations (to_key, type);
        CREATE INDEX IF NOT EXISTS ix_relations_date ON relations (date_sort, key);
        CREATE INDEX IF NOT EXISTS ix_relations_articles ON relations (article_count, key);
        CREATE INDEX IF NOT EXISTS ix_relations_type_effective ON relations (type, effective_date);

        CREATE TABLE IF NOT EXISTS relation_provenance (
            relation_key   TEXT    NOT NULL REFERENCES relations (key) ON DELETE CASCADE,
            article_key    TEXT    NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
            sentence_index INTEGER NOT NULL,
            evidence       TEXT    NOT NULL,
            from_key       TEXT    NOT NULL,
            to_key         TEXT    NOT NULL,
            date           TEXT,
            place_key      TEXT,
            topic          TEXT,
            verb           TEXT,
            status         TEXT,
            role           TEXT,
            PRIMARY KEY (relation_key, article_key, sentence_index)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_relation_provenance_article ON relation_provenance (article_key, relation_key);
        """;

    /// <summary>
    /// The full-text index: an external-content FTS5 table over the normalized name and aliases
    /// of every entity (a claim's name is its text), kept in step by triggers so no write path can
    /// forget it. Its rowid is <c>entities.id</c>, an INTEGER PRIMARY KEY that VACUUM never renumbers.
    /// Recomputing an entity rewrites its row; the index is only touched when the searched text changed.
    /// </summary>
    public const string CreateSearchIndexV1 = """
        CREATE VIRTUAL TABLE IF NOT EXISTS entity_search USING fts5 (
            name_norm, aliases_norm,
            content = 'entities', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
        );
        CREATE TRIGGER IF NOT EXISTS entities_search_insert AFTER INSERT ON entities BEGIN
            INSERT INTO entity_search (rowid, name_norm, aliases_norm) VALUES (new.id, new.name_norm, new.aliases_norm);
        END;
        CREATE TRIGGER IF NOT EXISTS entities_search_delete AFTER DELETE ON entities BEGIN
            INSERT INTO entity_search (entity_search, rowid, name_norm, aliases_norm) VALUES ('delete', old.id, old.name_norm, old.aliases_norm);
        END;
        CREATE TRIGGER IF NOT EXISTS entities_search_update AFTER UPDATE OF name_norm, aliases_norm ON entities
        WHEN old.name_norm IS NOT new.name_norm OR old.aliases_norm IS NOT new.aliases_norm BEGIN
            INSERT INTO entity_search (entity_search, rowid, name_norm, aliases_norm) VALUES ('delete', old.id, old.name_norm, old.aliases_norm);
            INSERT INTO entity_search (rowid, name_norm, aliases_norm) VALUES (new.id, new.name_norm, new.aliases_norm);
        END;
        """;

    /// <summary>
    /// Version 2, the read path's indexes (v1 files are migrated in place, in the migration's transaction):
    /// <list type="bullet">
    /// <item><c>entity_names</c>, a trigram FTS5 index over the same normalized name and aliases, so
    /// "name contains" filters look up candidates instead of scanning every entity (the scan cost
    /// ~30 ms per name lookup on a 60k-entity graph); the exact <c>instr</c> test still decides, so
    /// the index keeps no positions (<c>detail = 'none'</c>: a third of the size).</item>
    /// <item>Per-entity relation counters (<c>meeting_count</c>, <c>statement_count</c>, <c>degree</c>)
    /// and per-kind / per-type row counts, kept by triggers in the same transaction as every write,
    /// so <c>stats</c> and undated <c>topEntities</c> read a few index entries instead of aggregating
    /// every relation; with indexes that serve "top N of a kind" in order.</item>
    /// </list>
    /// </summary>
    public const string CreateReadIndexesV2 = """
        CREATE VIRTUAL TABLE IF NOT EXISTS entity_names USING fts5 (
            name_norm, aliases_norm,
            content = 'entities', content_rowid = 'id',
            tokenize = 'trigram case_sensitive 1', detail = 'none'
        );
        INSERT INTO entity_names (entity_names) VALUES ('rebuild');
        CREATE TRIGGER IF NOT EXISTS entities_names_insert AFTER INSERT ON entities BEGIN
            INSERT INTO entity_names (rowid, name_norm, aliases_norm) VALUES (new.id, new.name_norm, new.aliases_norm);
        END;
        CREATE TRIGGER IF NOT EXISTS entities_names_delete AFTER DELETE ON entities BEGIN
            INSERT INTO entity_names (entity_names, rowid, name_norm, aliases_norm) VALUES ('delete', old.id, old.name_norm, old.aliases_norm);
        END;
        CREATE TRIGGER IF NOT EXISTS entities_names_update AFTER UPDATE OF name_norm, aliases_norm ON entities
        WHEN old.name_norm IS NOT new.name_norm OR old.aliases_norm IS NOT new.aliases_norm BEGIN
            INSERT INTO entity_names (entity_names, rowid, name_norm, aliases_norm) VALUES ('delete', old.id, old.name_norm, old.aliases_norm);
            INSERT INTO entity_names (rowid, name_norm, aliases_norm) VALUES (new.id, new.name_norm, new.aliases_norm);
        END;

        CREATE TABLE IF NOT EXISTS entity_kind_counts (
            kind  TEXT    NOT NULL PRIMARY KEY,
            count INTEGER NOT NULL
        ) WITHOUT ROWID;
        DELETE FROM entity_kind_counts;
        INSERT INTO entity_kind_counts (kind, count) SELECT kind, count(*) FROM entities GROUP BY kind;
        CREATE TRIGGER IF NOT EXISTS entities_count_insert AFTER INSERT ON entities BEGIN
            INSERT INTO entity_kind_counts (kind, count) VALUES (new.kind, 1) ON CONFLICT (kind) DO UPDATE SET count = count + 1;
        END;
        CREATE TRIGGER IF NOT EXISTS entities_count_delete AFTER DELETE ON entities BEGIN
            UPDATE entity_kind_counts SET count = count - 1 WHERE kind = old.kind;
        END;
        CREATE TRIGGER IF NOT EXISTS entities_count_update AFTER UPDATE OF kind ON entities WHEN old.kind IS NOT new.kind BEGIN
            UPDATE entity_kind_counts SET count = count - 1 WHERE kind = old.kind;
            INSERT INTO entity_kind_counts (kind, count) VALUES (new.kind, 1) ON CONFLICT (kind) DO UPDATE SET count = count + 1;
        END;

        CREATE TABLE IF NOT EXISTS relation_type_counts (
            type  TEXT    NOT NULL PRIMARY KEY,
            count INTEGER NOT NULL
        ) WITHOUT ROWID;
        DELETE FROM relation_type_counts;
        INSERT INTO relation_type_counts (type, count) SELECT type, count(*) FROM relations GROUP BY type;

        ALTER TABLE entities ADD COLUMN meeting_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE entities ADD COLUMN statement_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE entities ADD COLUMN degree INTEGER NOT NULL DEFAULT 0;
        UPDATE entities SET meeting_count = c.meetings, statement_count = c.statements, degree = c.degree
        FROM (SELECT key, sum(met) AS meetings, sum(stated) AS statements, count(*) AS degree FROM (
                  SELECT from_key AS key, type = 'MET' AS met, type = 'STATED' AS stated FROM relations
                  UNION ALL
                  SELECT to_key, type = 'MET', 0 FROM relations WHERE to_key <> from_key)
              GROUP BY key) AS c
        WHERE entities.key = c.key;

        -- A relation counts once for each distinct end ("key IN (from, to)" matches a self-loop's row once);
        -- a statement only for its speaker.
        CREATE TRIGGER IF NOT EXISTS relations_count_insert AFTER INSERT ON relations BEGIN
            INSERT INTO relation_type_counts (type, count) VALUES (new.type, 1) ON CONFLICT (type) DO UPDATE SET count = count + 1;
            UPDATE entities SET
                degree = degree + 1,
                meeting_count = meeting_count + (new.type = 'MET'),
                statement_count = statement_count + (new.type = 'STATED' AND key = new.from_key)
            WHERE key IN (new.from_key, new.to_key);
        END;
        CREATE TRIGGER IF NOT EXISTS relations_count_delete AFTER DELETE ON relations BEGIN
            UPDATE relation_type_counts SET count = count - 1 WHERE type = old.type;
            UPDATE entities SET
                degree = degree - 1,
                meeting_count = meeting_count - (old.type = 'MET'),
                statement_count = statement_count - (old.type = 'STATED' AND key = old.from_key)
            WHERE key IN (old.from_key, old.to_key);
        END;
        CREATE TRIGGER IF NOT EXISTS relations_count_update AFTER UPDATE OF type, from_key, to_key ON relations
        WHEN old.type IS NOT new.type OR old.from_key IS NOT new.from_key OR old.to_key IS NOT new.to_key BEGIN
            UPDATE relation_type_counts SET count = count - 1 WHERE type = old.type;
            UPDATE entities SET
                degree = degree - 1,
                meeting_count = meeting_count - (old.type = 'MET'),
                statement_count = statement_count - (old.type = 'STATED' AND key = old.from_key)
            WHERE key IN (old.from_key, old.to_key);
            INSERT INTO relation_type_counts (type, count) VALUES (new.type, 1) ON CONFLICT (type) DO UPDATE SET count = count + 1;
            UPDATE entities SET
                degree = degree + 1,
                meeting_count = meeting_count + (new.type = 'MET'),
                statement_count = statement_count + (new.type = 'STATED' AND key = new.from_key)
            WHERE key IN (new.from_key, new.to_key);
        END;

        CREATE INDEX IF NOT EXISTS ix_entities_top_mentions ON entities (kind, mention_count DESC, key);
        CREATE INDEX IF NOT EXISTS ix_entities_top_meetings ON entities (kind, meeting_count DESC, key);
        CREATE INDEX IF NOT EXISTS ix_entities_top_statements ON entities (kind, statement_count DESC, key);
        CREATE INDEX IF NOT EXISTS ix_entities_top_degree ON entities (kind, degree DESC, key);

        -- Whole lists of one relation type in date order (meetings, statements), or of one kind in
        -- name order (people, states …): a page is an index range. The second replaces (kind, name_norm).
        CREATE INDEX IF NOT EXISTS ix_relations_type_date ON relations (type, date_sort, key);
        DROP INDEX IF EXISTS ix_entities_kind;
        CREATE INDEX IF NOT EXISTS ix_entities_kind_name ON entities (kind, name_norm, key);

        -- A rebuilt or incrementally written full-text index is several segments; lookups probe each.
        INSERT INTO entity_names (entity_names) VALUES ('optimize');
        INSERT INTO entity_search (entity_search) VALUES ('optimize');
        """;

    /// <summary>
    /// Run after every write batch: up to 500 pages of merge work on each full-text index, where a
    /// level holds several segments. Every write transaction leaves a new segment behind, and a
    /// lookup probes every segment for every term; left to FTS5's own merging, a bulk load of the
    /// corpus left enough segments to make a name lookup ~3x slower than over a merged index.
    /// </summary>
    public const string MergeFullTextIndexes = """
        INSERT INTO entity_search (entity_search, rank) VALUES ('merge', 500);
        INSERT INTO entity_names (entity_names, rank) VALUES ('merge', 500);
        """;

    /// <summary>
    /// The most segments either full-text index has: FTS5 keeps one row per segment and leaf-page
    /// boundary in its <c>%_idx</c> shadow table (part of its file format).
    /// </summary>
    public const string SelectFullTextSegmentCount = """
        SELECT max((SELECT count(DISTINCT segid) FROM entity_search_idx), (SELECT count(DISTINCT segid) FROM entity_names_idx));
        """;

    /// <summary>
    /// Merges each full-text index into a single segment (0.4 s for the corpus graph's two indexes).
    /// Run when an index has more than a few segments: segment-by-segment merging alone still left a
    /// dozen after the corpus load, and each costs every term of every lookup a probe (~3-4 µs).
    /// </summary>
    public const string OptimizeFullTextIndexes = """
        INSERT INTO entity_search (entity_search) VALUES ('optimize');
        INSERT INTO entity_names (entity_names) VALUES ('optimize');
        """;

    /// <summary>
    /// Schema steps by version; <c>InitializeAsync</c> applies those above the stored version, all in
    /// one transaction with their <c>schema_version</c> rows, so a step is applied whole or not at all.
    /// </summary>
    public static IReadOnlyList<(int Version, string[] Statements)> Migrations { get; } =
    [
        (1, [CreateSchemaV1, CreateSearchIndexV1]),
        (2, [CreateReadIndexesV2]),
        (3, [CreateTextIndexesV3]),
        (4, [AddConfidenceV4]),
    ];

    /// <summary>
    /// Version 3, text filters served by indexes instead of scans (a filter on statement text used to
    /// test every claim, and one on article text every article's text, per request):
    /// <list type="bullet">
    /// <item><c>article_text</c>, a trigram index over each article's normalized title and text. It is
    /// contentless (the text already lives in <c>articles</c>) and keyed by <c>article_text_ids.id</c>,
    /// an INTEGER PRIMARY KEY, because <c>articles</c> has none and VACUUM may renumber its rowids.</item>
    /// <item><c>relation_topics</c>, a trigram index over meeting topics, holding the relation's key
    /// (topics are short, so it keeps its own copy rather than depend on <c>relations</c>' rowid).</item>
    /// </list>
    /// Claim text is already indexed: claims are entities, in <c>entity_names</c>. Triggers keep both
    /// indexes in step with every write, as for the entity indexes.
    /// </summary>
    public const string CreateTextIndexesV3 = """
        CREATE TABLE IF NOT EXISTS article_text_ids (
            id          INTEGER PRIMARY KEY,
            article_key TEXT NOT NULL UNIQUE
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS article_text USING fts5 (
            title_norm, text_norm,
            content = '', contentless_delete = 1,
            tokenize = 'trigram case_sensitive 1', detail = 'none'
        );
        INSERT INTO article_text_ids (article_key) SELECT key FROM articles WHERE key NOT IN (SELECT article_key FROM article_text_ids);
        INSERT INTO article_text (rowid, title_norm, text_norm)
            SELECT i.id, a.title_norm, a.text_norm FROM article_text_ids i JOIN articles a ON a.key = i.article_key;
        CREATE TRIGGER IF NOT EXISTS articles_text_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_text_ids (article_key) VALUES (new.key);
            INSERT INTO article_text (rowid, title_norm, text_norm)
                VALUES ((SELECT id FROM article_text_ids WHERE article_key = new.key), new.title_norm, new.text_norm);
        END;
        CREATE TRIGGER IF NOT EXISTS articles_text_update AFTER UPDATE OF title_norm, text_norm ON articles
        WHEN old.title_norm IS NOT new.title_norm OR old.text_norm IS NOT new.text_norm BEGIN
            DELETE FROM article_text WHERE rowid = (SELECT id FROM article_text_ids WHERE article_key = new.key);
            INSERT INTO article_text (rowid, title_norm, text_norm)
                VALUES ((SELECT id FROM article_text_ids WHERE article_key = new.key), new.title_norm, new.text_norm);
        END;
        CREATE TRIGGER IF NOT EXISTS articles_text_delete AFTER DELETE ON articles BEGIN
            DELETE FROM article_text WHERE rowid = (SELECT id FROM article_text_ids WHERE article_key = old.key);
            DELETE FROM article_text_ids WHERE article_key = old.key;
        END;

        CREATE VIRTUAL TABLE IF NOT EXISTS relation_topics USING fts5 (
            relation_key UNINDEXED, topic_norm,
            tokenize = 'trigram case_sensitive 1', detail = 'none'
        );
        INSERT INTO relation_topics (relation_key, topic_norm) SELECT key, topic_norm FROM relations WHERE topic_norm <> '';
        CREATE TRIGGER IF NOT EXISTS relations_topic_insert AFTER INSERT ON relations WHEN new.topic_norm <> '' BEGIN
            INSERT INTO relation_topics (relation_key, topic_norm) VALUES (new.key, new.topic_norm);
        END;
        CREATE TRIGGER IF NOT EXISTS relations_topic_update AFTER UPDATE OF topic_norm ON relations
        WHEN old.topic_norm IS NOT new.topic_norm BEGIN
            DELETE FROM relation_topics WHERE relation_key = old.key;
            INSERT INTO relation_topics (relation_key, topic_norm) SELECT new.key, new.topic_norm WHERE new.topic_norm <> '';
        END;
        CREATE TRIGGER IF NOT EXISTS relations_topic_delete AFTER DELETE ON relations WHEN old.topic_norm <> '' BEGIN
            DELETE FROM relation_topics WHERE relation_key = old.key;
        END;
        """;

    /// <summary>
    /// Version 4, confidence: each assertion keeps the extractor's calibrated probability that its
    /// article asserts the relation (<c>relation_provenance.confidence</c>), and each relation the
    /// noisy-or of its assertions' (<c>relations.confidence</c>, recomputed with the other merged
    /// values). NULL is "not scored"; rows written before version 4 stay NULL until their article is
    /// ingested again (the content hash changed with this version, so it is rewritten, not skipped).
    /// No index: a confidence bound is tested on the rows a list reads in its own order.
    /// </summary>
    public const string AddConfidenceV4 = """
        ALTER TABLE relation_provenance ADD COLUMN confidence REAL CHECK (confidence BETWEEN 0 AND 1);
        ALTER TABLE relations ADD COLUMN confidence REAL CHECK (confidence BETWEEN 0 AND 1);
        """;

    // ---------------------------------------------------------------------------------------
    // Upsert: contributions per article, then recomputation of the touched merged rows
    // ---------------------------------------------------------------------------------------

    public const string SelectContentHashes = """
        SELECT key, content_hash FROM articles WHERE key IN (SELECT value FROM json_each(@keys));
        """;

    public const string SelectExistingEntityKeys = """
        SELECT key FROM entities WHERE key IN (SELECT value FROM json_each(@keys));
        """;

    public const string SelectExistingRelationKeys = """
        SELECT key FROM relations WHERE key IN (SELECT value FROM json_each(@keys));
        """;

    public const string SelectArticleEntityKeys = "SELECT entity_key FROM entity_mentions WHERE article_key = @articleKey;";

    public const string SelectArticleRelationKeys = "SELECT DISTINCT relation_key FROM relation_provenance WHERE article_key = @articleKey;";

    public const string UpsertArticle = """
        INSERT INTO articles (key, title, url, source, dateline, published, language, file, text, ingested_at, content_hash, title_norm, text_norm)
        VALUES (@key, @title, @url, @source, @dateline, @published, @language, @file, @text, @ingestedAt, @contentHash, @titleNorm, @textNorm)
        ON CONFLICT (key) DO UPDATE SET
            title = excluded.title, url = excluded.url, source = excluded.source, dateline = excluded.dateline,
            published = excluded.published, language = excluded.language, file = excluded.file, text = excluded.text,
            ingested_at = excluded.ingested_at, content_hash = excluded.content_hash,
            title_norm = excluded.title_norm, text_norm = excluded.text_norm;
        """;

    public const string DeleteArticleMentions = "DELETE FROM entity_mentions WHERE article_key = @articleKey;";

    public const string DeleteArticleProvenance = "DELETE FROM relation_provenance WHERE article_key = @articleKey;";

    /// <summary>A placeholder row so contributions can reference it; <see cref="UpdateMergedEntity"/> fills it in.</summary>
    public const string InsertEntityIfMissing = """
        INSERT INTO entities (key, kind, name, name_norm) VALUES (@key, @kind, @name, @nameNorm)
        ON CONFLICT (key) DO NOTHING;
        """;

    public const string InsertMention = """
        INSERT INTO entity_mentions (article_key, entity_key, kind, name, aliases, titles, iso, category, mention_count)
        VALUES (@articleKey, @entityKey, @kind, @name, @aliases, @titles, @iso, @category, @mentionCount);
        """;

    /// <summary>A placeholder row so provenance can reference it; <see cref="UpdateMergedRelation"/> fills it in.</summary>
    public const string InsertRelationIfMissing = """
        INSERT INTO relations (key, type, from_key, to_key) VALUES (@key, @type, @fromKey, @toKey)
        ON CONFLICT (key) DO NOTHING;
        """;

    public const string InsertProvenance = """
        INSERT INTO relation_provenance (relation_key, article_key, sentence_index, evidence, from_key, to_key, date, place_key, topic, verb, status, role, confidence)
        VALUES (@relationKey, @articleKey, @sentenceIndex, @evidence, @fromKey, @toKey, @date, @placeKey, @topic, @verb, @status, @role, @confidence)
        ON CONFLICT (relation_key, article_key, sentence_index) DO NOTHING;
        """;

    /// <summary>Every contribution to the given relations, in the order that decides "first non-null wins".</summary>
    public const string SelectProvenanceForMerge = """
        SELECT p.relation_key, p.article_key, p.from_key, p.to_key, p.date, p.place_key, p.topic, p.verb, p.status, p.role, a.published, p.confidence
        FROM relation_provenance p JOIN articles a ON a.key = p.article_key
        WHERE p.relation_key IN (SELECT value FROM json_each(@keys))
        ORDER BY p.relation_key, p.article_key, p.sentence_index;
        """;

    public const string UpdateMergedRelation = """
        UPDATE relations SET
            from_key = @fromKey, to_key = @toKey, date = @date, effective_date = @effectiveDate, place_key = @placeKey,
            topic = @topic, topic_norm = @topicNorm, verb = @verb, verb_norm = @verbNorm, status = @status, role = @role,
            article_count = @articleCount, confidence = @confidence
        WHERE key = @key;
        """;

    public const string DeleteUnsupportedRelations = """
        DELETE FROM relations
        WHERE key IN (SELECT value FROM json_each(@keys))
          AND NOT EXISTS (SELECT 1 FROM relation_provenance p WHERE p.relation_key = relations.key);
        """;

    /// <summary>Every contribution to the given entities, lowest article key first (whose name wins).</summary>
    public const string SelectMentionsForMerge = """
        SELECT entity_key, article_key, kind, name, aliases, titles, iso, category, mention_count
        FROM entity_mentions
        WHERE entity_key IN (SELECT value FROM json_each(@keys))
        ORDER BY entity_key, article_key;
        """;

    public const string UpdateMergedEntity = """
        UPDATE entities SET
            kind = @kind, name = @name, name_norm = @nameNorm, aliases = @aliases, aliases_norm = @aliasesNorm,
            titles = @titles, iso = @iso, category = @category, mention_count = @mentionCount, article_count = @articleCount
        WHERE key = @key;
        """;

    public const string DeleteUnmentionedEntities = """
        DELETE FROM entities
        WHERE key IN (SELECT value FROM json_each(@keys))
          AND NOT EXISTS (SELECT 1 FROM entity_mentions m WHERE m.entity_key = entities.key);
        """;

    // ---------------------------------------------------------------------------------------
    // Lookups by key
    // ---------------------------------------------------------------------------------------

    public const string EntityColumns =
        "e.key, e.kind, e.name, e.aliases, e.titles, e.iso, e.category, e.mention_count, e.article_count";

    public const string ArticleColumns =
        "a.key, a.title, a.url, a.source, a.dateline, a.published, a.language, a.file, a.text, a.ingested_at";

    public const string RelationColumns =
        "r.key, r.type, r.from_key, r.to_key, r.date, r.place_key, r.topic, r.verb, r.status, r.role, r.confidence";

    /// <summary>Names of the columns above once selected into a derived table (the same order).</summary>
    public const string EntityColumnNames = "key, kind, name, aliases, titles, iso, category, mention_count, article_count";

    public const string ArticleColumnNames = "key, title, url, source, dateline, published, language, file, text, ingested_at";

    public const string RelationColumnNames = "key, type, from_key, to_key, date, place_key, topic, verb, status, role, confidence";

    /// <summary>
    /// A relation's provenance as one JSON array of [article, evidence, sentence, confidence or null],
    /// correlated on a derived row named <c>page</c>; selected after paging so it is built only for
    /// returned rows. Unordered here (a sort per row): <c>SqliteRows.Relation</c> puts the items in the port's order.
    /// </summary>
    public const string PageRelationProvenance = """
        (SELECT json_group_array(json_array(p.article_key, p.evidence, p.sentence_index, p.confidence))
         FROM relation_provenance p WHERE p.relation_key = page.key)
        """;

    public const string SelectEntitiesByKeys =
        "SELECT " + EntityColumns + " FROM entities e WHERE e.key IN (SELECT value FROM json_each(@keys));";

    public const string SelectArticlesByKeys =
        "SELECT " + ArticleColumns + " FROM articles a WHERE a.key IN (SELECT value FROM json_each(@keys));";

    public const string SelectRelationsByKeys =
        "SELECT page.*, " + PageRelationProvenance + " FROM (SELECT " + RelationColumns +
        " FROM relations r WHERE r.key IN (SELECT value FROM json_each(@keys))) AS page;";

    // ---------------------------------------------------------------------------------------
    // Filters: fragments ANDed together by SqliteListQuery. They refer to the row aliases e, a, r.
    // ---------------------------------------------------------------------------------------

    public const string EntityKindIn = "e.kind IN (SELECT value FROM json_each(@kinds))";

    public const string EntityKindEquals = "e.kind = @kind";

    public const string EntityKeyIn = "e.key IN (SELECT value FROM json_each(@keys))";

    public const string EntityNameContains =
        "(instr(e.name_norm, @nameContains) > 0 OR instr(e.aliases_norm, @nameContains) > 0)";

    /// <summary>
    /// The same test for text of three characters or more: the trigram index finds the candidates
    /// (@nameMatch: rows with every trigram of a set covering the text) and <c>instr</c> decides,
    /// exactly as above.
    /// </summary>
    public const string EntityNameContainsIndexed =
        "e.id IN (SELECT rowid FROM entity_names WHERE entity_names MATCH @nameMatch) AND " + EntityNameContains;

    public const string EntityIsoEquals = "e.iso = @iso COLLATE NOCASE";

    public const string EntityCategoryEquals = "e.category = @category";

    /// <summary>Source and date bounds apply to one and the same mentioning article.</summary>
    public const string EntityMentionedIn = """
        EXISTS (SELECT 1 FROM entity_mentions fm JOIN articles fa ON fa.key = fm.article_key
                WHERE fm.entity_key = e.key
                  AND (@source IS NULL OR fa.source = @source)
                  AND (@mentionedFrom IS NULL OR fa.published >= @mentionedFrom)
                  AND (@mentionedTo IS NULL OR fa.published <= @mentionedTo))
        """;

    /// <summary>
    /// One <c>RelationExists</c> condition; <c>{0}</c> is a numeric suffix that keeps the
    /// parameters of several conditions apart, <c>{1}</c> is empty or <c>NOT</c>, and <c>{2}</c> the
    /// text condition on <c>x</c> (<see cref="RelationExistsTextScan"/>; indexed text uses <see cref="EntityRelationTextSetTemplate"/>).
    /// The entity may be either end, written as two probes — one on <c>ix_relations_from</c>, one on
    /// <c>ix_relations_to</c> — because a single <c>(from_key = e.key OR to_key = e.key)</c> makes
    /// SQLite scan every relation for every entity (45 s for <c>none</c> with a total on the corpus).
    /// </summary>
    public const string EntityRelationExistsTemplate = """
        {1} (EXISTS (SELECT 1 FROM relations x
                WHERE x.from_key = e.key AND x.type = @relType{0}
                  AND (@relCounterpart{0} IS NULL OR x.to_key = @relCounterpart{0})
                  AND (@relPlace{0} IS NULL OR x.place_key = @relPlace{0})
                  AND (@relStatus{0} IS NULL OR x.status = @relStatus{0})
                  AND {2})
             OR EXISTS (SELECT 1 FROM relations x
                WHERE x.to_key = e.key AND x.type = @relType{0}
                  AND (@relCounterpart{0} IS NULL OR x.from_key = @relCounterpart{0})
                  AND (@relPlace{0} IS NULL OR x.place_key = @relPlace{0})
                  AND (@relStatus{0} IS NULL OR x.status = @relStatus{0})
                  AND {2}))
        """;

    /// <summary>No text condition, or text too short for an index (a scan, which the API prices as one).</summary>
    public const string RelationExistsTextScan = """
        (@relText{0} IS NULL
         OR instr(x.topic_norm, @relText{0}) > 0
         OR (x.type = 'STATED' AND EXISTS (SELECT 1 FROM entities xc WHERE xc.key = x.to_key AND instr(xc.name_norm, @relText{0}) > 0)))
        """;

    /// <summary>
    /// One <c>RelationExists</c> condition with text of three characters or more, as a set: the
    /// entities at either end of the relations whose topic or claim the trigram indexes name,
    /// computed once per statement. Testing each entity for such a relation instead (as
    /// <see cref="EntityRelationExistsTemplate"/> does) cost ~0.5 s per request on the corpus graph
    /// when the text is common, because every person in name order was probed until a page filled.
    /// Four branches — claims and topics, either end — so that each is driven by an index (the claim
    /// keys through <c>ix_relations_to</c>, topic matches by key; <c>+x.type</c> keeps SQLite from
    /// preferring a scan of the type instead). <c>{0}</c> and <c>{1}</c> as there.
    /// </summary>
    public const string EntityRelationTextSetTemplate = """
        {1} (e.key IN (
            SELECT x.from_key FROM relations x
            WHERE x.to_key IN (SELECT xc.key FROM entities xc
                    WHERE xc.id IN (SELECT rowid FROM entity_names WHERE entity_names MATCH @relMatch{0}) AND instr(xc.name_norm, @relText{0}) > 0)
              AND x.type = 'STATED' AND @relType{0} = 'STATED' AND (@relCounterpart{0} IS NULL OR x.to_key = @relCounterpart{0})
              AND (@relPlace{0} IS NULL OR x.place_key = @relPlace{0}) AND (@relStatus{0} IS NULL OR x.status = @relStatus{0})
            UNION
            SELECT x.to_key FROM relations x
            WHERE x.to_key IN (SELECT xc.key FROM entities xc
                    WHERE xc.id IN (SELECT rowid FROM entity_names WHERE entity_names MATCH @relMatch{0}) AND instr(xc.name_norm, @relText{0}) > 0)
              AND x.type = 'STATED' AND @relType{0} = 'STATED' AND (@relCounterpart{0} IS NULL OR x.from_key = @relCounterpart{0})
              AND (@relPlace{0} IS NULL OR x.place_key = @relPlace{0}) AND (@relStatus{0} IS NULL OR x.status = @relStatus{0})
            UNION
            SELECT x.from_key FROM relations x
            WHERE x.key IN (SELECT rt.relation_key FROM relation_topics rt WHERE relation_topics MATCH @relMatch{0} AND instr(rt.topic_norm, @relText{0}) > 0)
              AND +x.type = @relType{0} AND (@relCounterpart{0} IS NULL OR x.to_key = @relCounterpart{0})
              AND (@relPlace{0} IS NULL OR x.place_key = @relPlace{0}) AND (@relStatus{0} IS NULL OR x.status = @relStatus{0})
            UNION
            SELECT x.to_key FROM relations x
            WHERE x.key IN (SELECT rt.relation_key FROM relation_topics rt WHERE relation_topics MATCH @relMatch{0} AND instr(rt.topic_norm, @relText{0}) > 0)
              AND +x.type = @relType{0} AND (@relCounterpart{0} IS NULL OR x.from_key = @relCounterpart{0})
              AND (@relPlace{0} IS NULL OR x.place_key = @relPlace{0}) AND (@relStatus{0} IS NULL OR x.status = @relStatus{0})))
        """;




    public const string RelationTypeIn = "r.type IN (SELECT value FROM json_each(@types))";

    public const string RelationTypeEquals = "r.type = @type";

    public const string RelationKeyIn = "r.key IN (SELECT value FROM json_each(@keys))";

    public const string RelationFromEquals = "r.from_key = @fromKey";

    public const string RelationToEquals = "r.to_key = @toKey";

    public const string RelationInvolves = "(r.from_key = @involvingKey OR r.to_key = @involvingKey)";

    public const string RelationPlaceEquals = "r.place_key = @placeKey";

    public const string RelationStatusEquals = "r.status = @status";

    /// <summary>
    /// The claim's text for STATED, the topic for MET (both normalized). Text shorter than a trigram
    /// cannot use an index: this scan is its only form, which the API prices as one.
    /// </summary>
    public const string RelationTextContains = """
        (instr(r.topic_norm, @textContains) > 0
         OR (r.type = 'STATED' AND EXISTS (SELECT 1 FROM entities rc WHERE rc.key = r.to_key AND instr(rc.name_norm, @textContains) > 0)))
        """;

    /// <summary>
    /// The same test for text of three characters or more: the relations whose topic or claim the
    /// trigram indexes name (@textMatch, see <see cref="FtsQuery.CoveringTrigrams"/>), then
    /// <c>instr</c> decides exactly as above. Both sets are small and computed once per statement.
    /// </summary>
    public const string RelationTextContainsIndexed = """
        (r.key IN (SELECT rt.relation_key FROM relation_topics rt WHERE relation_topics MATCH @textMatch AND instr(rt.topic_norm, @textContains) > 0)
         OR (r.type = 'STATED' AND r.to_key IN (SELECT rc.key FROM entities rc
                WHERE rc.id IN (SELECT rowid FROM entity_names WHERE entity_names MATCH @textMatch) AND instr(rc.name_norm, @textContains) > 0)))
        """;

    public const string RelationVerbEquals = "r.verb_norm = @verb";

    public const string RelationDateFrom = "r.effective_date >= @dateFrom";

    public const string RelationDateTo = "r.effective_date <= @dateTo";

    /// <summary>Confidence bounds: NULL (not scored) fails every comparison, so it never matches a bound.</summary>
    public const string RelationConfidenceAtLeast = "r.confidence >= @minConfidence";

    public const string RelationConfidenceAtMost = "r.confidence <= @maxConfidence";

    public const string RelationAssertedByArticle =
        "EXISTS (SELECT 1 FROM relation_provenance fp WHERE fp.relation_key = r.key AND fp.article_key = @articleKey)";

    public const string RelationAssertedBySource = """
        EXISTS (SELECT 1 FROM relation_provenance fp JOIN articles fa ON fa.key = fp.article_key
                WHERE fp.relation_key = r.key AND fa.source = @source)
        """;

    public const string ArticleKeyIn = "a.key IN (SELECT value FROM json_each(@keys))";

    public const string ArticleSourceEquals = "a.source = @source";

    /// <summary>Title or text contains (normalized). Shorter than a trigram: a scan, priced as one by the API.</summary>
    public const string ArticleTextContains = "(instr(a.title_norm, @textContains) > 0 OR instr(a.text_norm, @textContains) > 0)";

    /// <summary>The same test for three characters or more: the trigram index names the candidates, <c>instr</c> decides.</summary>
    public const string ArticleTextContainsIndexed = """
        a.key IN (SELECT ti.article_key FROM article_text_ids ti WHERE ti.id IN (SELECT rowid FROM article_text WHERE article_text MATCH @textMatch))
        AND (instr(a.title_norm, @textContains) > 0 OR instr(a.text_norm, @textContains) > 0)
        """;

    public const string ArticlePublishedFrom = "a.published >= @publishedFrom";

    public const string ArticlePublishedTo = "a.published <= @publishedTo";

    public const string ArticleMentions =
        "EXISTS (SELECT 1 FROM entity_mentions fm WHERE fm.article_key = a.key AND fm.entity_key = @mentionsKey)";

    // ---------------------------------------------------------------------------------------
    // Sources of lists: plain, and grouped by the keys of @groupKeys (column grp)
    // ---------------------------------------------------------------------------------------

    public const string EntitiesSource = "entities e";

    public const string ArticlesSource = "articles a";

    public const string RelationsSource = "relations r";

    public const string GroupKeys = "(SELECT DISTINCT value AS grp FROM json_each(@groupKeys)) g";

    public const string EntitiesInArticlesSource =
        GroupKeys + " JOIN entity_mentions gm ON gm.article_key = g.grp JOIN entities e ON e.key = gm.entity_key";

    public const string ArticlesMentioningSource =
        GroupKeys + " JOIN entity_mentions gm ON gm.entity_key = g.grp JOIN articles a ON a.key = gm.article_key";

    public const string RelationsByEndpointSource =
        GroupKeys + " JOIN relations r ON r.from_key = g.grp OR r.to_key = g.grp";

    public const string RelationsBySourceSource = GroupKeys + " JOIN relations r ON r.from_key = g.grp";

    public const string RelationsByTargetSource = GroupKeys + " JOIN relations r ON r.to_key = g.grp";

    public const string RelationsByArticleSource =
        GroupKeys + " JOIN relations r ON r.key IN (SELECT gp.relation_key FROM relation_provenance gp WHERE gp.article_key = g.grp)";

    // Sort expressions (all total once paired with the row key).
    public const string EntityNameSort = "e.name_norm";

    public const string EntityMentionsSort = "e.mention_count";

    public const string EntityArticlesSort = "e.article_count";

    public const string ArticlePublishedSort = "a.published_sort";

    public const string ArticleTitleSort = "a.title_norm";

    public const string RelationDateSort = "r.date_sort";

    public const string RelationArticlesSort = "r.article_count";

    public const string Ascending = "ASC";

    public const string Descending = "DESC";

    /// <summary>
    /// A page of a plain list: rows strictly past the cursor, in fetch order, one more than asked
    /// (to know whether there is more). {0} columns, {1} names of those columns, {2} sort
    /// expression, {3} key expression, {4} source, {5} filters, {6} cursor condition ("1" or a
    /// comparison), {7} direction, {8} extra columns on the paged rows (provenance) or "".
    /// </summary>
    public const string PageTemplate = """
        SELECT page.*{8} FROM (
            SELECT * FROM (SELECT {2} AS sort_value, {3} AS sort_key, {0} FROM {4} WHERE {5})
            WHERE {6}
            ORDER BY sort_value {7}, sort_key {7}
            LIMIT +@limit) AS page
        ORDER BY page.sort_value {7}, page.sort_key {7};
        """;


    /// <summary>Whether any row lies on the other side of the cursor (at it or before it). Same placeholders.</summary>
    public const string ExistsBeyondCursorTemplate = """
        SELECT EXISTS (SELECT 1 FROM (SELECT {2} AS sort_value, {3} AS sort_key FROM {4} WHERE {5}) WHERE {6});
        """;

    public const string CountTemplate = "SELECT count(*) FROM {4} WHERE {5};";

    /// <summary>The total of a list of entities filtered by kind only (or not at all), from the kept counts.</summary>
    public const string CountEntitiesOfKinds = """
        SELECT coalesce(sum(count), 0) FROM entity_kind_counts
        WHERE @kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds));
        """;

    /// <summary>The total of a list of relations filtered by type only (or not at all), from the kept counts.</summary>
    public const string CountRelationsOfTypes = """
        SELECT coalesce(sum(count), 0) FROM relation_type_counts
        WHERE @types IS NULL OR type IN (SELECT value FROM json_each(@types));
        """;

    public const string CursorAfter = "(sort_value, sort_key) > (@cursorSort, @cursorKey)";

    public const string CursorBefore = "(sort_value, sort_key) < (@cursorSort, @cursorKey)";

    public const string CursorAtOrBefore = "(sort_value, sort_key) <= (@cursorSort, @cursorKey)";

    public const string CursorAtOrAfter = "(sort_value, sort_key) >= (@cursorSort, @cursorKey)";

    public const string NoCursor = "1";

    /// <summary>
    /// Pages of a grouped list in one statement: every group key gets a row of counts (so groups
    /// with nothing on their page still say whether there is anything beyond the cursor), joined
    /// with its first rows past the cursor numbered by ROW_NUMBER over the group. Placeholders as
    /// in <see cref="PageTemplate"/>, and {9} the total count expression ("count(*)" or "NULL").
    /// </summary>
    public const string GroupedPageTemplate = """
        WITH src AS (
            SELECT g.grp AS grp, {2} AS sort_value, {3} AS sort_key, {0} FROM {4} WHERE {5}),
        win AS (
            SELECT src.*, CASE WHEN {6} THEN 1 ELSE 0 END AS in_window FROM src),
        stats AS (
            SELECT grp, {9} AS total, sum(in_window) AS in_count, min(in_window) AS all_in_window FROM win GROUP BY grp),
        ranked AS (
            SELECT win.*, row_number() OVER (PARTITION BY grp ORDER BY sort_value {7}, sort_key {7}) AS rn
            FROM win WHERE in_window = 1)
        SELECT stats.grp, stats.total, stats.in_count, stats.all_in_window, page.rn, page.sort_value, page.sort_key, {1}{8}
        FROM stats LEFT JOIN ranked AS page ON page.grp = stats.grp AND page.rn <= @limit
        ORDER BY stats.grp, page.rn;
        """;

    // ---------------------------------------------------------------------------------------
    // Export: articles back as the graphs that produced them (their contributions as stored)
    // ---------------------------------------------------------------------------------------

    /// <summary>One more than asked, so the caller knows whether a next page exists.</summary>
    public const string SelectExportArticles =
        "SELECT " + ArticleColumns + " FROM articles a WHERE (@after IS NULL OR a.key > @after) ORDER BY a.key LIMIT +@limit;";

    public const string ExistsArticleAtOrBefore = "SELECT EXISTS (SELECT 1 FROM articles WHERE key <= @after);";

    public const string CountArticles = "SELECT count(*) FROM articles;";

    public const string SelectExportMentions = """
        SELECT article_key, entity_key, kind, name, aliases, titles, iso, category, mention_count
        FROM entity_mentions
        WHERE article_key IN (SELECT value FROM json_each(@keys))
        ORDER BY article_key, entity_key;
        """;

    public const string SelectExportProvenance = """
        SELECT p.article_key, r.type, p.from_key, p.to_key, p.evidence, p.sentence_index, p.date, p.place_key, p.topic, p.verb, p.status, p.role, p.confidence
        FROM relation_provenance p JOIN relations r ON r.key = p.relation_key
        WHERE p.article_key IN (SELECT value FROM json_each(@keys))
        ORDER BY p.article_key, p.sentence_index, p.relation_key;
        """;

    // ---------------------------------------------------------------------------------------
    // Search, paths, aggregates
    // ---------------------------------------------------------------------------------------

    /// <summary>
    /// Full-text hits, best first: exact normalized name, then exact alias, then names starting
    /// with the query, then the rest, each tier by bm25 (names weigh more than aliases), then key.
    /// </summary>
    public const string SearchEntities = """
        SELECT e.key, e.kind, bm25(entity_search, 10.0, 4.0) AS rank,
               CASE WHEN e.name_norm = @exact THEN 0
                    WHEN instr(char(10) || e.aliases_norm || char(10), char(10) || @exact || char(10)) > 0 THEN 1
                    WHEN substr(e.name_norm, 1, length(@exact)) = @exact THEN 2
                    ELSE 3 END AS tier
        FROM entity_search JOIN entities e ON e.id = entity_search.rowid
        WHERE entity_search MATCH @match
          AND (@kinds IS NULL OR e.kind IN (SELECT value FROM json_each(@kinds)))
        ORDER BY tier, rank, e.key
        LIMIT +@first;
        """;

    public const string CountExistingNodes = "SELECT count(*) FROM entities WHERE key IN (@fromKey, @toKey);";

    /// <summary>Relations touching a BFS frontier, optionally of some types, in key order.</summary>
    public const string SelectFrontierRelations = """
        SELECT r.key, r.from_key, r.to_key FROM relations r
        WHERE r.from_key IN (SELECT value FROM json_each(@frontier))
          AND (@types IS NULL OR r.type IN (SELECT value FROM json_each(@types)))
        UNION
        SELECT r.key, r.from_key, r.to_key FROM relations r
        WHERE r.to_key IN (SELECT value FROM json_each(@frontier))
          AND (@types IS NULL OR r.type IN (SELECT value FROM json_each(@types)))
        ORDER BY 1;
        """;

    /// <summary>Articles, then the trigger-kept counts of entities by kind and relations by type.</summary>
    public const string SelectStats = """
        SELECT count(*) FROM articles;
        SELECT kind, count FROM entity_kind_counts WHERE count > 0;
        SELECT type, count FROM relation_type_counts WHERE count > 0;
        """;

    // Bucket starts for timelines; {0} is the date column.
    public const string DayBucket = "{0}";

    /// <summary>ISO weeks start on Monday: step forward to Sunday, then back six days.</summary>
    public const string WeekBucket = "date({0}, 'weekday 0', '-6 days')";

    public const string MonthBucket = "date({0}, 'start of month')";

    public const string RelationTimelineTemplate = """
        SELECT {0} AS bucket, count(*) FROM relations r
        WHERE r.type = @type AND r.effective_date IS NOT NULL
          AND (@from IS NULL OR r.effective_date >= @from)
          AND (@to IS NULL OR r.effective_date <= @to)
        GROUP BY bucket ORDER BY bucket;
        """;

    public const string ArticleTimelineTemplate = """
        SELECT {0} AS bucket, count(*) FROM articles a
        WHERE a.published IS NOT NULL
          AND (@from IS NULL OR a.published >= @from)
          AND (@to IS NULL OR a.published <= @to)
        GROUP BY bucket ORDER BY bucket;
        """;

    public const string RelationEffectiveDate = "r.effective_date";

    public const string ArticlePublished = "a.published";

    public const string TopEntitiesByMentions = """
        SELECT m.entity_key, sum(m.mention_count) AS value
        FROM entity_mentions m
        JOIN entities e ON e.key = m.entity_key
        JOIN articles a ON a.key = m.article_key
        WHERE (@kind IS NULL OR e.kind = @kind)
          AND (@from IS NULL OR a.published >= @from)
          AND (@to IS NULL OR a.published <= @to)
        GROUP BY m.entity_key
        HAVING value > 0
        ORDER BY value DESC, m.entity_key
        LIMIT +@first;
        """;

    /// <summary>
    /// Relations counted per endpoint: @types limits the types (NULL for all), @sourceOnly counts
    /// only the source end (statements by a speaker), and the dates keep relations asserted by at
    /// least one article published in range.
    /// </summary>
    public const string TopEntitiesByRelations = """
        WITH rel AS (
            SELECT r.key, r.from_key, r.to_key FROM relations r
            WHERE (@types IS NULL OR r.type IN (SELECT value FROM json_each(@types)))
              AND ((@from IS NULL AND @to IS NULL)
                   OR EXISTS (SELECT 1 FROM relation_provenance p JOIN articles a ON a.key = p.article_key
                              WHERE p.relation_key = r.key
                                AND (@from IS NULL OR a.published >= @from)
                                AND (@to IS NULL OR a.published <= @to)))),
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

    // Per-entity counts kept by the schema (v2) that rank undated topEntities; {0} in the templates below.
    public const string MentionCountColumn = "mention_count";

    public const string MeetingCountColumn = "meeting_count";

    public const string StatementCountColumn = "statement_count";

    public const string DegreeColumn = "degree";

    /// <summary>
    /// Top entities of one kind by a kept count (column {0}), most first, ties by key: an in-order
    /// range of the kind's <c>ix_entities_top_…</c> index, read only as far as @first rows.
    /// The same ranking as <see cref="TopEntitiesByMentions"/> and <see cref="TopEntitiesByRelations"/>
    /// without dates: a relation counts once per distinct end, a statement for its speaker.
    /// </summary>
    public const string TopEntitiesOfKindByCountTemplate = """
        SELECT e.key, e.{0} FROM entities e
        WHERE e.kind = @kind AND e.{0} > 0
        ORDER BY e.{0} DESC, e.key
        LIMIT +@first;
        """;

    /// <summary>
    /// The same over every kind: the first @first of each kind (one arm per kind, {1} joined by
    /// <see cref="UnionAll"/>), merged. {0} is the column, each arm's kind parameter is @kind followed by its index.
    /// </summary>
    public const string TopEntitiesByCountTemplate = """
        SELECT key, value FROM ({1})
        ORDER BY value DESC, key
        LIMIT +@first;
        """;

    /// <summary>One kind's arm of <see cref="TopEntitiesByCountTemplate"/>; {0} the column, {1} the arm's index.</summary>
    public const string TopEntitiesByCountArmTemplate = """
        SELECT * FROM (SELECT e.key AS key, e.{0} AS value FROM entities e
                       WHERE e.kind = @kind{1} AND e.{0} > 0 ORDER BY e.{0} DESC, e.key LIMIT +@first)
        """;

    public const string UnionAll = " UNION ALL ";

    public const string CoMentioned = """
        SELECT other.entity_key, count(*) AS value
        FROM entity_mentions self
        JOIN entity_mentions other ON other.article_key = self.article_key AND other.entity_key <> self.entity_key
        JOIN entities e ON e.key = other.entity_key
        WHERE self.entity_key = @key AND (@kind IS NULL OR e.kind = @kind)
        GROUP BY other.entity_key
        ORDER BY value DESC, other.entity_key
        LIMIT +@first;
        """;
}
