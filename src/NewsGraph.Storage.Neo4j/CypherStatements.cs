using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// Every Cypher statement and fragment the store runs, each named for what it does. Values are
/// always parameters; the only text ever spliced in is another constant of this file, a label or
/// relationship type from <see cref="GraphNames"/>, a sort direction, or a parameter name made
/// from an index. Everything is in the portable subset that runs on Neo4j 3.1 and 5.x: no
/// <c>CALL {}</c>, no <c>EXISTS {}</c>/<c>COUNT {}</c>, no <c>size(pattern)</c> (pattern
/// comprehensions are used instead), no temporal functions (dates are <c>yyyy-MM-dd</c> strings,
/// compared lexically).
/// </summary>
internal static class CypherStatements
{
    // ---------------------------------------------------------------------------------------
    // Vocabulary: labels and types, only ever from GraphNames
    // ---------------------------------------------------------------------------------------

    public static readonly string ArticleLabel = GraphNames.Label(NodeKind.Article);

    public static readonly string Mentions = GraphNames.Mentions;

    /// <summary>Every kind of entity node (claims included), in enum order.</summary>
    public static readonly NodeKind[] EntityKinds = [.. Enum.GetValues<NodeKind>().Where(k => k != NodeKind.Article)];

    /// <summary><c>MET|STATED|…</c>: the relation types of the graph (never MENTIONS).</summary>
    public static string TypeAlternatives(IEnumerable<RelationType>? types = null) =>
        string.Join("|", (types ?? Enum.GetValues<RelationType>()).Distinct().Order().Select(GraphNames.TypeName));

    public static readonly string AllRelationTypes = TypeAlternatives();

    /// <summary>The claim relation, for text filters that look into the claim's text.</summary>
    public static readonly string StatedType = GraphNames.TypeName(RelationType.Stated);

    /// <summary>
    /// Finds the entity node whose key is in variable <paramref name="keyVariable"/> whatever its
    /// label, with one index seek per label (a key lookup without a label would scan every node),
    /// and binds it to <c>e</c> (null when no such node). <paramref name="carry"/> lists the
    /// variables to keep.
    /// </summary>
    public static string EntityByKey(string keyVariable, string carry)
    {
        string matches = string.Join(" ", EntityKinds.Select((k, i) => $"OPTIONAL MATCH (n{i}:{GraphNames.Label(k)} {{key: {keyVariable}}})"));
        string nodes = string.Join(", ", EntityKinds.Select((_, i) => "n" + i));
        return $"{matches} WITH {carry}, coalesce({nodes}) AS e";
    }

    // ---------------------------------------------------------------------------------------
    // Server
    // ---------------------------------------------------------------------------------------

    public const string SelectComponents = "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition";

    /// <summary>The readiness probe: one round trip that touches no data.</summary>
    public const string Probe = "RETURN 1 AS ready";

    public const string DeleteEverything = "MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted";

    // ---------------------------------------------------------------------------------------
    // Projections: records as maps (the only shapes reads return)
    // ---------------------------------------------------------------------------------------

    public const string EntityProjection =
        "{key: x.key, kind: x.kind, name: x.name, aliases: x.aliases, titles: x.titles, iso: x.iso, category: x.category, mentions: x.mentionCount, articles: x.articleCount}";

    public const string ArticleProjection =
        "{key: x.key, title: x.title, url: x.url, source: x.source, dateline: x.dateline, published: x.published, language: x.language, file: x.file, text: x.text, ingestedAt: x.ingestedAt}";

    public const string RelationProjection =
        "{key: x.key, type: type(x), from: startNode(x).key, to: endNode(x).key, date: x.date, datePrecision: x.datePrecision, dateSource: x.dateSource, place: x.place, topic: x.topic, verb: x.verb, status: x.status, role: x.role, confidence: x.confidence, provArticles: x.provArticles, provEvidence: x.provEvidence, provSentences: x.provSentences, provConfidences: x.provConfidences, assertions: x.assertions}";

    // ---------------------------------------------------------------------------------------
    // Upsert and removal: what is stored now for the batch, then one write transaction
    // ---------------------------------------------------------------------------------------

    public static readonly string SelectContentHashes =
        $"UNWIND $keys AS k MATCH (a:{ArticleLabel} {{key: k}}) RETURN a.key AS key, a.contentHash AS hash";

    /// <summary>An article's stored MENTIONS: its contribution to each entity, about to be taken out (its own rows only).</summary>
    public static readonly string SelectArticleMentions =
        $"UNWIND $keys AS k MATCH (:{ArticleLabel} {{key: k}})-[m:{Mentions}]->(e)" +
        " RETURN k AS article, e.key AS key, m.kind AS mkind, m.name AS name, m.aliases AS aliases, m.titles AS titles, m.iso AS iso, m.category AS category, m.count AS count";

