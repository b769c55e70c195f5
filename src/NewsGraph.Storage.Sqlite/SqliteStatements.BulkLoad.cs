namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// The bulk load of an empty store (<c>SqliteGraphStore.BeginBulkLoadAsync</c>): the indexes only reads use, and the
/// triggers that keep the entity full-text indexes, are put aside while the first corpus is written and made again
/// once at the end, a sorted build instead of an entry moved for every count change of every batch.
/// </summary>
internal static partial class SqliteStatements
{
    /// <summary>
    /// Indexes no write statement reads (the writer seeks by key, by an entity's mentions, by an article's assertions,
    /// by an article's bands and reprints; foreign keys look children up by <c>ix_relations_from</c> and <c>_to</c>): the
    /// lists, rankings and pages of reads. Names, never user input, so they may be spliced into the DROP statements.
    /// </summary>
    public static readonly string[] BulkLoadIndexes =
    [
        "ix_articles_published", "ix_articles_source", "ix_articles_title",
        "ix_entities_articles", "ix_entities_kind_name", "ix_entities_mentions", "ix_entities_name",
        "ix_entities_top_degree", "ix_entities_top_meetings", "ix_entities_top_mentions", "ix_entities_top_original_mentions",
        "ix_entities_top_statements",
        "ix_relations_articles", "ix_relations_date", "ix_relations_from_date", "ix_relations_to_date", "ix_relations_type_date",
        "ix_relations_type_effective",
    ];

    /// <summary>The entity full-text indexes' triggers: both indexes are external-content, so a rebuild reads them from <c>entities</c>.</summary>
    public static readonly string[] BulkLoadTriggers =
    [
        "entities_search_insert", "entities_search_delete", "entities_search_update",
        "entities_names_insert", "entities_names_delete", "entities_names_update",
    ];

    /// <summary>Whether the store holds no article and no entity: only then is a bulk load begun.</summary>
    public const string SelectGraphIsEmpty = "SELECT NOT EXISTS (SELECT 1 FROM articles) AND NOT EXISTS (SELECT 1 FROM entities);";

    /// <summary>
    /// What a bulk load put aside, kept in the file until it is made again, so a load that never ended (a crash, a kill)
    /// is finished by the next <c>InitializeAsync</c>. The table exists only during a bulk load.
    /// </summary>
    public const string CreateBulkLoadDeferred = "CREATE TABLE bulk_load_deferred (name TEXT NOT NULL PRIMARY KEY, sql TEXT NOT NULL);";

    public const string SelectBulkLoadPending = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'bulk_load_deferred';";

    /// <summary>Saves the definitions (as the schema holds them) of the named indexes and triggers: @names is a JSON array.</summary>
    public const string SaveBulkLoadDeferred = """
        INSERT INTO bulk_load_deferred (name, sql)
        SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND name IN (SELECT value FROM json_each(@names));
        """;

    /// <summary>Indexes first, then triggers, each in the order of the schema (<c>rowid</c> of the saved rows follows it).</summary>
    public const string SelectBulkLoadDeferred = "SELECT sql FROM bulk_load_deferred ORDER BY sql LIKE 'CREATE TRIGGER%', rowid;";

    /// <summary>Both entity full-text indexes read again from <c>entities</c>, whose rows the load wrote without them.</summary>
    public const string RebuildEntityFullText = """
        INSERT INTO entity_search (entity_search) VALUES ('rebuild');
        INSERT INTO entity_names (entity_names) VALUES ('rebuild');
        """;

    public const string DropBulkLoadDeferred = "DROP TABLE bulk_load_deferred;";
}
