using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Core.Tests;

/// <summary>The parts of reading and writing that every store shares (the contract suite runs them through real stores).</summary>
public sealed class StoreRulesTests
{
    [Fact]
    public void FilterTerms_OnlySetFilters_TextNormalized_ParametersNamedAfterTheFilter()
    {
        var query = new RelationQuery
        {
            FromKey = "person:a",
            TextContains = "الإرهابُ",
            Status = MembershipStatus.Observer,
            DateFrom = new DateOnly(2016, 4, 1),
        };

        FilterTerm<RelationFilter>[] terms = [.. FilterTerms.Of(query)];

        Assert.Equal([RelationFilter.FromKey, RelationFilter.Status, RelationFilter.TextContains, RelationFilter.DateFrom], terms.Select(t => t.Filter));
        Assert.Equal(["fromKey", "status", "textContains", "dateFrom"], terms.Select(t => t.ParameterName));
        Assert.Equal("الارهاب", terms[2].Value);
        Assert.Equal(MembershipStatus.Observer, terms[1].Value);
        Assert.Equal(new DateOnly(2016, 4, 1), terms[3].Value);
    }

    [Fact]
    public void FilterTerms_EmptyQueries_HaveNoTerms()
    {
        Assert.Empty(FilterTerms.Of(new RelationQuery()));
        Assert.Empty(FilterTerms.Of(new ArticleQuery()));
    }

    [Fact]
    public void PageWindow_BackwardPage_FetchesAgainstTheOrderAndComesBackInIt()
    {
        string cursor = Cursor.Encode("ب", "k2");
        PageWindow window = PageWindow.Of(SortValueKind.Text, SortDirection.Ascending, new PageRequest(Last: 2, Before: cursor));

        Assert.True(window.Backward);
        Assert.False(window.FetchAscending);
        Assert.Equal(("ب", "k2"), ((string)window.Cursor!.Value.Sort, window.Cursor.Value.Key));

        Page<string> page = window.ToPage<string>([new("b", "cb"), new("a", "ca")], hasMore: true, beyondCursor: true, total: null);
        Assert.Equal(["a", "b"], page.Items.Select(i => i.Node));
        Assert.True(page.HasPreviousPage);
        Assert.True(page.HasNextPage);
    }

    [Fact]
    public void PageWindow_FirstPage_HasNoPreviousPage()
    {
        PageWindow window = PageWindow.Of(SortValueKind.Number, SortDirection.Descending, PageRequest.FirstN(1));

        Page<string> page = window.ToPage<string>([new("x", "cx")], hasMore: true, beyondCursor: true, total: 5);

        Assert.False(window.FetchAscending);
        Assert.True(page.HasNextPage);
        Assert.False(page.HasPreviousPage);
        Assert.Equal(5, page.TotalCount);
    }

    [Theory]
    [InlineData(SortValueKind.Date, "yesterday")]
    [InlineData(SortValueKind.Number, "many")]
    public void PageWindow_CursorOfAnotherKindOfList_IsRefused(SortValueKind kind, string sortValue) =>
        Assert.Throws<InvalidCursorException>(() => PageWindow.Of(kind, SortDirection.Ascending, new PageRequest(First: 1, After: Cursor.Encode(sortValue, "k"))));