    /// <summary>The touched entity nodes with their tallies (<c>Neo4jEntityTally</c>; absent on nodes from before they were kept).</summary>
    public static readonly string SelectEntityTallies =
        "UNWIND $keys AS k " + EntityByKey("k", "k") +
        " WITH e WHERE e IS NOT NULL RETURN e.key AS key, e.kind AS kind, e.name AS name, e.nameArticle AS nameArticle, e.aliases AS aliases, e.aliasRefs AS aliasRefs," +
        " e.titles AS titles, e.titleRefs AS titleRefs, e.iso AS iso, e.isoArticle AS isoArticle, e.category AS category, e.categoryArticle AS categoryArticle," +
        " e.mentionCount AS mentionCount, e.articleCount AS articleCount";

    /// <summary>The relations an article asserts now: their source end is always among its mentions.</summary>
    public static readonly string SelectArticleRelationKeys =
        $"UNWIND $keys AS k MATCH (:{ArticleLabel} {{key: k}})-[:{Mentions}]->(f)-[r:{AllRelationTypes}]->() WHERE k IN r.articles RETURN DISTINCT r.key AS key, f.key AS from, endNode(r).key AS to, type(r) AS type";

    /// <summary>Every stored contribution to the given entities (the MENTIONS of every article): only for entities whose tally cannot be brought forward.</summary>
    public static readonly string SelectEntityContributions =
        "UNWIND $keys AS k " + EntityByKey("k", "k") +
        $" WITH e WHERE e IS NOT NULL OPTIONAL MATCH (a:{ArticleLabel})-[m:{Mentions}]->(e)" +
        " RETURN e.key AS key, e.kind AS kind, a.key AS article, m.kind AS mkind, m.name AS name, m.aliases AS aliases, m.titles AS titles, m.iso AS iso, m.category AS category, m.count AS count";

    /// <summary>
    /// The stored relations with the given keys between the given ends (either direction), with
    /// their assertions. Both ends are known, so Neo4j expands from the end with fewer relationships.
    /// </summary>
    public static string SelectRelationsBetween(RelationType type, NodeKind from, NodeKind to) =>
        $"UNWIND $rows AS row WITH row, row.from AS fromKey, row.to AS toKey MATCH (f:{GraphNames.Label(from)} {{key: fromKey}})-[r:{GraphNames.TypeName(type)}]-(t:{GraphNames.Label(to)} {{key: toKey}}) WHERE r.key = row.key" +
        " RETURN DISTINCT r.key AS key, startNode(r).key AS from, endNode(r).key AS to, r.assertions AS assertions, r.sources AS sources, r.sourceRefs AS sourceRefs," +
        " r.articleDates AS dates, r.articleDateRefs AS dateRefs, r.originalDates AS originalDates, r.originalDateRefs AS originalDateRefs, r.originalCount AS originalCount";

    public static readonly string SelectArticleFacts =
        $"UNWIND $keys AS k MATCH (a:{ArticleLabel} {{key: k}}) RETURN a.key AS key, a.published AS published, a.source AS source, a.reprintOf AS reprintOf";

    public static string DeleteRelationsBetween(RelationType type, NodeKind from, NodeKind to) =>
        $"UNWIND $rows AS row WITH row, row.from AS fromKey, row.to AS toKey MATCH (f:{GraphNames.Label(from)} {{key: fromKey}})-[r:{GraphNames.TypeName(type)}]-(t:{GraphNames.Label(to)} {{key: toKey}}) WHERE r.key = row.key" +
        " WITH DISTINCT r DELETE r";

    public static readonly string UpsertArticles =
        $"UNWIND $rows AS row MERGE (a:{ArticleLabel} {{key: row.key}}) SET a += row.props";

    /// <summary>Articles the batch found not stored (one writer per database): no MERGE, which locks and seeks the key first.</summary>
    public static readonly string CreateArticles =
        $"UNWIND $rows AS row CREATE (a:{ArticleLabel} {{key: row.key}}) SET a += row.props";

    public static readonly string DeleteArticleMentions =
        $"UNWIND $keys AS k MATCH (:{ArticleLabel} {{key: k}})-[m:{Mentions}]->() DELETE m";

    public static string RelabelEntities(NodeKind from, NodeKind to) =>
        $"UNWIND $keys AS k MATCH (n:{GraphNames.Label(from)} {{key: k}}) REMOVE n:{GraphNames.Label(from)} SET n:{GraphNames.Label(to)}";

    /// <summary>Entities the merge found not stored: CREATE, as <see cref="CreateArticles"/>.</summary>
    public static string CreateEntities(NodeKind kind) =>
        $"UNWIND $rows AS row CREATE (n:{GraphNames.Label(kind)} {{key: row.key}}) SET n += row.props";

    public static string UpsertEntities(NodeKind kind) =>
        $"UNWIND $rows AS row MERGE (n:{GraphNames.Label(kind)} {{key: row.key}}) SET n += row.props";

    /// <summary>
    /// An article's mentions, created after <see cref="DeleteArticleMentions"/> removed its old ones in
    /// the same transaction (so CREATE cannot duplicate). MERGE would also check the entity's side,
    /// and a hub entity (a state in every article) has thousands of mentions to walk through.
    /// </summary>
    public static string CreateMentions(NodeKind kind) =>
        $"UNWIND $rows AS row WITH row, row.article AS articleKey, row.entity AS entityKey MATCH (a:{ArticleLabel} {{key: articleKey}}) MATCH (e:{GraphNames.Label(kind)} {{key: entityKey}}) " +
        $"CREATE (a)-[m:{Mentions}]->(e) SET m = row.props";

