namespace NewsGraph.Storage.Sqlite;

/// <summary>Reprint linking (<c>Core/Storage/ReprintLinks</c>): the version 8 schema, its reads and its writes.</summary>
internal static partial class SqliteStatements
{
    /// <summary>
    /// Version 8, reprints: each article's text fingerprint (<c>TextFingerprint.Encode</c>, NULL when
    /// the text is too short) and the original it is a reprint of; <c>article_bands</c> indexes the
    /// fingerprints' band keys so an arriving article finds its candidates by key, never by a scan.
    /// The migration fingerprints and links the articles already stored (<c>SqliteMigrations</c>).
    /// </summary>
    public const string AddReprintsV8 = """
        ALTER TABLE articles ADD COLUMN fingerprint TEXT;
        ALTER TABLE articles ADD COLUMN reprint_of TEXT;
        CREATE INDEX IF NOT EXISTS ix_articles_reprint_of ON articles (reprint_of);
        CREATE TABLE IF NOT EXISTS article_bands (
            band_key    TEXT NOT NULL,
            article_key TEXT NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
            PRIMARY KEY (band_key, article_key)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_article_bands_article ON article_bands (article_key);
        """;

    /// <summary>Every stored article's text, earliest stored first, for the version 8 migration.</summary>
    public const string SelectArticleTextsInStoredOrder = "SELECT key, text FROM articles ORDER BY ingested_at, key;";

    public const string SelectReprintStates = """
        SELECT key, reprint_of, ingested_at, fingerprint FROM articles WHERE key IN (SELECT value FROM json_each(@keys));
        """;

    public const string SelectReprintsOf = """
        SELECT key, reprint_of, ingested_at, fingerprint FROM articles WHERE reprint_of IN (SELECT value FROM json_each(@keys));
        """;

    /// <summary>
    /// The stored originals sharing a band key with the given ones. Since version 13 only originals' bands
    /// are indexed (<see cref="ReprintBandsOfOriginalsV13"/>); the test on <c>reprint_of</c> states what is asked.
    /// Its unary plus keeps the planner off <c>ix_articles_reprint_of</c>: through it, "IS NULL" walked every
    /// original to test its key against the list (0.4 s a batch at 100,000 articles), where the keys are a
    /// few hundred seeks.
    /// </summary>
    public const string SelectBandCandidates = """
        SELECT key, reprint_of, ingested_at, fingerprint FROM articles
        WHERE key IN (SELECT i.article_key FROM article_bands b JOIN article_text_ids i ON i.id = b.article_id
                      WHERE b.band_key IN (SELECT value FROM json_each(@keys)))
          AND +reprint_of IS NULL;
        """;

    /// <summary>The links touching the given articles: theirs to an original, and their reprints' to them.</summary>
    public const string SelectReprintLinks = """
        SELECT key, reprint_of, ingested_at FROM articles WHERE key IN (SELECT value FROM json_each(@keys)) AND reprint_of IS NOT NULL
        UNION
        SELECT key, reprint_of, ingested_at FROM articles WHERE reprint_of IN (SELECT value FROM json_each(@keys));
        """;

    public const string UpdateFingerprint = "UPDATE articles SET fingerprint = @fingerprint, reprint_of = @reprintOf WHERE key = @key;";

    public const string UpdateReprintOf = "UPDATE articles SET reprint_of = @reprintOf WHERE key = @key;";

    /// <summary>The band keys of the given articles (@keys, a JSON array), all in one statement.</summary>
    public const string DeleteArticlesBands = """
        DELETE FROM article_bands WHERE article_id IN (SELECT id FROM article_text_ids WHERE article_key IN (SELECT value FROM json_each(@keys)));
        """;

    /// <summary>The integer ids (<c>article_text_ids.id</c>) of the given stored articles (@keys, a JSON array): [key, id] rows.</summary>
    public const string SelectArticleTextIds = """
        SELECT article_key, id FROM article_text_ids WHERE article_key IN (SELECT value FROM json_each(@keys));
        """;

    /// <summary>
    /// Articles' band keys under their integer ids (the article rows, and with them their ids, are stored
    /// first and read once per article by <see cref="SelectArticleTextIds"/>), a batch's in one statement:
    /// @rows is a JSON array of [band key, article id], sorted by band key and id so the inserts walk the
    /// primary key's b-tree in order instead of seeking 32 random places per article, one statement per
    /// article. The rows carried the article key, joined to its id here, until issue 13's ninth round:
    /// a seek in the key index for every band row, 32 per article.
    /// </summary>
    public const string InsertArticlesBands = """
        INSERT INTO article_bands (band_key, article_id)
        SELECT j.value ->> 0, j.value ->> 1 FROM jsonb_each(CAST(@rows AS TEXT)) j WHERE true
        ON CONFLICT (band_key, article_id) DO NOTHING;
        """;

    /// <summary>
    /// Version 10, band keys under the article's integer id (<c>article_text_ids.id</c>, kept with every
    /// article by trigger since version 3) instead of its key: article keys are URLs (~100 bytes), so each
    /// of an article's 32 band rows, in the table and in its second index, carried one; the two b-trees
    /// were 84 MB of a 371 MB file at 12,000 articles (22 MB now), and every arriving article inserts 32 rows at
    /// random places in each. The rows are the same pairs; a removed article's rows still go with it
    /// (its id row is deleted by trigger, and the bands by cascade).
    /// </summary>
    public const string ArticleBandIdsV10 = """
        CREATE TABLE article_bands_v10 (
            band_key   TEXT    NOT NULL,
            article_id INTEGER NOT NULL REFERENCES article_text_ids (id) ON DELETE CASCADE,
            PRIMARY KEY (band_key, article_id)
        ) WITHOUT ROWID;
        INSERT INTO article_bands_v10 (band_key, article_id)
            SELECT b.band_key, i.id FROM article_bands b JOIN article_text_ids i ON i.article_key = b.article_key;
        DROP TABLE article_bands;
        ALTER TABLE article_bands_v10 RENAME TO article_bands;
        CREATE INDEX ix_article_bands_article_id ON article_bands (article_id);
        """;

    /// <summary>
    /// Version 13, bands of originals only: an arriving article is only ever linked to an original, yet every
    /// reprint's 32 band rows were kept, so each new copy of a story read every earlier copy as a candidate
    /// (its row, fingerprint at the end, past the text) — a cost growing with the number of copies. A reprint
    /// handed on to be an original gets its bands then (<c>ReprintPlan.Promoted</c>).
    /// </summary>
    public const string ReprintBandsOfOriginalsV13 = """
        DELETE FROM article_bands WHERE article_id IN
            (SELECT i.id FROM article_text_ids i JOIN articles a ON a.key = i.article_key WHERE a.reprint_of IS NOT NULL);
        """;
}