    [Fact]
    public void Validate_RelationWhoseEndTheArticleDoesNotList_IsRefusedWithTheArticleKey()
    {
        ArticleGraph graph = Graph("article-1") with
        {
            Relations = [new ExtractedRelation(RelationType.Met, "person:a", "person:missing", "evidence", 0)],
        };

        ArgumentException error = Assert.Throws<ArgumentException>(() => ArticleGraphUpsert.Validate([graph]));
        Assert.Contains("article-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("person:missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentHash_SameExtraction_SameHash_AnyChange_AnotherHash()
    {
        ArticleGraph graph = Graph("article-1");

        Assert.Equal(ArticleGraphUpsert.ContentHash(graph), ArticleGraphUpsert.ContentHash(Graph("article-1")));
        Assert.NotEqual(ArticleGraphUpsert.ContentHash(graph), ArticleGraphUpsert.ContentHash(graph with { Article = graph.Article with { Title = "عنوان آخر" } }));
        ArticleGraphUpsert.Validate([graph]);
    }

    [Fact]
    public void ContentHash_AnyText_TheHashOfTheSerializedString()
    {
        // The hash as first written: the SHA-256 of the UTF-8 of the version line and the graph's JSON string.
        var relaxed = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        ArticleGraph graph = Graph("article-1");
        foreach (string text in new[] { "نص", "سطر\nو\"اقتباس\" و\\ و\t و\u0001 و😀 و\u2028", new string('ب', 100_000), "\ud800 وحيد" })
        {
            ArticleGraph withText = graph with { Article = graph.Article with { Text = text, Title = text } };
            string expected = GraphKeys.Hash("newsgraph-extraction-v2\n" + System.Text.Json.JsonSerializer.Serialize(withText, relaxed));

            Assert.Equal(expected, ArticleGraphUpsert.ContentHash(withText));
        }
    }

    [Fact]
    public void MergedConfidence_NoisyOrOverTheScoredAssertions_NullWhenNoneIsScored()
    {
        Assert.Equal(0.9, ArticleGraphUpsert.MergedConfidence([0.8, null, 0.5])!.Value, 12);
        Assert.Equal(1 - (0.1 * 0.2 * 0.7), ArticleGraphUpsert.MergedConfidence([0.9, 0.8, 0.3])!.Value, 12);
        Assert.Equal(ArticleGraphUpsert.MergedConfidence([0.3, 0.8, 0.9])!.Value, ArticleGraphUpsert.MergedConfidence([0.9, 0.8, 0.3])!.Value, 12);

        // One assertion's confidence stays exactly as given; a certain one makes the relation certain.
        Assert.Equal(0.3, ArticleGraphUpsert.MergedConfidence([null, 0.3]));
        Assert.Equal(1.0, ArticleGraphUpsert.MergedConfidence([0.2, 1.0, 0.4]));
        Assert.Equal(0.0, ArticleGraphUpsert.MergedConfidence([0.0, 0.0]));
        Assert.Null(ArticleGraphUpsert.MergedConfidence([]));
        Assert.Null(ArticleGraphUpsert.MergedConfidence([null, null]));
    }

    [Theory]
    [InlineData(1.0000001)]
    [InlineData(-0.0001)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Validate_ConfidenceThatIsNotAProbability_IsRefusedWithTheArticleKey(double confidence)
    {
        ArticleGraph graph = Graph("article-1") with
        {
            Relations = [new ExtractedRelation(RelationType.Met, "person:a", "person:b", "evidence", 0, Confidence: confidence)],
        };

        ArgumentException error = Assert.Throws<ArgumentException>(() => ArticleGraphUpsert.Validate([graph]));
        Assert.Contains("article-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("confidence", error.Message, StringComparison.Ordinal);
        ArticleGraphUpsert.Validate([graph with { Relations = [graph.Relations[0] with { Confidence = 1.0 }] }]);
        ArticleGraphUpsert.Validate([graph with { Relations = [graph.Relations[0] with { Confidence = 0.0 }] }]);
    }

    [Fact]
    public void FilterTerms_ConfidenceBounds_AreTermsNamedMinAndMaxConfidence()
    {
        FilterTerm<RelationFilter>[] terms = [.. FilterTerms.Of(new RelationQuery { MinConfidence = 0.25, MaxConfidence = 0.75 })];

        Assert.Equal([RelationFilter.MinConfidence, RelationFilter.MaxConfidence], terms.Select(t => t.Filter));
        Assert.Equal(["minConfidence", "maxConfidence"], terms.Select(t => t.ParameterName));
        Assert.Equal([0.25, 0.75], terms.Select(t => t.Value));
    }

    [Fact]
    public void MergeWithinArticle_OneKeyListedTwice_CountsOnceWithMentionsSummedAndNamesUnited()
    {
        ExtractedEntity[] merged =
        [
            .. ArticleGraphUpsert.MergeWithinArticle(
            [
                new ExtractedEntity("person:a", NodeKind.Person, "أنطونوف", ["أنطونوف"], ["نائب وزير"], Mentions: 2),
                new ExtractedEntity("person:b", NodeKind.Person, "ب", [], []),
                new ExtractedEntity("person:a", NodeKind.Person, "أناتولي أنطونوف", ["أناتولي أنطونوف"], ["نائب وزير", "السفير"], Mentions: 3),
            ]),
        ];

        Assert.Equal(["person:a", "person:b"], merged.Select(e => e.Key));
        Assert.Equal("أنطونوف", merged[0].Name);
        Assert.Equal(["أنطونوف", "أناتولي أنطونوف"], merged[0].Aliases);
        Assert.Equal(["نائب وزير", "السفير"], merged[0].Titles);
        Assert.Equal(5, merged[0].Mentions);
    }


    [Fact]
    public async Task BreadthFirstPath_TwoEquallyShortPaths_TakesTheOneThroughTheFrontierFirstInKeyOrder_AndReadsOneLevelPerCall()
    {
        // a - r2 - b - r3 - d and a - r1 - c - r4 - d are both two hops. The second level is walked in
        // key order (b before c), so d is first reached from b, though c was discovered first.
        PathEdge[] edges = [new("r2", "a", "b", RelationType.Met), new("r3", "b", "d", RelationType.Met), new("r1", "a", "c", RelationType.Met), new("r4", "d", "c", RelationType.Met)];
        int reads = 0;

        GraphPath? path = await BreadthFirstPath.FindAsync("a", "d", 3, ReadFrontier, ReadRelations, null, CancellationToken.None);

        Assert.NotNull(path);
        Assert.Equal(["a", "b", "d"], path.NodeKeys);
        Assert.Equal(["r2", "r3"], path.Relations.Select(r => r.Key));
        Assert.Equal(2, reads);
        Assert.Null(await BreadthFirstPath.FindAsync("a", "d", 1, ReadFrontier, ReadRelations, null, CancellationToken.None));

        Task<IReadOnlyList<PathEdge>> ReadFrontier(IReadOnlyList<string> frontier, CancellationToken cancellation)
        {
            reads++;
            return Task.FromResult<IReadOnlyList<PathEdge>>([.. edges.Where(e => frontier.Contains(e.From) || frontier.Contains(e.To))]);
        }

        static Task<IReadOnlyList<RelationRecord>> ReadRelations(IReadOnlyList<string> keys, CancellationToken cancellation) =>
            Task.FromResult<IReadOnlyList<RelationRecord>>([.. keys.Select(k => new RelationRecord(k, RelationType.Met, "", "", null, null, null, null, null, null, null, []))]);
    }

    private static ArticleGraph Graph(string key) => new(
        new ArticleInfo(key, "نص", Title: "عنوان"),
        [new ExtractedEntity("person:a", NodeKind.Person, "أ", [], []), new ExtractedEntity("person:b", NodeKind.Person, "ب", [], [])],
        [new ExtractedRelation(RelationType.Met, "person:a", "person:b", "evidence", 0)]);
}