    /// <summary>
    /// Sets a relationship's merged values. Confidences go through <c>toFloat</c>: JSON writes 1.0
    /// as 1, which Neo4j would keep as an integer, and a property list must hold one type (3.1 converts
    /// a list mixing integers and floats; newer servers need not). <c>provConfidences</c> holds
    /// <see cref="Neo4jValues.Unscored"/> where an assertion has no confidence (a property list cannot
    /// hold nulls); a null <c>confidence</c> removes the property.
    /// </summary>
    private const string SetRelationValues =
        "SET r += row.props, r.confidence = toFloat(row.confidence), r.provConfidences = [c IN row.provConfidences | toFloat(c)]";

    /// <summary>
    /// Relationships the merge found absent (or deleted, their ends having moved), created: MERGE
    /// would look through the relationships of a hub end for one that is not there.
    /// </summary>
    public static string CreateRelations(RelationType type, NodeKind from, NodeKind to) =>
        $"UNWIND $rows AS row {EndsByKey(from, to)} CREATE (f)-[r:{GraphNames.TypeName(type)} {{key: row.key}}]->(t) " + SetRelationValues;

    /// <summary>Relationships the merge read, with their new merged values.</summary>
    public static string UpdateRelations(RelationType type, NodeKind from, NodeKind to) =>
        $"UNWIND $rows AS row {EndsByKey(from, to)} MATCH (f)-[r:{GraphNames.TypeName(type)}]->(t) WHERE r.key = row.key " + SetRelationValues;

    /// <summary>
    /// Binds <c>f</c> and <c>t</c> by <c>row.from</c> and <c>row.to</c>. The keys are projected first:
    /// given <c>{key: row.to}</c> directly, 3.1's planner can choose to scan the whole key index of the
    /// second label and filter (seen for Claim once claims were many: 8 ms a row, growing with them).
    /// </summary>
    private static string EndsByKey(NodeKind from, NodeKind to) =>
        $"WITH row, row.from AS fromKey, row.to AS toKey MATCH (f:{GraphNames.Label(from)} {{key: fromKey}}) MATCH (t:{GraphNames.Label(to)} {{key: toKey}})";

    /// <summary>Removed articles, with their MENTIONS (their assertions are taken out of the relations in the same transaction).</summary>
    public static readonly string DeleteArticles =
        $"UNWIND $keys AS k MATCH (a:{ArticleLabel} {{key: k}}) DETACH DELETE a";

    public static string DeleteEntities(NodeKind kind) =>
        $"UNWIND $keys AS k MATCH (n:{GraphNames.Label(kind)} {{key: k}}) DETACH DELETE n";

    // ---------------------------------------------------------------------------------------
    // Lookups by key
    // ---------------------------------------------------------------------------------------

    public static readonly string SelectEntitiesByKeys =
        "UNWIND $keys AS k " + EntityByKey("k", "k") + $" WITH DISTINCT e AS x WHERE x IS NOT NULL RETURN {EntityProjection} AS item";

    public static readonly string SelectArticlesByKeys =
        $"UNWIND $keys AS k MATCH (x:{ArticleLabel} {{key: k}}) RETURN {ArticleProjection} AS item";

    /// <summary>Relation keys start with their type (see <c>GraphKeys.Relation</c>), so each type is looked up on its own (a relationship index seek on 5.x).</summary>
    public static string SelectRelationsByKeys(RelationType type) =>
        $"MATCH ()-[x:{GraphNames.TypeName(type)}]->() WHERE x.key IN $keys RETURN {RelationProjection} AS item";

    // ---------------------------------------------------------------------------------------
    // Lists: sources, filters (ANDed), sort expressions; all refer to the row variable x
    // ---------------------------------------------------------------------------------------

    public const string EntitiesSource = "MATCH (x) WHERE x.kind IS NOT NULL";

    /// <summary>Entities of one kind: a label scan instead of every node.</summary>
    public static string EntitiesOfKindSource(NodeKind kind) => $"MATCH (x:{GraphNames.Label(kind)}) WHERE x.kind IS NOT NULL";

    public static readonly string ArticlesSource = $"MATCH (x:{ArticleLabel}) WHERE x IS NOT NULL";

    /// <summary>{0}: the relation types (<c>MET|STATED…</c>).</summary>
    public const string RelationsSourceTemplate = "MATCH ()-[x:{0}]->() WHERE x IS NOT NULL";

    public static readonly string EntitiesInArticlesSource =
        $"UNWIND $groupKeys AS g MATCH (:{ArticleLabel} {{key: g}})-[:{Mentions}]->(x) WHERE x.kind IS NOT NULL";

