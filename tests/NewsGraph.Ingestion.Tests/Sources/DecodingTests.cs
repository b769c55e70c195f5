using System.Text;
using NewsGraph.Ingestion.Sources;

namespace NewsGraph.Ingestion.Tests.Sources;

/// <summary>The byte order mark is read before the content is judged, and every refusal says what is wrong.</summary>
public sealed class DecodingTests : IDisposable
{
    private const string Text = "قال الوزير: \"the talks\" went well.\nسطر ثان";

    private readonly HostileTree _tree = new();

    public void Dispose() => _tree.Dispose();

    public static TheoryData<string> Encodings() => ["utf-16LE", "utf-16BE", "utf-32LE", "utf-32BE"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decode_TextWithByteOrderMark_IsDecodedInThatEncoding(string name)
    {
        Encoding encoding = Encoding.GetEncoding(name);

        Assert.Equal(Text, ArticleDecoding.Decode([.. encoding.Preamble, .. encoding.GetBytes(Text)]));
    }

    [Fact]
    public async Task Read_Utf16FileWithBom_IsAnArticleNotBinary()
    {
        string path = _tree.Write("windows.txt", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Text)]);

        SourceItem item = Assert.Single(await HostileTree.ReadAllAsync(path));

        Assert.Null(item.Error);
        Assert.Equal(Text, item.Article!.Text);
    }

    [Fact]
    public void Decode_NulCharactersInDeclaredText_AreRemoved() =>
        Assert.Equal("قال الوزير", ArticleDecoding.Decode([.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes("قال\0 الوزير\0")]));

    [Fact]
    public void ValidateText_NulCharacters_AreRemoved() =>
        Assert.Equal("قال الوزير", ArticleDecoding.ValidateText("قال \0الوزير"));

    [Fact]
    public void Decode_Utf16WithoutByteOrderMark_SaysSoRatherThanBinary()
    {
        var ex = Assert.Throws<ArticleRejectedException>(() => ArticleDecoding.Decode(Encoding.Unicode.GetBytes("The minister said")));

        Assert.Equal("UTF-16 without a byte order mark; save the file as UTF-8", ex.Message);
    }

    [Fact]
    public void Decode_ByteOrderMarkThatLies_NamesTheEncodingItClaims()
    {
        var ex = Assert.Throws<ArticleRejectedException>(() => ArticleDecoding.Decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00]));

        Assert.StartsWith("not valid UTF-16LE (invalid byte at offset ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"قال الوزير\"")]
    [InlineData("null")]
    [InlineData("true")]
    public async Task Read_JsonDocumentThatIsAScalar_SaysAJsonFileMustHoldObjects(string json)
    {
        string path = _tree.Write("scalar.json", json);

        SourceItem item = Assert.Single(await HostileTree.ReadAllAsync(path));

        Assert.Equal("a .json file must hold an object or an array of objects", item.Error);
    }

    [Fact]
    public async Task Read_JsonTextFieldWithNul_IsStoredWithoutIt()
    {
        string path = _tree.Write("nul.json", """{"text": "قال\u0000 الوزير"}""");

        SourceItem item = Assert.Single(await HostileTree.ReadAllAsync(path));

        Assert.Equal("قال الوزير", item.Article?.Text);
    }
}
