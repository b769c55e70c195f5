namespace NewsGraph.Storage.Sqlite;

/// <summary>The schema and its migrations, version by version (the rules every statement follows are on the main part).</summary>
internal static partial class SqliteStatements
{
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
    /// Set once on every read session.
    /// <list type="bullet">
    /// <item><c>temp_store = MEMORY</c>: sorts, DISTINCT lists and materialized CTEs use temporary
    /// b-trees; file-backed ones (the default) set up a pager and its first cache pages on every
    /// statement run (~45 µs, most of a small page query). Ours stay small: sorts are bounded by
    /// LIMIT, groups by one entity's relations.</item>
    /// <item><c>cache_size = -16384</c> (16 MiB instead of 2 MiB): a hub's neighbourhood touches some
    /// hundreds of pages (its relations, their assertions, a hundred entities and their key index),
    /// more than 2 MiB hold, so every read fetched them again from the OS — a pread and a copy per
    /// page, a third of the server's CPU under load on the 100,000-article graph. With 16 MiB the
    /// hub's relation page took 2.0 ms of thread CPU instead of 3.0, its nodes 0.48 instead of 0.84
    /// (profiling harness, p50 of 800). At most <c>SqliteReadSessions.MaxIdle</c> sessions keep
    /// one. Memory-mapped reads were as fast but map at most 2 GiB in this SQLite build and would
    /// turn a file truncated under the server (VACUUM from another process) into a crash.</item>
    /// </list>
    /// </summary>
    public const string ReadSessionPragmas = "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384;";

    /// <summary>
    /// Set on the writer's connection before each write batch (a pooled connection keeps them; setting
    /// them again costs microseconds). The file itself is in WAL mode (<see cref="EnableWriteAheadLog"/>):
    /// readers — a running server — go on reading the last commit while a batch is written, and a
    /// commit appends pages to one file instead of writing a rollback journal and the database.
    /// <list type="bullet">
    /// <item><c>synchronous = NORMAL</c>: in WAL mode a commit no longer waits for the WAL to reach the
    /// disk (checkpoints still sync). A killed process loses nothing committed; a power cut or OS crash
    /// may lose the last commits since the last checkpoint but never corrupts the file, and ingest is
    /// idempotent, so running it again restores them. FULL cost one fsync per batch.</item>
    /// <item><c>cache_size = -131072</c> (128 MiB instead of 2 MiB): the pages every batch comes back
    /// to — index interiors, hub rows, the segment each full-text index is building — stay in the
    /// writer's cache instead of being read back from the OS each batch. It bounds the writer's share
    /// of the ingest's resident memory (peak RSS 336 MB over the 30,640-article corpus at schema version 8;
    /// 404–434 MB since the rows of a batch are written as JSON, see <c>SqliteContributionRows</c>).</item>
    /// <item><c>wal_autocheckpoint = 0</c>: the writer does not checkpoint at its commits;
    /// <see cref="SqliteWalCheckpointer"/> does, on a thread and a connection of its own, while the writer
    /// fills its next transaction. With a checkpoint at every 64 MiB of log (<c>wal_autocheckpoint = 16384</c>,
    /// which had replaced the default 4 MiB, a checkpoint after nearly every batch) each commit of ~1,000
    /// articles (~100 MB of pages) also copied its pages into the database file and synced both files
    /// before the writer went on: 28.6 s of commits in a ~105 s corpus load. The log must still start over
    /// now and then, which SQLite does only when a write transaction begins with all of it copied back, so
    /// once <see cref="SqliteWalCheckpointer.DefaultRestartPages"/> pages (512 MiB) were written since it
    /// last did, the writer copies its last commit itself (~0.85 s each on this machine, loaded). Over the
    /// corpus (32 commits, about 3.2 GB of pages written to the log): at 256 MiB the writer did so 12 times
    /// (10.0 s) and the log reached 390 MB; at 1 GiB 3 times (2.6 s) and 1,200 MB. 512 MiB keeps the log
    /// under about 750 MB (the limit and up to two commits) for ~6 copies. Commits themselves, writing
    /// the log alone: 12–15 s.</item>
    /// <item><c>journal_size_limit = -1</c>: when the log starts over, the file keeps its size and the next commits
    /// write over its pages. Until issue 13's tenth round the limit was 64 MiB, so each restart truncated the file and
    /// the following commits grew it again, and a file growing by frames of 4,120 bytes (a page and its header) makes
    /// the kernel allocate and zero every new 4 KiB block it half-covers: 1.6 s of the writer thread's 29.7 s in a
    /// <c>perf</c> of the corpus (<c>__pi_memset</c> under <c>pwrite64</c>), 1–2 s of system time in all. The log is no
    /// larger at its peak (the restart bounds it, not the limit: tested); it only stays at that size on disk, up to
    /// about 750 MB after a corpus load, until the last connection closes and SQLite deletes it.</item>
    /// <item><c>temp_store = MEMORY</c>: as for reads.</item>
    /// </list>
    /// </summary>
    public const string WriterPragmas =
        "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = -1; PRAGMA temp_store = MEMORY;";