    public static readonly string ArticlesMentioningSource =
        "UNWIND $groupKeys AS g " + EntityByKey("g", "g") + $" WITH g, e WHERE e IS NOT NULL MATCH (x:{ArticleLabel})-[:{Mentions}]->(e) WHERE x IS NOT NULL";

    /// <summary>Relations at the group's node (each once, also a loop) <c>e</c>; the arrows say which end it is ("-","-" either, "-","->" source, "<-","-" target).</summary>
    public static string RelationsByEntitySource(string types, string arrowLeft, string arrowRight) =>
        "UNWIND $groupKeys AS g " + EntityByKey("g", "g") +
        $" WITH g, e WHERE e IS NOT NULL MATCH (e){arrowLeft}[x:{types}]{arrowRight}() WITH DISTINCT g, x WHERE x IS NOT NULL";

    /// <summary>Relations asserted by article g: their source end is among its mentions.</summary>
    public static string RelationsByArticleSource(string types) =>
        $"UNWIND $groupKeys AS g MATCH (:{ArticleLabel} {{key: g}})-[:{Mentions}]->()-[x:{types}]->() WHERE g IN x.articles";

    public const string EntityKindIn = "x.kind IN $kinds";

    public const string KeyIn = "x.key IN $keys";

    public const string EntityNameContains = "(x.nameNorm CONTAINS $nameContains OR any(al IN x.aliasesNorm WHERE al CONTAINS $nameContains))";

    /// <summary>ISO codes are ASCII; compared case-insensitively like the embedded store.</summary>
    public const string EntityIsoEquals = "toUpper(x.iso) = toUpper($iso)";

    public const string EntityCategoryEquals = "x.category = $category";

    /// <summary>Source and date bounds hold for one and the same mentioning article.</summary>
    public static readonly string EntityMentionedIn =
        $"size([(x)<-[:{Mentions}]-(fa:{ArticleLabel}) WHERE ($source IS NULL OR fa.source = $source)" +
        " AND ($mentionedFrom IS NULL OR fa.published >= $mentionedFrom) AND ($mentionedTo IS NULL OR fa.published <= $mentionedTo) | 1]) > 0";

    /// <summary>One RelationExists condition; {0} a numeric suffix, {1} ">" (exists) or "=" (does not).</summary>
    public static readonly string EntityRelationExistsTemplate =
        "size([(x)-[rx{0}:" + AllRelationTypes + "]-(ro{0}) WHERE type(rx{0}) = $relType{0}" +
        " AND ($relCounterpart{0} IS NULL OR ro{0}.key = $relCounterpart{0})" +
        " AND ($relPlace{0} IS NULL OR rx{0}.place = $relPlace{0})" +
        " AND ($relStatus{0} IS NULL OR rx{0}.status = $relStatus{0})" +
        " AND ($relText{0} IS NULL OR rx{0}.topicNorm CONTAINS $relText{0} OR (type(rx{0}) = '" + StatedType + "' AND endNode(rx{0}).nameNorm CONTAINS $relText{0}))" +
        " | 1]) {1} 0";

    public const string RelationFromEquals = "startNode(x).key = $fromKey";

    public const string RelationToEquals = "endNode(x).key = $toKey";

    public const string RelationInvolves = "(startNode(x).key = $involvingKey OR endNode(x).key = $involvingKey)";

    public const string RelationPlaceEquals = "x.place = $placeKey";

    public const string RelationStatusEquals = "x.status = $status";

    public static readonly string RelationTextContains =
        $"(x.topicNorm CONTAINS $textContains OR (type(x) = '{StatedType}' AND endNode(x).nameNorm CONTAINS $textContains))";

    public const string RelationVerbEquals = "x.verbNorm = $verb";

    public const string RelationDateFrom = "x.effectiveDate >= $dateFrom";

    public const string RelationDateTo = "x.effectiveDate <= $dateTo";

    /// <summary>Confidence bounds: a missing confidence (not scored) compares as null, so it never matches a bound.</summary>
    public const string RelationConfidenceAtLeast = "x.confidence >= $minConfidence";

    public const string RelationConfidenceAtMost = "x.confidence <= $maxConfidence";

    public const string RelationAssertedByArticle = "$articleKey IN x.articles";

    public const string RelationAssertedBySource = "$source IN x.sources";

    public const string ArticleSourceEquals = "x.source = $source";

    public const string ArticleTextContains = "(x.titleNorm CONTAINS $textContains OR x.textNorm CONTAINS $textContains)";

    public const string ArticlePublishedFrom = "x.published >= $publishedFrom";

    public const string ArticlePublishedTo = "x.published <= $publishedTo";

    public static readonly string ArticleMentions =
        $"size([(x)-[:{Mentions}]->(me) WHERE me.key = $mentionsKey | 1]) > 0";

    public const string EntityNameSort = "x.nameNorm";

    public const string EntityMentionsSort = "x.mentionCount";

    public const string EntityArticlesSort = "x.articleCount";

    public const string ArticlePublishedSort = "coalesce(x.published, '')";

    public const string ArticleTitleSort = "x.titleNorm";

    public const string RelationDateSort = "coalesce(x.date, '')";

