namespace NewsGraph.Storage.Sqlite;

/// <summary>The write path: each article's contribution, and the O(1) updates of the merged rows it touches.</summary>
internal static partial class SqliteStatements
{
    // ---------------------------------------------------------------------------------------
    // Contributions: one article's rows, read (to take them out) and written
    // ---------------------------------------------------------------------------------------

    /// <summary>
    /// The stored hash (unchanged or not), publication date (earliest dates of relations) and whether it
    /// is an original (its new contributions count in the original counts) of each article.
    /// </summary>
    public const string SelectStoredArticles = """
        SELECT key, content_hash, published, reprint_of IS NULL FROM articles WHERE key IN (SELECT value FROM json_each(@keys));
        """;

    public const string SelectExistingEntityKeys = """
        SELECT key FROM entities WHERE key IN (SELECT value FROM json_each(@keys));
        """;

    public const string SelectExistingRelationKeys = """
        SELECT key FROM relations WHERE key IN (SELECT value FROM json_each(@keys));
        """;

    /// <summary>One article's mentions as stored, to take them out of the entities they count in.</summary>
    public const string SelectArticleMentions = """
        SELECT entity_key, aliases, titles, iso IS NOT NULL, category IS NOT NULL, mention_count
        FROM entity_mentions WHERE article_key = @articleKey;
        """;

    /// <summary>
    /// One article's assertions as stored, to take them out of their relations: the confidence (the
    /// tally subtracts it) and which properties it gave (only those can stop being the first non-null).
    /// </summary>
    public const string SelectArticleAssertions = """
        SELECT relation_key, confidence, date IS NOT NULL, place_key IS NOT NULL, topic IS NOT NULL, verb IS NOT NULL,
               status IS NOT NULL, role IS NOT NULL
        FROM relation_provenance WHERE article_key = @articleKey;
        """;

    /// <summary>
    /// A batch's articles, inserted or replacing the stored row: @rows is a JSON array of [key, title, url,
    /// source, dateline, published, language, file, text, ingested_at, content_hash, title_norm, text_norm,
    /// fingerprint, reprint_of], written in its order. One statement for the batch, so the text index trigger's rows reach FTS5
    /// together (see <c>SqliteContributionRows</c>). <c>WHERE true</c>: an upsert from a SELECT needs a WHERE.
    /// A new row gets its fingerprint and planned link now, so reprint linking need not rewrite the whole
    /// row (its text twice) to set them; a stored row keeps the ones it had until linking, which compares
    /// the two (<c>SqliteReprints</c>).
    /// </summary>
    public const string UpsertArticles = """
        INSERT INTO articles (key, title, url, source, dateline, published, language, file, text, ingested_at, content_hash, title_norm, text_norm,
            fingerprint, reprint_of)
        SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6,
               j.value ->> 7, j.value ->> 8, j.value ->> 9, j.value ->> 10, j.value ->> 11, j.value ->> 12, j.value ->> 13, j.value ->> 14
        FROM jsonb_each(CAST(@rows AS TEXT)) j WHERE true
        ON CONFLICT (key) DO UPDATE SET
            title = excluded.title, url = excluded.url, source = excluded.source, dateline = excluded.dateline,
            published = excluded.published, language = excluded.language, file = excluded.file, text = excluded.text,
            ingested_at = excluded.ingested_at, content_hash = excluded.content_hash,
            title_norm = excluded.title_norm, text_norm = excluded.text_norm;
        """;

    /// <summary>An article and, by cascade, its mentions and assertions (and its text index row, by trigger).</summary>
    public const string DeleteArticle = "DELETE FROM articles WHERE key = @key;";

    public const string DeleteArticleMentions = "DELETE FROM entity_mentions WHERE article_key = @articleKey;";

    public const string DeleteArticleProvenance = "DELETE FROM relation_provenance WHERE article_key = @articleKey;";

    /// <summary>
    /// Empty merged rows (counts 0) so contributions can reference them; the merge fills them in. @rows is
    /// a JSON array of [key, kind, name, name_norm]: the first row of a key that is missing makes it.
    /// </summary>
    public const string InsertEntitiesIfMissing = """
        INSERT INTO entities (key, kind, name, name_norm)
        SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3 FROM jsonb_each(CAST(@rows AS TEXT)) j WHERE true
        ON CONFLICT (key) DO NOTHING;
        """;

