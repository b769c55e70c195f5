// NewsGraph schema for Neo4j 4.4, 5.x and 2025.x (Community, Enterprise, Aura).
// Applied by Neo4jGraphStore.InitializeAsync, one statement per request (schema changes may not
// share a transaction with anything else); every statement is IF NOT EXISTS, so re-running is a no-op.
// Statements end with ';' at the end of a line; lines starting with '//' are comments.
// Labels and relationship types are exactly GraphNames' (a test checks that nothing else appears here).

// Keys: one node per key, and the index every MERGE and lookup seeks on.
CREATE CONSTRAINT article_key IF NOT EXISTS FOR (n:Article) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT state_key IF NOT EXISTS FOR (n:State) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT place_key IF NOT EXISTS FOR (n:Place) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT claim_key IF NOT EXISTS FOR (n:Claim) REQUIRE n.key IS UNIQUE;

// Relation keys (lookups by key, path building): relationship property indexes.
CREATE INDEX met_key IF NOT EXISTS FOR ()-[r:MET]-() ON (r.key);
CREATE INDEX stated_key IF NOT EXISTS FOR ()-[r:STATED]-() ON (r.key);
CREATE INDEX member_of_key IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.key);
CREATE INDEX holds_role_key IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() ON (r.key);
CREATE INDEX phoned_key IF NOT EXISTS FOR ()-[r:PHONED]-() ON (r.key);

// Sorting and filtering columns of the lists.
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published);
CREATE INDEX article_source IF NOT EXISTS FOR (n:Article) ON (n.source);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.nameNorm);
CREATE INDEX state_name IF NOT EXISTS FOR (n:State) ON (n.nameNorm);
CREATE INDEX state_iso IF NOT EXISTS FOR (n:State) ON (n.iso);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.nameNorm);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.nameNorm);

// The store's search index: the words of name and aliases already normalized by NewsGraph
// (ArabicText.Normalize), split on whitespace only, so the prefix query "word*" means exactly
// "a word starts with" - the same matching the embedded store and the 3.x path use.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Person|State|Organization|Place|Claim) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};

// For people exploring in Neo4j Browser: Lucene's Arabic analyzer (normalization and light
// stemming) over the names as written, e.g.
// CALL db.index.fulltext.queryNodes('entity_names', 'لافروف') YIELD node, score RETURN node.name, score
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Person|State|Organization|Place|Claim) ON EACH [n.name, n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'arabic'}};

// The followers' bookkeeping (GraphNames.FollowedSource, FollowedItem): a restarted follower resumes from it.
CREATE CONSTRAINT followed_source_id IF NOT EXISTS FOR (n:FollowedSource) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT followed_item_id IF NOT EXISTS FOR (n:FollowedItem) REQUIRE n.id IS UNIQUE;
CREATE INDEX followed_item_source IF NOT EXISTS FOR (n:FollowedItem) ON (n.sourceId);

// Reprints (GraphNames.ArticleBand): an article's reprints by reprintOf, and the stored articles
// sharing a fingerprint band key with an arriving one, each found by index.
CREATE INDEX article_reprint_of IF NOT EXISTS FOR (n:Article) ON (n.reprintOf);
CREATE INDEX article_band_band IF NOT EXISTS FOR (n:ArticleBand) ON (n.band);
CREATE INDEX article_band_article IF NOT EXISTS FOR (n:ArticleBand) ON (n.article);