    public const string RelationArticlesSort = "x.articleCount";

    public const string Ascending = "ASC";

    public const string Descending = "DESC";

    public const string CursorAfter = "(sv > $cursorSort OR (sv = $cursorSort AND x.key > $cursorKey))";

    public const string CursorBefore = "(sv < $cursorSort OR (sv = $cursorSort AND x.key < $cursorKey))";

    public const string CursorAtOrBefore = "(sv < $cursorSort OR (sv = $cursorSort AND x.key <= $cursorKey))";

    public const string CursorAtOrAfter = "(sv > $cursorSort OR (sv = $cursorSort AND x.key >= $cursorKey))";

    public const string NoCursor = "x IS NOT NULL";

    /// <summary>
    /// A page of a plain list, one more row than asked. {0} source and its WHERE, {1} filters,
    /// {2} sort expression, {3} cursor condition, {4} direction, {5} projection.
    /// </summary>
    public const string PageTemplate =
        "{0} AND {1} WITH x, {2} AS sv WHERE {3} RETURN {5} AS item, sv, x.key AS sk ORDER BY sv {4}, sk {4} LIMIT $limit";

    /// <summary>Whether a row lies on the other side of the cursor. Placeholders as in <see cref="PageTemplate"/>.</summary>
    public const string BeyondCursorTemplate = "{0} AND {1} WITH x, {2} AS sv WHERE {3} RETURN x.key AS sk LIMIT 1";

    public const string CountTemplate = "{0} AND {1} RETURN count(x) AS total";

    /// <summary>
    /// Pages for many groups (variable g) at once: per group the total, the rows past the cursor in
    /// order (first $limit kept) and whether every row is past it. Placeholders as in
    /// <see cref="PageTemplate"/>. Groups with no row at all are absent (the store fills them in).
    /// </summary>
    public const string GroupedPageTemplate =
        "{0} AND {1} WITH g, x, {2} AS sv WITH g, x, sv, {3} AS inw ORDER BY sv {4}, x.key {4}" +
        " WITH g, count(x) AS total, sum(CASE WHEN inw THEN 1 ELSE 0 END) AS inCount, min(CASE WHEN inw THEN 1 ELSE 0 END) AS allIn," +
        " collect(CASE WHEN inw THEN {{item: {5}, sv: sv, sk: x.key}} END) AS rows" +
        " RETURN g, total, inCount, allIn, rows[0..$limit] AS rows";

    // ---------------------------------------------------------------------------------------
    // Export
    // ---------------------------------------------------------------------------------------

    public static readonly string SelectExportArticles =
        $"MATCH (x:{ArticleLabel}) WHERE $after IS NULL OR x.key > $after RETURN {ArticleProjection} AS item ORDER BY x.key LIMIT $limit";

    public static readonly string ExistsArticleAtOrBefore = $"MATCH (x:{ArticleLabel}) WHERE x.key <= $after RETURN x.key LIMIT 1";

    public static readonly string CountArticles = $"MATCH (x:{ArticleLabel}) RETURN count(x) AS total";

    public static readonly string SelectExportMentions =
        $"UNWIND $keys AS k MATCH (:{ArticleLabel} {{key: k}})-[m:{Mentions}]->(e)" +
        " RETURN k AS article, e.key AS key, m.kind AS kind, m.name AS name, m.aliases AS aliases, m.titles AS titles, m.iso AS iso, m.category AS category, m.count AS count";

    public static readonly string SelectExportAssertions =
        $"UNWIND $keys AS k MATCH (:{ArticleLabel} {{key: k}})-[:{Mentions}]->()-[r:{AllRelationTypes}]->() WHERE k IN r.articles" +
        " RETURN DISTINCT k AS article, r.key AS key, type(r) AS type, r.assertions AS assertions";

    // ---------------------------------------------------------------------------------------
    // Search (the portable path: normalized token-prefix matching; ranking is done by the store)
    // ---------------------------------------------------------------------------------------

    /// <summary>Entities every term (or, with $any, some term) starts a word of, in the name or an alias.</summary>
    public const string SearchCandidates =
        "MATCH (e) WHERE e.searchText IS NOT NULL AND ($kinds IS NULL OR e.kind IN $kinds)" +
        " AND ((NOT $any AND all(t IN $terms WHERE e.searchText CONTAINS (' ' + t))) OR ($any AND any(t IN $terms WHERE e.searchText CONTAINS (' ' + t))))" +
        " RETURN e.key AS key, e.kind AS kind, e.nameNorm AS name, e.aliasesNorm AS aliases";

    /// <summary>Rows and words of the whole searchable set (bm25's N and average length).</summary>
    public const string SearchTotals = "MATCH (e) WHERE e.searchText IS NOT NULL RETURN count(e) AS rows, sum(e.searchTokens) AS tokens";

    /// <summary>How many entities each term hits (bm25's n(q)).</summary>
    public const string SearchTermHits = "UNWIND $terms AS t MATCH (e) WHERE e.searchText CONTAINS (' ' + t) RETURN t AS term, count(e) AS hits";