    /// <summary>
    /// Entities a batch brings into being, with their merged values (<c>SqliteNewEntities</c>), in one statement and in
    /// the order their placeholders would have been inserted (so they get the same ids): @rows is a JSON array of [key,
    /// kind, name, name_norm, aliases (JSON), aliases_norm, titles (JSON), iso, category, mention count, article count,
    /// mentions put in by originals].
    /// </summary>
    public const string InsertNewEntities = """
        INSERT INTO entities (key, kind, name, name_norm, aliases, aliases_norm, titles, iso, category, mention_count, article_count,
            original_mention_count)
        SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7,
               j.value ->> 8, j.value ->> 9, j.value ->> 10, j.value ->> 11
        FROM jsonb_each(CAST(@rows AS TEXT)) j;
        """;

    /// <summary>
    /// The label reference counts of entities a batch brings into being, in one statement: @rows is a JSON array of
    /// [entity, list, value, refs]. Added to any row already there, as <see cref="AddEntityLabelReferences"/> does.
    /// </summary>
    public const string AddNewEntityLabels = """
        INSERT INTO entity_labels (entity_key, list, value, refs)
        SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3 FROM jsonb_each(CAST(@rows AS TEXT)) j WHERE true
        ON CONFLICT (entity_key, list, value) DO UPDATE SET refs = refs + excluded.refs;
        """;

    /// <summary>Mentions: @rows is a JSON array of [article, entity, kind, name, aliases (JSON), titles (JSON), iso, category, mention count].</summary>
    public const string InsertMentions = """
        INSERT INTO entity_mentions (article_key, entity_key, kind, name, aliases, titles, iso, category, mention_count)
        SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7, j.value ->> 8
        FROM jsonb_each(CAST(@rows AS TEXT)) j;
        """;

    /// <summary>Empty merged rows (no assertions) so provenance can reference them: @rows is a JSON array of [key, type, from, to].</summary>
    public const string InsertRelationsIfMissing = """
        INSERT INTO relations (key, type, from_key, to_key)
        SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3 FROM jsonb_each(CAST(@rows AS TEXT)) j WHERE true
        ON CONFLICT (key) DO NOTHING;
        """;

    /// <summary>
    /// Relations a batch brings into being, with their merged values (<c>SqliteNewRelations</c>), in one statement:
    /// @rows is a JSON array of [key, type, from, to, date, date precision, date source, effective date, place, topic,
    /// topic_norm, verb, verb_norm, status, role, article count, first published, confidence in billionths (an
    /// integer: divided here, it gives back the very double), conf_log, conf_scored, conf_certain, original assertions].
    /// </summary>
    public const string InsertNewRelations = """
        INSERT INTO relations (key, type, from_key, to_key, date, date_precision, date_source, effective_date, place_key, topic, topic_norm,
            verb, verb_norm, status, role, article_count, first_published, confidence, conf_log, conf_scored, conf_certain, original_assertions)
        SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7,
               j.value ->> 8, j.value ->> 9, j.value ->> 10, j.value ->> 11, j.value ->> 12, j.value ->> 13, j.value ->> 14, j.value ->> 15,
               j.value ->> 16, (j.value ->> 17) / 1000000000.0, j.value ->> 18, j.value ->> 19, j.value ->> 20, j.value ->> 21
        FROM jsonb_each(CAST(@rows AS TEXT)) j;
        """;

    /// <summary>One assertion; a second one of the same relation in the same sentence of the same article is not one (changes() = 0).</summary>
    public const string InsertProvenance = """
        INSERT INTO relation_provenance (relation_key, article_key, sentence_index, evidence, from_key, to_key, date, place_key, topic, verb, status, role, confidence,
            date_precision, date_source)
        VALUES (@relationKey, @articleKey, @sentenceIndex, @evidence, @fromKey, @toKey, @date, @placeKey, @topic, @verb, @status, @role, @confidence,
            @datePrecision, @dateSource)
        ON CONFLICT (relation_key, article_key, sentence_index) DO NOTHING;
        """;

    // ---------------------------------------------------------------------------------------
    // Merged entities: counts by delta, names and first values by index seeks, labels by reference counts
    // ---------------------------------------------------------------------------------------

    /// <summary>
    /// Adds <c>@delta</c> articles to an alias (<c>@list</c> 0) or title (1) of an entity and gives back
    /// how many now give it: 0 means it left the entity's list, <c>@delta</c> that it joined it.
    /// </summary>
    public const string AddEntityLabelReferences = """
        INSERT INTO entity_labels (entity_key, list, value, refs) VALUES (@key, @list, @value, @delta)
        ON CONFLICT (entity_key, list, value) DO UPDATE SET refs = refs + excluded.refs
        RETURNING refs;
        """;

    public const string DeleteUnreferencedEntityLabel = """
        DELETE FROM entity_labels WHERE entity_key = @key AND list = @list AND value = @value AND refs <= 0;
        """;

    /// <summary>The aliases (0) and titles (1) of entities whose lists changed, to write them out again.</summary>
    public const string SelectEntityLabels = """
        SELECT entity_key, list, value FROM entity_labels WHERE entity_key IN (SELECT value FROM json_each(@keys));
        """;