    /// <summary>
    /// The checkpointer's connection (<see cref="SqliteWalCheckpointer"/>): as durable as the writer's, so a
    /// checkpoint syncs the log before copying it and the database file after.
    /// </summary>
    public const string CheckpointerPragmas = "PRAGMA synchronous = NORMAL;";

    /// <summary>
    /// Copies the committed pages of the log into the database file as far as no reader needs them, without
    /// waiting for the writer or readers; one row: busy (1 when another checkpoint held the lock), pages in
    /// the log, pages copied back.
    /// </summary>
    public const string CheckpointPassive = "PRAGMA wal_checkpoint(PASSIVE);";

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
    /// one transaction with their <c>schema_version</c> rows, so a step is applied whole or not at all:
    /// first every step's statements, then their C# parts (<c>SqliteMigrations</c>) in version order, so
    /// that those, which are this build's code, meet this build's tables.
    /// </summary>
    public static IReadOnlyList<(int Version, string[] Statements)> Migrations { get; } =
    [
        (1, [CreateSchemaV1, CreateSearchIndexV1]),
        (2, [CreateReadIndexesV2]),
        (3, [CreateTextIndexesV3]),
        (4, [AddConfidenceV4]),
        (5, [IncrementalMergeV5]),
        (6, [AddDatePrecisionAndSourceV6]),
        (7, [CreateFollowedSourcesV7]),
        (8, [AddReprintsV8]),
        (9, [AddReprintCountsV9]),
        (10, [ArticleBandIdsV10]),
        (11, [CreateRelationWalkIndexesV11]),
        (12, [OriginalCountsWithMergedRowsV12]),
        (13, [ReprintBandsOfOriginalsV13]),
        (14, [ArticleCountsV14]),
    ];

    /// <summary>
    /// Version 7, the followers' bookkeeping (<c>ISourceStateStore</c>): one row per followed feed or
    /// folder (validators, last success and failure, backoff) and one per item it handed over with
    /// the hash of its content, so a restarted follower skips what it ingested and sees what changed.
    /// Times are ISO 8601 text with offset. No foreign key: an item may be marked before its source's
    /// state is first saved.
    /// </summary>
    public const string CreateFollowedSourcesV7 = """
        CREATE TABLE IF NOT EXISTS followed_sources (
            id                   TEXT    NOT NULL PRIMARY KEY,
            kind                 TEXT    NOT NULL,
            location             TEXT    NOT NULL,
            etag                 TEXT,
            last_modified        TEXT,
            last_success         TEXT,
            last_failure         TEXT,
            last_error           TEXT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            next_attempt         TEXT
        );
        CREATE TABLE IF NOT EXISTS followed_items (
            source_id    TEXT NOT NULL,
            item_key     TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            seen_at      TEXT NOT NULL,
            PRIMARY KEY (source_id, item_key)
        ) WITHOUT ROWID;
        """;

    // ---------------------------------------------------------------------------------------
    // Followed sources
    // ---------------------------------------------------------------------------------------

    public const string SelectSourceStates = """
        SELECT s.id, s.kind, s.location, s.etag, s.last_modified, s.last_success, s.last_failure, s.last_error,
               s.consecutive_failures, s.next_attempt,
               (SELECT count(*) FROM followed_items i WHERE i.source_id = s.id) AS items_seen
        FROM followed_sources s
        ORDER BY s.id;
        """;

    public const string UpsertSourceState = """
        INSERT INTO followed_sources (id, kind, location, etag, last_modified, last_success, last_failure, last_error, consecutive_failures, next_attempt)
        VALUES (@id, @kind, @location, @etag, @lastModified, @lastSuccess, @lastFailure, @lastError, @consecutiveFailures, @nextAttempt)
        ON CONFLICT (id) DO UPDATE SET
            kind = excluded.kind, location = excluded.location, etag = excluded.etag, last_modified = excluded.last_modified,
            last_success = excluded.last_success, last_failure = excluded.last_failure, last_error = excluded.last_error,
            consecutive_failures = excluded.consecutive_failures, next_attempt = excluded.next_attempt;
        """;