    /// <summary>Full-text path (4.4+): the index over the normalized words, whitespace-analyzed, so a prefix query means exactly "a word starts with".</summary>
    public const string SearchIndexName = "entity_search";

    public const string FullTextCandidates =
        "CALL db.index.fulltext.queryNodes('" + SearchIndexName + "', $query) YIELD node WITH node AS e" +
        " WHERE $kinds IS NULL OR e.kind IN $kinds RETURN e.key AS key, e.kind AS kind, e.nameNorm AS name, e.aliasesNorm AS aliases";

    public const string FullTextTermHits =
        "UNWIND $terms AS t CALL db.index.fulltext.queryNodes('" + SearchIndexName + "', t + '*') YIELD node RETURN t AS term, count(node) AS hits";

    // ---------------------------------------------------------------------------------------
    // Paths, stats, aggregates
    // ---------------------------------------------------------------------------------------

    public static readonly string CountEntitiesByKeys =
        "UNWIND $keys AS k " + EntityByKey("k", "k") + " WITH e WHERE e IS NOT NULL RETURN count(DISTINCT e) AS found";

    /// <summary>Relations touching a breadth-first frontier; {0} the relation types to follow.</summary>
    public static string SelectFrontierRelations(string types) =>
        "UNWIND $frontier AS k " + EntityByKey("k", "k") + $" WITH e WHERE e IS NOT NULL MATCH (e)-[x:{types}]-() WITH DISTINCT x RETURN {RelationProjection} AS item";

    public static readonly string CountArticlesStat = $"MATCH (a:{ArticleLabel}) RETURN count(a) AS n";

    /// <summary>
    /// The reprints among the articles, from the count store: every article with a <c>reprintOf</c> also
    /// carries the <see cref="ReprintLabel"/> label (<see cref="SetReprintOf"/>). Testing the property
    /// instead scanned every article per dashboard request (3.1's planner serves no IS NOT NULL from the
    /// <c>Article.reprintOf</c> index: NodeByLabelScan then Filter), a cost growing with the graph.
    /// </summary>
    public static readonly string CountReprintsStat = $"MATCH (a:{ReprintLabel}) RETURN count(a) AS n";

    /// <summary>Label and type counts come from Neo4j's count store: constant time.</summary>
    public static string CountNodes(NodeKind kind) => $"MATCH (n:{GraphNames.Label(kind)}) RETURN count(n) AS n";

    public static string CountRelations(RelationType type) => $"MATCH ()-[r:{GraphNames.TypeName(type)}]->() RETURN count(r) AS n";

    /// <summary>
    /// Counting relations (an original asserts them: <c>originalCount</c> above 0, <see cref="ReprintCounting"/>) per
    /// effective date (bucketed by the store); the undated as a null day when no bound is given.
    /// </summary>
    public static string RelationDates(RelationType type) =>
        $"MATCH ()-[r:{GraphNames.TypeName(type)}]->() WHERE r.originalCount > 0 AND ((r.effectiveDate IS NULL AND $from IS NULL AND $to IS NULL)" +
        " OR (r.effectiveDate IS NOT NULL AND ($from IS NULL OR r.effectiveDate >= $from) AND ($to IS NULL OR r.effectiveDate <= $to)))" +
        " RETURN r.effectiveDate AS day, count(r) AS n, 0 AS reprints";

    /// <summary>Articles per publication date, and the reprints among them.</summary>
    public static readonly string ArticleDates =
        $"MATCH (a:{ArticleLabel}) WHERE (a.published IS NULL AND $from IS NULL AND $to IS NULL)" +
        " OR (a.published IS NOT NULL AND ($from IS NULL OR a.published >= $from) AND ($to IS NULL OR a.published <= $to))" +
        " RETURN a.published AS day, count(a) AS n, count(a.reprintOf) AS reprints";

    /// <summary>Mentions in originals (no <c>reprintOf</c>) published in range.</summary>
    public static readonly string TopEntitiesByMentions =
        $"MATCH (a:{ArticleLabel})-[m:{Mentions}]->(e) WHERE a.reprintOf IS NULL AND ($kind IS NULL OR e.kind = $kind)" +
        " AND ($from IS NULL OR a.published >= $from) AND ($to IS NULL OR a.published <= $to)" +
        " WITH e.key AS key, sum(m.count) AS value WHERE value > 0 RETURN key, value ORDER BY value DESC, key ASC LIMIT $first";

    /// <summary>
    /// Counting relations (<c>originalCount</c> above 0) per end; {0} the types. $sourceOnly counts only
    /// the source end; dates keep relations asserted by at least one original published in range
    /// (<c>originalDates</c>), or with $eventDates relations whose own (effective) date is in range.
    /// </summary>
    public static string TopEntitiesByRelations(string types) =>
        $"MATCH (f)-[r:{types}]->(t)" +
        " WHERE r.originalCount > 0 AND (($from IS NULL AND $to IS NULL)" +
        " OR ($eventDates AND r.effectiveDate IS NOT NULL AND ($from IS NULL OR r.effectiveDate >= $from) AND ($to IS NULL OR r.effectiveDate <= $to))" +
        " OR (NOT $eventDates AND any(d IN r.originalDates WHERE ($from IS NULL OR d >= $from) AND ($to IS NULL OR d <= $to))))" +
        " UNWIND (CASE WHEN $sourceOnly OR f = t THEN [f] ELSE [f, t] END) AS e" +
        " WITH e WHERE $kind IS NULL OR e.kind = $kind" +
        " RETURN e.key AS key, count(*) AS value ORDER BY value DESC, key ASC LIMIT $first";

