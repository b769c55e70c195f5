namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// Every SQL statement and fragment the store runs, each named for what it does. Values are
/// always bound as parameters; the only text ever spliced into SQL is another constant of this
/// file (a fragment, a column, a sort direction) or a parameter name made from an index.
/// Lists of keys travel as one JSON-array parameter read with <c>json_each</c>, so a call costs
/// one statement whatever the number of keys. A batch's rows travel as a JSON array of arrays read
/// with <c>jsonb_each</c>, each column taken by <c>j.value -&gt;&gt; N</c>: <c>json_each</c> gave each row
/// back as JSON text, which every <c>-&gt;&gt;</c> parsed again (an article row carries its text twice);
/// <c>jsonb_each</c> gives it as the binary form the array was parsed into, read in place. The same
/// values come out (issue 13, ninth round).
/// <para>
/// Limits are written <c>LIMIT +@name</c>, never <c>LIMIT @name</c>: SQLite offers a bare parameter
/// limit to the virtual tables of the statement (json_each, FTS5) and then recompiles the statement
/// every time the parameter is bound — the name lookup ran ~15 µs of work after ~30 µs of
/// recompiling. The unary plus makes it an expression, so a prepared statement stays prepared.
/// </para>
/// </summary>
internal static partial class SqliteStatements
{
    /// <summary>The schema version this build writes; <see cref="Migrations"/> brings a file up to it.</summary>
    public const int SchemaVersion = 14;

    // ---------------------------------------------------------------------------------------
    // Lookups by key
    // ---------------------------------------------------------------------------------------

    public const string EntityColumns =
        "e.key, e.kind, e.name, e.aliases, e.titles, e.iso, e.category, e.mention_count, e.article_count";

    public const string ArticleColumns =
        "a.key, a.title, a.url, a.source, a.dateline, a.published, a.language, a.file, a.text, a.ingested_at";

    public const string RelationColumns =
        "r.key, r.type, r.from_key, r.to_key, r.date, r.place_key, r.topic, r.verb, r.status, r.role, r.confidence, r.date_precision, r.date_source";

    /// <summary>Names of the columns above once selected into a derived table (the same order).</summary>
    public const string EntityColumnNames = "key, kind, name, aliases, titles, iso, category, mention_count, article_count";

    public const string ArticleColumnNames = "key, title, url, source, dateline, published, language, file, text, ingested_at";

    public const string RelationColumnNames = "key, type, from_key, to_key, date, place_key, topic, verb, status, role, confidence, date_precision, date_source";

    /// <summary>
    /// A relation's provenance as one JSON array of [article, evidence, sentence, confidence or null,
    /// date, date precision, date source (each null when the assertion has none)],
    /// correlated on a derived row named <c>page</c>; selected after paging so it is built only for
    /// returned rows. Unordered here (a sort per row): <c>SqliteRows.Relation</c> puts the items in the port's order.
    /// </summary>
    public const string PageRelationProvenance = """
        (SELECT json_group_array(json_array(p.article_key, p.evidence, p.sentence_index, p.confidence, p.date, p.date_precision, p.date_source))
         FROM relation_provenance p WHERE p.relation_key = page.key)
        """;

    /// <summary>
    /// The provenance column when the caller reads none (<c>RelationQuery.WithoutProvenance</c>): NULL,
    /// which <c>SqliteRows.Relation</c> reads as an empty list. A hub's 100 relations carry some 600
    /// assertions, 84,000 characters of evidence: building, parsing and transcoding them was 2 of 3 ms
    /// of the page's CPU on the 100,000-article graph.
    /// </summary>
    public const string NoProvenance = "NULL";

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
    /// <summary>How many names hold one trigram (<c>TrigramFrequencies</c>: which trigrams a name lookup matches on).</summary>
    public const string CountNamesWithTrigram = "SELECT count(*) FROM entity_names WHERE entity_names MATCH @match;";

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
    /// Pages of a grouped list in one statement: every group key gets a row (so groups with nothing
    /// on their page still say whether there is anything beyond the cursor), joined with its first
    /// rows past the cursor — one more than the page — numbered by ROW_NUMBER over the group.
    /// Columns: group key, total, whether no row lies beyond the cursor, then the sort value, key and
    /// columns of a page row. Placeholders as in <see cref="PageTemplate"/>, and {9} the total count
    /// expression ("count(*)" or "NULL").
    /// </summary>
    public const string GroupedPageTemplate = """
        WITH src AS (
            SELECT g.grp AS grp, {2} AS sort_value, {3} AS sort_key, {0} FROM {4} WHERE {5}),
        win AS (
            SELECT src.*, CASE WHEN {6} THEN 1 ELSE 0 END AS in_window FROM src),
        stats AS (
            SELECT grp, {9} AS total, min(in_window) AS all_in_window FROM win GROUP BY grp),
        ranked AS (
            SELECT win.*, row_number() OVER (PARTITION BY grp ORDER BY sort_value {7}, sort_key {7}) AS rn
            FROM win WHERE in_window = 1)
        SELECT stats.grp, stats.total, stats.all_in_window, page.sort_value, page.sort_key, {1}{8}
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

    /// <summary>The trigger-kept total (<see cref="ArticleCountsV14"/>).</summary>
    public const string CountArticles = "SELECT articles FROM article_counts WHERE id = 1;";

    public const string SelectExportMentions = """
        SELECT article_key, entity_key, kind, name, aliases, titles, iso, category, mention_count
        FROM entity_mentions
        WHERE article_key IN (SELECT value FROM json_each(@keys))
        ORDER BY article_key, entity_key;
        """;

    public const string SelectExportProvenance = """
        SELECT p.article_key, r.type, p.from_key, p.to_key, p.evidence, p.sentence_index, p.date, p.place_key, p.topic, p.verb, p.status, p.role, p.confidence,
            p.date_precision, p.date_source
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
        SELECT r.key, r.from_key, r.to_key, r.type FROM relations r
        WHERE r.from_key IN (SELECT value FROM json_each(@frontier))
          AND (@types IS NULL OR r.type IN (SELECT value FROM json_each(@types)))
        UNION
        SELECT r.key, r.from_key, r.to_key, r.type FROM relations r
        WHERE r.to_key IN (SELECT value FROM json_each(@frontier))
          AND (@types IS NULL OR r.type IN (SELECT value FROM json_each(@types)))
        ORDER BY 1;
        """;

    // Bucket starts for timelines; {0} is the date column.
    public const string DayBucket = "{0}";

    /// <summary>ISO weeks start on Monday: step forward to Sunday, then back six days.</summary>
    public const string WeekBucket = "date({0}, 'weekday 0', '-6 days')";

    public const string MonthBucket = "date({0}, 'start of month')";

    public const string RelationEffectiveDate = "r.effective_date";

    public const string ArticlePublished = "a.published";

    // Per-entity counts kept by the schema (v2, counting originals only since v9) that rank undated topEntities; {0} in the templates below.
    public const string MentionCountColumn = "original_mention_count";

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
}