    public const string DeleteEntityLabels = "DELETE FROM entity_labels WHERE entity_key = @key;";

    /// <summary>
    /// The merged rows of the touched entities with what their contributions now say, each an index
    /// seek: kind and name from the lowest article key's mention, and iso/category the first non-null
    /// in article-key order — sought only when an added or removed mention gave one (@entities items
    /// are [key, seek iso, seek category]); otherwise the stored value stands. A seek for a first
    /// non-null walks the entity's mentions from the lowest article key to the first that has one.
    /// </summary>
    public const string SelectEntityMergeState = """
        SELECT e.key, e.kind, e.name, e.iso, e.category, e.mention_count, e.article_count, e.aliases, e.titles,
            (SELECT m.kind FROM entity_mentions m WHERE m.entity_key = e.key ORDER BY m.article_key LIMIT 1),
            (SELECT m.name FROM entity_mentions m WHERE m.entity_key = e.key ORDER BY m.article_key LIMIT 1),
            CASE WHEN j.value ->> 1 THEN
                (SELECT m.iso FROM entity_mentions m WHERE m.entity_key = e.key AND m.iso IS NOT NULL ORDER BY m.article_key LIMIT 1)
                ELSE e.iso END,
            CASE WHEN j.value ->> 2 THEN
                (SELECT m.category FROM entity_mentions m WHERE m.entity_key = e.key AND m.category IS NOT NULL ORDER BY m.article_key LIMIT 1)
                ELSE e.category END,
            e.id
        FROM jsonb_each(CAST(@entities AS TEXT)) j JOIN entities e ON e.key = j.value ->> 0;
        """;

    /// <summary>
    /// Merged entities whose alias or title list changed, all of a batch in one statement: @rows is a JSON
    /// array of [key, kind, name, name_norm, iso, category, mention count, article count, mentions put in by
    /// originals (added to <c>original_mention_count</c>: <c>MergeDeltas.OriginalMention</c>), aliases (JSON),
    /// aliases_norm, titles (JSON)], in id order (see <c>SqliteMergedRows.EntityUpdates</c>).
    /// </summary>
    public const string UpdateMergedEntities = """
        UPDATE entities SET
            kind = j.value ->> 1, name = j.value ->> 2, name_norm = j.value ->> 3, iso = j.value ->> 4, category = j.value ->> 5,
            mention_count = j.value ->> 6, article_count = j.value ->> 7, original_mention_count = original_mention_count + (j.value ->> 8),
            aliases = j.value ->> 9, aliases_norm = j.value ->> 10, titles = j.value ->> 11
        FROM jsonb_each(CAST(@rows AS TEXT)) j
        WHERE entities.key = j.value ->> 0;
        """;

    /// <summary>The same without the alias and title lists (neither changed): rows of the first nine values.</summary>
    public const string UpdateMergedEntitiesCounts = """
        UPDATE entities SET
            kind = j.value ->> 1, name = j.value ->> 2, name_norm = j.value ->> 3, iso = j.value ->> 4, category = j.value ->> 5,
            mention_count = j.value ->> 6, article_count = j.value ->> 7, original_mention_count = original_mention_count + (j.value ->> 8)
        FROM jsonb_each(CAST(@rows AS TEXT)) j
        WHERE entities.key = j.value ->> 0;
        """;

    /// <summary>
    /// The counts (and the unindexed iso and category) alone, for entities whose kind, name and lists stay: rows of
    /// [key, iso, category, mention count, article count, mentions put in by originals].
    /// </summary>
    public const string UpdateEntitiesCounts = """
        UPDATE entities SET iso = j.value ->> 1, category = j.value ->> 2, mention_count = j.value ->> 3, article_count = j.value ->> 4,
            original_mention_count = original_mention_count + (j.value ->> 5)
        FROM jsonb_each(CAST(@rows AS TEXT)) j
        WHERE entities.key = j.value ->> 0;
        """;

    public const string DeleteEntity = "DELETE FROM entities WHERE key = @key;";

    // ---------------------------------------------------------------------------------------
    // Merged relations: counts and confidence tally by delta, ends and first values by index seeks
    // ---------------------------------------------------------------------------------------