    /// <summary>Entities sharing original articles with $key.</summary>
    public static readonly string CoMentioned =
        "WITH $key AS k " + EntityByKey("k", "k") +
        $" WITH e WHERE e IS NOT NULL MATCH (e)<-[:{Mentions}]-(a:{ArticleLabel})-[:{Mentions}]->(o) WHERE a.reprintOf IS NULL AND o <> e AND ($kind IS NULL OR o.kind = $kind)" +
        " RETURN o.key AS key, count(*) AS value ORDER BY value DESC, key ASC LIMIT $first";

    // ---------------------------------------------------------------------------------------
    // Followed sources: the followers' bookkeeping, beside the graph and never linked to it
    // ---------------------------------------------------------------------------------------

    public const string SelectSourceStates = """
        MATCH (s:FollowedSource)
        OPTIONAL MATCH (i:FollowedItem {sourceId: s.id})
        WITH s, count(i) AS itemsSeen
        RETURN s.id, s.kind, s.location, s.etag, s.lastModified, s.lastSuccess, s.lastFailure, s.lastError,
               s.consecutiveFailures, s.nextAttempt, itemsSeen
        ORDER BY s.id
        """;

    /// <summary><c>+=</c> with a null value removes the property, so a cleared error is gone, not stale.</summary>
    public const string UpsertSourceState = "MERGE (s:FollowedSource {id: $id}) SET s += $state";

    /// <summary>Item nodes are keyed by <c>id</c> (source id, a line feed, item key), so each lookup is one constraint seek.</summary>
    public const string SelectSeenItems = """
        UNWIND $ids AS id
        MATCH (i:FollowedItem {id: id})
        RETURN i.itemKey, i.contentHash
        """;

    public const string UpsertSeenItems = """
        UNWIND $items AS item
        MERGE (i:FollowedItem {id: item.id})
        SET i.sourceId = $sourceId, i.itemKey = item.itemKey, i.contentHash = item.contentHash, i.seenAt = $seenAt
        """;

    // ---------------------------------------------------------------------------------------
    // Reprints (Core/Storage/ReprintLinks): Article.fingerprint and Article.reprintOf, and one
    // ArticleBand node per band key of a fingerprint, linked to nothing, indexed on band and article
    // ---------------------------------------------------------------------------------------

    public static readonly string ArticleBandLabel = GraphNames.ArticleBand;

    public static readonly string SelectReprintStates =
        $"UNWIND $keys AS k MATCH (a:{ArticleLabel} {{key: k}}) RETURN a.key AS key, a.reprintOf AS reprintOf, a.ingestedAt AS ingestedAt, a.fingerprint AS fingerprint";

    public static readonly string SelectReprintsOf =
        $"UNWIND $keys AS k MATCH (a:{ArticleLabel} {{reprintOf: k}}) RETURN a.key AS key, a.reprintOf AS reprintOf, a.ingestedAt AS ingestedAt, a.fingerprint AS fingerprint";

    /// <summary>
    /// The stored originals sharing a band key with the given ones. Only originals get band nodes
    /// (<c>Neo4jReprints</c>); the test on <c>reprintOf</c> also covers a graph written before that.
    /// </summary>
    public static readonly string SelectBandCandidates = $$"""
        UNWIND $keys AS k MATCH (b:{{ArticleBandLabel}} {band: k})
        WITH DISTINCT b.article AS articleKey
        MATCH (a:{{ArticleLabel}} {key: articleKey}) WHERE a.reprintOf IS NULL
        RETURN a.key AS key, a.reprintOf AS reprintOf, a.ingestedAt AS ingestedAt, a.fingerprint AS fingerprint
        """;

    /// <summary>The links touching the given articles: theirs to an original, and their reprints' to them.</summary>
    public static readonly string SelectReprintLinks = $$"""
        UNWIND $keys AS k MATCH (a:{{ArticleLabel}} {key: k}) WHERE a.reprintOf IS NOT NULL
        RETURN a.key AS key, a.reprintOf AS reprintOf, a.ingestedAt AS ingestedAt
        UNION
        UNWIND $keys AS k MATCH (a:{{ArticleLabel}} {reprintOf: k})
        RETURN a.key AS key, a.reprintOf AS reprintOf, a.ingestedAt AS ingestedAt
        """;

    /// <summary>The label an article carries while it is a reprint (it has a <c>reprintOf</c>), so reprints are counted in constant time.</summary>
    public const string ReprintLabel = "Reprint";