    public const string SelectSeenItems = """
        SELECT item_key, content_hash FROM followed_items
        WHERE source_id = @sourceId AND item_key IN (SELECT value FROM json_each(@itemKeys));
        """;

    public const string UpsertSeenItem = """
        INSERT INTO followed_items (source_id, item_key, content_hash, seen_at) VALUES (@sourceId, @itemKey, @contentHash, @seenAt)
        ON CONFLICT (source_id, item_key) DO UPDATE SET content_hash = excluded.content_hash, seen_at = excluded.seen_at;
        """;

    /// <summary>
    /// Version 6, how a relation's date was found: <c>date_precision</c> (DAY, MONTH, YEAR) and
    /// <c>date_source</c> (SENTENCE: its sentence gave it; ARTICLE: its article's date) on each assertion
    /// and on the merged relation, which takes all three from the first assertion that has a date.
    /// Rows written before version 6 stay NULL (precision and source unknown, as a store given
    /// relations without them keeps them) until their article is ingested again: the extraction
    /// output changed, so the content hash did, and each article is rewritten, not skipped.
    /// </summary>
    public const string AddDatePrecisionAndSourceV6 = """
        ALTER TABLE relation_provenance ADD COLUMN date_precision TEXT CHECK (date_precision IN ('DAY', 'MONTH', 'YEAR'));
        ALTER TABLE relation_provenance ADD COLUMN date_source TEXT CHECK (date_source IN ('SENTENCE', 'ARTICLE'));
        ALTER TABLE relations ADD COLUMN date_precision TEXT CHECK (date_precision IN ('DAY', 'MONTH', 'YEAR'));
        ALTER TABLE relations ADD COLUMN date_source TEXT CHECK (date_source IN ('SENTENCE', 'ARTICLE'));
        """;

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

    /// <summary>
    /// Version 5, merged rows kept incrementally (adding or removing an article costs O(1) updates
    /// per entity and relation it touches, however many articles those already have):
    /// <list type="bullet">
    /// <item><c>entity_labels</c>: for each entity, each alias (list 0) and title (1) with the number of
    /// articles that give it. An entity's lists are the labels with a count above zero, so taking an
    /// article out never needs the other articles' mentions.</item>
    /// <item><c>relations.first_published</c>: the earliest publication date of the asserting articles
    /// (the effective date of an undated relation).</item>
    /// <item><c>relations.conf_log</c>, <c>conf_scored</c>, <c>conf_certain</c>: the confidence tally
    /// (<c>ConfidenceTally</c> in Core): the noisy-or as an integer sum that articles add to and
    /// subtract from exactly. The migration fills it in from the stored assertions
    /// (<c>SqliteMigrations.FillConfidenceTalliesAsync</c>: the log needs C#) and rewrites
    /// <c>confidence</c> from it, which rounds merged confidences to 9 decimals.</item>
    /// </list>
    /// </summary>
    public const string IncrementalMergeV5 = """
        CREATE TABLE IF NOT EXISTS entity_labels (
            entity_key TEXT    NOT NULL,
            list       INTEGER NOT NULL,
            value      TEXT    NOT NULL,
            refs       INTEGER NOT NULL,
            PRIMARY KEY (entity_key, list, value)
        ) WITHOUT ROWID;
        DELETE FROM entity_labels;
        INSERT INTO entity_labels (entity_key, list, value, refs)
            SELECT entity_key, list, value, count(*) FROM (
                SELECT DISTINCT m.article_key, m.entity_key, 0 AS list, j.value AS value FROM entity_mentions m, json_each(m.aliases) j
                UNION ALL
                SELECT DISTINCT m.article_key, m.entity_key, 1, j.value FROM entity_mentions m, json_each(m.titles) j)
            GROUP BY entity_key, list, value;

        ALTER TABLE relations ADD COLUMN first_published TEXT;
        ALTER TABLE relations ADD COLUMN conf_log INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE relations ADD COLUMN conf_scored INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE relations ADD COLUMN conf_certain INTEGER NOT NULL DEFAULT 0;
        UPDATE relations SET first_published =
            (SELECT min(a.published) FROM relation_provenance p JOIN articles a ON a.key = p.article_key WHERE p.relation_key = relations.key);
        """;

    /// <summary>Every scored assertion's confidence by relation, for the version 5 migration's tallies.</summary>
    public const string SelectScoredAssertions = """
        SELECT relation_key, confidence FROM relation_provenance WHERE confidence IS NOT NULL ORDER BY relation_key;
        """;

    public const string UpdateConfidenceTally = """
        UPDATE relations SET confidence = @confidence, conf_log = @confLog, conf_scored = @confScored, conf_certain = @confCertain
        WHERE key = @key;
        """;
}
