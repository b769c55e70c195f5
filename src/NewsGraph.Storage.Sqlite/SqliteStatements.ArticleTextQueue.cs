namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// Version 13: the article text index (<c>article_text</c>, version 3) is written a few batches at a time
/// instead of inside every write batch (<c>SqliteGraphStore.ArticleTextIndexBatch</c>).
/// </summary>
internal static partial class SqliteStatements
{
    /// <summary>
    /// Version 13. <c>article_text_pending</c> holds the ids (<c>article_text_ids.id</c>) of the articles
    /// whose text the trigram index does not hold yet: a new article, or one whose title or text changed
    /// (its old entry is deleted at once, so the index never answers for text the article no longer has).
    /// The triggers no longer index the text; <see cref="IndexPendingArticleText"/> does, for all pending
    /// articles in one statement, once enough are pending. The text filter takes the pending articles as
    /// candidates besides the index's (<see cref="ArticleTextContainsIndexed"/>), and <c>instr</c>
    /// decides as before, so a filter finds an article as soon as its batch is committed. (No OR IGNORE in
    /// the triggers: the upsert that fires them would impose its own conflict handling on it.)
    /// Why: indexing an article's text (some 3,000 trigrams) was the largest single cost of the
    /// writer's transaction (a fifth of its thread's CPU), most of it in FTS5 writing each batch's
    /// rows out as small segments and merging them over and over as the index grew.
    /// </summary>
    public const string QueueArticleTextV13 = """
        CREATE TABLE IF NOT EXISTS article_text_pending (
            id INTEGER PRIMARY KEY
        );
        DROP TRIGGER IF EXISTS articles_text_insert;
        DROP TRIGGER IF EXISTS articles_text_update;
        DROP TRIGGER IF EXISTS articles_text_delete;
        CREATE TRIGGER articles_text_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_text_ids (article_key) VALUES (new.key);
            INSERT INTO article_text_pending (id) VALUES (last_insert_rowid());
        END;
        CREATE TRIGGER articles_text_update AFTER UPDATE OF title_norm, text_norm ON articles
        WHEN old.title_norm IS NOT new.title_norm OR old.text_norm IS NOT new.text_norm BEGIN
            DELETE FROM article_text WHERE rowid =
                (SELECT i.id FROM article_text_ids i WHERE i.article_key = new.key AND i.id NOT IN (SELECT id FROM article_text_pending));
            INSERT INTO article_text_pending (id)
                SELECT i.id FROM article_text_ids i WHERE i.article_key = new.key AND i.id NOT IN (SELECT id FROM article_text_pending);
        END;
        CREATE TRIGGER articles_text_delete AFTER DELETE ON articles BEGIN
            DELETE FROM article_text WHERE rowid =
                (SELECT i.id FROM article_text_ids i WHERE i.article_key = old.key AND i.id NOT IN (SELECT id FROM article_text_pending));
            DELETE FROM article_text_pending WHERE id = (SELECT id FROM article_text_ids WHERE article_key = old.key);
            DELETE FROM article_text_ids WHERE article_key = old.key;
        END;
        """;

    public const string SelectPendingArticleTextCount = "SELECT count(*) FROM article_text_pending;";

    /// <summary>
    /// Indexes every pending article's title and text in one statement, in id order (FTS5 writes its
    /// pending rows out whenever a rowid goes back), and empties the queue.
    /// </summary>
    public const string IndexPendingArticleText = """
        INSERT INTO article_text (rowid, title_norm, text_norm)
            SELECT p.id, a.title_norm, a.text_norm
            FROM article_text_pending p JOIN article_text_ids i ON i.id = p.id JOIN articles a ON a.key = i.article_key
            ORDER BY p.id;
        DELETE FROM article_text_pending;
        """;
}
