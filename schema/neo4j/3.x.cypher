// NewsGraph schema for Neo4j 3.x (checked on 3.1.1) and any server older than 4.4.
// Applied by Neo4jGraphStore.InitializeAsync, one statement per request (schema changes may not
// share a transaction with anything else). Re-running is harmless: 3.x treats an existing
// equivalent constraint or index as done; newer servers' "already exists" codes are ignored.
// Statements end with ';' at the end of a line; lines starting with '//' are comments.
// Labels are exactly GraphNames' (a test checks that nothing else appears here).

// Keys: one node per key, and the index every MERGE and lookup seeks on.
CREATE CONSTRAINT ON (n:Article) ASSERT n.key IS UNIQUE;
CREATE CONSTRAINT ON (n:Person) ASSERT n.key IS UNIQUE;
CREATE CONSTRAINT ON (n:State) ASSERT n.key IS UNIQUE;
CREATE CONSTRAINT ON (n:Organization) ASSERT n.key IS UNIQUE;
CREATE CONSTRAINT ON (n:Place) ASSERT n.key IS UNIQUE;
CREATE CONSTRAINT ON (n:Claim) ASSERT n.key IS UNIQUE;

// Sorting and filtering columns of the lists.
CREATE INDEX ON :Article(published);
CREATE INDEX ON :Article(source);
CREATE INDEX ON :Person(nameNorm);
CREATE INDEX ON :State(nameNorm);
CREATE INDEX ON :State(iso);
CREATE INDEX ON :Organization(nameNorm);
CREATE INDEX ON :Place(nameNorm);

// No full-text index: 3.x has none in Cypher (its legacy REST indexes are gone in 4+), so search
// uses the normalized token-prefix path over the searchText property.

// The followers' bookkeeping (GraphNames.FollowedSource, FollowedItem): a restarted follower resumes from it.
CREATE CONSTRAINT ON (n:FollowedSource) ASSERT n.id IS UNIQUE;
CREATE CONSTRAINT ON (n:FollowedItem) ASSERT n.id IS UNIQUE;
CREATE INDEX ON :FollowedItem(sourceId);

// Reprints (GraphNames.ArticleBand): an article's reprints by reprintOf, and the stored articles
// sharing a fingerprint band key with an arriving one, each found by index.
CREATE INDEX ON :Article(reprintOf);
CREATE INDEX ON :ArticleBand(band);
CREATE INDEX ON :ArticleBand(article);