    /// <summary>
    /// The merged rows of the touched relations with what their assertions now say. The ends come
    /// from the first assertion in (article key, sentence) order, one seek on the primary key. A
    /// property is sought again (its first non-null in that order; the date as [date, precision, source],
    /// all three from one assertion) only when an added or removed
    /// assertion gave it: @relations items are [key, date, place, topic, verb, status, role,
    /// removed published], the flags 0/1. The earliest asserting article's date is recomputed over
    /// the relation's assertions (O(its assertions)) only when a removed article's date was not later
    /// than the stored earliest, i.e. when the earliest may have left; else it only moves back.
    /// </summary>
    public const string SelectRelationMergeState = """
        SELECT r.key, r.from_key, r.to_key, r.date, r.place_key, r.topic, r.verb, r.status, r.role,
            r.article_count, r.first_published, r.conf_log, r.conf_scored, r.conf_certain,
            (SELECT p.from_key FROM relation_provenance p WHERE p.relation_key = r.key ORDER BY p.article_key, p.sentence_index LIMIT 1),
            (SELECT p.to_key FROM relation_provenance p WHERE p.relation_key = r.key ORDER BY p.article_key, p.sentence_index LIMIT 1),
            CASE WHEN j.value ->> 1 THEN (SELECT json_array(p.date, p.date_precision, p.date_source) FROM relation_provenance p
                WHERE p.relation_key = r.key AND p.date IS NOT NULL ORDER BY p.article_key, p.sentence_index LIMIT 1)
                ELSE json_array(r.date, r.date_precision, r.date_source) END,
            CASE WHEN j.value ->> 2 THEN (SELECT p.place_key FROM relation_provenance p
                WHERE p.relation_key = r.key AND p.place_key IS NOT NULL ORDER BY p.article_key, p.sentence_index LIMIT 1) ELSE r.place_key END,
            CASE WHEN j.value ->> 3 THEN (SELECT p.topic FROM relation_provenance p
                WHERE p.relation_key = r.key AND p.topic IS NOT NULL ORDER BY p.article_key, p.sentence_index LIMIT 1) ELSE r.topic END,
            CASE WHEN j.value ->> 4 THEN (SELECT p.verb FROM relation_provenance p
                WHERE p.relation_key = r.key AND p.verb IS NOT NULL ORDER BY p.article_key, p.sentence_index LIMIT 1) ELSE r.verb END,
            CASE WHEN j.value ->> 5 THEN (SELECT p.status FROM relation_provenance p
                WHERE p.relation_key = r.key AND p.status IS NOT NULL ORDER BY p.article_key, p.sentence_index LIMIT 1) ELSE r.status END,
            CASE WHEN j.value ->> 6 THEN (SELECT p.role FROM relation_provenance p
                WHERE p.relation_key = r.key AND p.role IS NOT NULL ORDER BY p.article_key, p.sentence_index LIMIT 1) ELSE r.role END,
            CASE WHEN j.value ->> 7 IS NOT NULL AND j.value ->> 7 <= r.first_published THEN (SELECT min(a.published)
                FROM relation_provenance p JOIN articles a ON a.key = p.article_key WHERE p.relation_key = r.key) END,
            j.value ->> 7 IS NOT NULL AND j.value ->> 7 <= r.first_published,
            r.effective_date, r.date_precision, r.date_source
        FROM jsonb_each(CAST(@relations AS TEXT)) j JOIN relations r ON r.key = j.value ->> 0;
        """;

    /// <summary>
    /// A merged relation rewritten whole; <c>@originalAssertions</c> are the assertions originals put in
    /// (<c>MergeDeltas.OriginalAssertion</c>), added to <c>original_assertions</c>.
    /// </summary>
    public const string UpdateMergedRelation = """
        UPDATE relations SET
            from_key = @fromKey, to_key = @toKey, date = @date, date_precision = @datePrecision, date_source = @dateSource,
            effective_date = @effectiveDate, place_key = @placeKey,
            topic = @topic, topic_norm = @topicNorm, verb = @verb, verb_norm = @verbNorm, status = @status, role = @role,
            article_count = @articleCount, first_published = @firstPublished,
            confidence = @confidence, conf_log = @confLog, conf_scored = @confScored, conf_certain = @confCertain,
            original_assertions = original_assertions + @originalAssertions
        WHERE key = @key;
        """;

    /// <summary>
    /// A merged relation whose ends, dates and properties stay (most of a batch's: a relation asserted
    /// again): its counts and tally alone. SQLite rewrites the entry of every index holding a column
    /// that is SET, whatever its value, so the whole update rewrote the relation's eight indexes
    /// (ends, dates, type) and this one only <c>ix_relations_articles</c>.
    /// </summary>
    public const string UpdateMergedRelationCounts = """
        UPDATE relations SET
            article_count = @articleCount, first_published = @firstPublished,
            confidence = @confidence, conf_log = @confLog, conf_scored = @confScored, conf_certain = @confCertain,
            original_assertions = original_assertions + @originalAssertions
        WHERE key = @key;
        """;

    public const string DeleteRelation = "DELETE FROM relations WHERE key = @key;";
}
