using System.Text;
using NewsGraph.Ingestion.Sources.Following;

namespace NewsGraph.Ingestion.Tests.Sources.Following;

public sealed class WebPageDecodingTests
{
    private const string Arabic = "التقى وزير الخارجية نظيره في عمان اليوم";

    static WebPageDecodingTests() => WebPageDecoding.EnsureCodePages();

    [Fact]
    public void Decode_Windows1256DeclaredNowhere_IsReadAsWindows1256()
    {
        byte[] page = Encoding.GetEncoding(1256).GetBytes($"<html><body><p>{Arabic}</p></body></html>");

        (string text, string encoding) = WebPageDecoding.Decode(page, contentTypeCharset: null);

        Assert.Equal(("windows-1256", true), (encoding, text.Contains(Arabic, StringComparison.Ordinal)));
    }

    [Fact]
    public void Decode_MetaCharset_WinsOverTheBytesLookingLikeUtf8()
    {
        byte[] page = Encoding.GetEncoding(1256).GetBytes($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body>{Arabic}</body></html>");

        Assert.Contains(Arabic, WebPageDecoding.Decode(page, null).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HeaderCharset_WinsOverTheMetaTag()
    {
        byte[] page = Encoding.UTF8.GetBytes($"<meta charset=\"windows-1256\"><p>{Arabic}</p>");

        (string text, string encoding) = WebPageDecoding.Decode(page, "utf-8");

        Assert.Equal(("utf-8", true), (encoding, text.Contains(Arabic, StringComparison.Ordinal)));
    }

    [Fact]
    public void Decode_Utf8Undeclared_IsUtf8()
    {
        Assert.Equal("utf-8", WebPageDecoding.Decode(Encoding.UTF8.GetBytes($"<p>{Arabic}</p>"), null).Encoding);
    }
}