    /// <summary>
    /// Gives article <c>a</c> the <see cref="ReprintLabel"/> label when <paramref name="reprintOf"/> (the link it
    /// now has) is set and takes it away when not, in the statement that sets the link.
    /// </summary>
    private static string LabelFollowing(string reprintOf) =>
        $" FOREACH (_ IN CASE WHEN {reprintOf} IS NULL THEN [] ELSE [1] END | SET a:{ReprintLabel})" +
        $" FOREACH (_ IN CASE WHEN {reprintOf} IS NULL THEN [1] ELSE [] END | REMOVE a:{ReprintLabel})";

    public static readonly string SetFingerprints =
        $"UNWIND $rows AS row MATCH (a:{ArticleLabel} {{key: row.key}}) SET a.fingerprint = row.fingerprint, a.reprintOf = row.reprintOf" + LabelFollowing("row.reprintOf");

    public static readonly string SetReprintOf =
        $"UNWIND $rows AS row MATCH (a:{ArticleLabel} {{key: row.key}}) SET a.reprintOf = row.reprintOf" + LabelFollowing("row.reprintOf");

    public static readonly string DeleteArticleBands =
        $"UNWIND $keys AS k MATCH (b:{ArticleBandLabel} {{article: k}}) DELETE b";

    /// <summary>
    /// A band node's name (Neo4j Browser's caption) is its band key. Created after
    /// <see cref="DeleteArticleBands"/> took the article's old ones in the same transaction (rows one per
    /// article, bands distinct), so CREATE cannot duplicate; MERGE seeks the band index, whose entries
    /// for a common band key are every article sharing it, and grew with them.
    /// </summary>
    public static readonly string CreateArticleBands =
        $"UNWIND $rows AS row UNWIND row.bands AS band CREATE (b:{ArticleBandLabel} {{band: band, article: row.key, name: band}})";

    /// <summary>The count and the dates of a relation <c>r</c>'s asserting originals (the articles it lists that have no reprintOf); declared before its users, as static fields are set in order.</summary>
    private static readonly string RecountOriginals =
        $"UNWIND r.articles AS k2 OPTIONAL MATCH (a:{ArticleLabel} {{key: k2}}) " +
        "WITH r, CASE WHEN a IS NOT NULL AND a.reprintOf IS NULL THEN 1 ELSE 0 END AS original, a.published AS published " +
        "WITH r, CASE WHEN original = 1 THEN published END AS day, sum(original) AS n ORDER BY day " +
        "WITH r, sum(n) AS originals, collect(CASE WHEN n > 0 THEN day END) AS dates, collect(CASE WHEN n > 0 AND day IS NOT NULL THEN n END) AS refs " +
        "SET r.originalCount = originals, r.originalDates = dates, r.originalDateRefs = refs WITH r";

    /// <summary>
    /// Recounts <c>originalCount</c> and <c>originalDates</c> (<see cref="ReprintCounting"/>) on every relation the given
    /// articles assert (a relation's source end is among its article's mentions), from the articles
    /// it lists as they are now: for articles that changed sides without changing their contribution.
    /// </summary>
    public static readonly string RecountOriginalsOfArticles =
        $"UNWIND $keys AS k MATCH (:{ArticleLabel} {{key: k}})-[:{Mentions}]->()-[r:{AllRelationTypes}]->() WHERE k IN r.articles WITH DISTINCT r " +
        RecountOriginals + " RETURN count(r) AS recounted";

    /// <summary>
    /// The backfill of relations stored before <c>originalCount</c> existed, $limit at a time (run until
    /// it recounts none). A relation without articles has none to count and is left.
    /// </summary>
    public static readonly string RecountOriginalsWhereMissing =
        $"MATCH ()-[r:{AllRelationTypes}]->() WHERE r.originalCount IS NULL AND size(r.articles) > 0 WITH r LIMIT $limit " +
        RecountOriginals + " RETURN count(r) AS recounted";

    /// <summary>
    /// The backfill of the <see cref="ReprintLabel"/> label on graphs written before it: reprints without it
    /// get it and articles with it but no <c>reprintOf</c> lose it, $limit at a time (run until it changes none).
    /// </summary>
    public static readonly string LabelReprintsWhereMissing =
        $"MATCH (a:{ArticleLabel}) WHERE (a.reprintOf IS NOT NULL AND NOT a:{ReprintLabel}) OR (a.reprintOf IS NULL AND a:{ReprintLabel}) WITH a LIMIT $limit" +
        LabelFollowing("a.reprintOf") + " RETURN count(a) AS relabelled";

    /// <summary>Fingerprint backfill: the articles that have none (never linked, or too short to have one), earliest stored first.</summary>
    public static readonly string SelectArticlesWithoutFingerprint =
        $"MATCH (a:{ArticleLabel}) WHERE a.fingerprint IS NULL RETURN a.key AS key ORDER BY a.ingestedAt, a.key";

    public static readonly string SelectArticleTexts =
        $"UNWIND $keys AS k MATCH (a:{ArticleLabel} {{key: k}}) RETURN a.key AS key, a.text AS text";
}
