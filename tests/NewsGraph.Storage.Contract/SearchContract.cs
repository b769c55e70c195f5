using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using static NewsGraph.Storage.Contract.SampleGraph;

namespace NewsGraph.Storage.Contract;

/// <summary>
/// Full-text search over names, aliases and claim texts: tolerant of Arabic spelling variants
/// and partial names, ranked with exact (normalized) name matches first, safe on any input.
/// </summary>
public abstract class SearchContract<TFactory> : GraphStoreContract<TFactory>
    where TFactory : IGraphStoreFactory, new()
{
    [SkippableFact]
    public async Task Search_ExactName_RanksItFirst()
    {
        IGraphStore store = await SeededStoreAsync();

        IReadOnlyList<SearchHit> russia = await store.SearchAsync("روسيا", null, 10, None);
        IReadOnlyList<SearchHit> jordan = await store.SearchAsync("الأردن", null, 10, None);

        // The claims that contain the word come after the state named exactly so.
        Assert.Equal([Russia, LavrovClaim], russia.Select(h => h.Key));
        Assert.Equal((NodeKind.State, NodeKind.Claim), (russia[0].Kind, russia[1].Kind));
        Assert.Equal([Jordan, SafadiClaim], jordan.Select(h => h.Key));
    }

    [SkippableFact]
    public async Task Search_Scores_AreHigherForBetterHits()
    {
        IGraphStore store = await SeededStoreAsync();

        IReadOnlyList<SearchHit> hits = await store.SearchAsync("روسيا", null, 10, None);

        Assert.True(hits[0].Score > hits[1].Score);
    }

    [SkippableFact]
    public async Task Search_Alias_FindsTheEntity()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(Lavrov, (await store.SearchAsync("لافروف", null, 10, None))[0].Key);
        Assert.Equal(Sco, (await store.SearchAsync("شنغهاي", null, 10, None))[0].Key);
    }

    [SkippableTheory]
    [InlineData("ايمن الصفدي", "person")] // no hamza on the alef
    [InlineData("إيمن الصفدي", "person")] // the other hamza
    [InlineData("اناتولي انطونوف", "antonov")]
    [InlineData("مصطفي الحلبي", "mustafa")] // ي for ى
    [InlineData("سوريه", "syria")] // ه for ة
    [InlineData("عمّان", "amman")] // shadda
    [InlineData("عَمَّان", "amman")] // full diacritics
    [InlineData("جامعه الدول العربيه", "league")]
    public async Task Search_SpellingVariant_FindsTheEntityFirst(string text, string expected)
    {
        IGraphStore store = await SeededStoreAsync();
        string key = expected switch
        {
            "person" => Safadi,
            "antonov" => Antonov,
            "mustafa" => Mustafa,
            "syria" => Syria,
            "amman" => Amman,
            _ => ArabLeague,
        };

        IReadOnlyList<SearchHit> hits = await store.SearchAsync(text, null, 10, None);

        Assert.NotEmpty(hits);
        Assert.Equal(key, hits[0].Key);
    }

    [SkippableFact]
    public async Task Search_PartialName_FindsByPrefix()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal([Bogdanov], (await store.SearchAsync("بوغدا", null, 10, None)).Select(h => h.Key));
        Assert.Equal(Sorted([Lavrov, Shoigu]), Sorted((await store.SearchAsync("سيرغي", null, 10, None)).Select(h => h.Key)));
        Assert.Equal(Lavrov, (await store.SearchAsync("سيرغي لافر", null, 10, None))[0].Key);
    }

    [SkippableFact]
    public async Task Search_ClaimText_FindsTheClaim()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal([LavrovClaim], (await store.SearchAsync("الحل السياسي", [NodeKind.Claim], 10, None)).Select(h => h.Key));
        Assert.Equal([SafadiClaim], (await store.SearchAsync("يرحب بالحوار", null, 10, None)).Select(h => h.Key));
    }

    [SkippableFact]
    public async Task Search_Kinds_RestrictTheHits()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal([Russia], (await store.SearchAsync("روسيا", [NodeKind.State], 10, None)).Select(h => h.Key));
        Assert.Equal([LavrovClaim], (await store.SearchAsync("روسيا", [NodeKind.Claim, NodeKind.Person], 10, None)).Select(h => h.Key));
    }

    [SkippableFact]
    public async Task Search_First_LimitsTheHits()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Single(await store.SearchAsync("سيرغي", null, 1, None));
        Assert.Empty(await store.SearchAsync("سيرغي", null, 0, None));
    }

    [SkippableFact]
    public async Task Search_NothingMatches_ReturnsNoHits()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Empty(await store.SearchAsync("واشنطن", null, 10, None));
        Assert.Empty(await store.SearchAsync("   ", null, 10, None));
        Assert.Empty(await store.SearchAsync("", null, 10, None));
    }

    [SkippableTheory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("OR")]
    [InlineData("AND NOT")]
    [InlineData("لافروف\" OR \"")]
    [InlineData("name:لافروف")]
    [InlineData("^لافروف")]
    [InlineData("(لافروف")]
    [InlineData("لافروف*")]
    [InlineData("-لافروف")]
    public async Task Search_QuerySyntaxInTheText_IsSearchedNotObeyed(string text)
    {
        IGraphStore store = await SeededStoreAsync();

        IReadOnlyList<SearchHit> hits = await store.SearchAsync(text, null, 10, None);

        if (text.Contains("لافروف", StringComparison.Ordinal))
        {
            Assert.Equal(Lavrov, hits[0].Key);
        }
    }
}
