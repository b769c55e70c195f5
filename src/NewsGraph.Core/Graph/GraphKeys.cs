using System.Security.Cryptography;
using System.Text;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Graph;

/// <summary>
/// Keys that merge the graph: the same person, state, organization or place gets the same key in
/// every article, and the same relation (same ends, same kind of assertion) the same key in every
/// article, so upserts are idempotent and reports from several articles land on one node or edge.
/// </summary>
public static class GraphKeys
{
    public static string Person(string canonicalName) => "person:" + Slug(canonicalName);

    /// <summary>States are keyed by ISO 3166-1 alpha-2 code, whatever name the text used.</summary>
    public static string State(string iso) => "state:" + iso.ToUpperInvariant();

    /// <summary>Organizations are keyed by gazetteer id when known, else by normalized name.</summary>
    public static string Organization(string idOrName) => "org:" + Slug(idOrName);

    public static string Place(string idOrName) => "place:" + Slug(idOrName);

    /// <summary>A claim is identified by who said it and what was said (normalized).</summary>
    public static string Claim(string speakerKey, string text) =>
        "claim:" + Hash(speakerKey + "\n" + ArabicText.Normalize(text))[..24];

    /// <summary>An article is its URL when known, else the SHA-256 of its normalized text.</summary>
    public static string Article(string? url, string text) =>
        string.IsNullOrWhiteSpace(url) ? Hash(ArabicText.Normalize(text)) : url.Trim();

    /// <summary>
    /// A relation key: one MET per pair and day (either order), one STATED per speaker and claim,
    /// one MEMBER_OF per state, organization and status.
    /// </summary>
    public static string Relation(RelationType type, string from, string to, DateOnly? date = null, MembershipStatus? status = null, string? role = null)
    {
        switch (type)
        {
            case RelationType.Met or RelationType.Phoned:
                {
                    (string a, string b) = string.CompareOrdinal(from, to) <= 0 ? (from, to) : (to, from);
                    string day = date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "undated";
                    return $"{GraphNames.TypeName(type).ToLowerInvariant()}:{Hash(a + "|" + b + "|" + day)[..24]}";
                }

            case RelationType.MemberOf:
                return "member_of:" + Hash(from + "|" + to + "|" + (status is { } s ? GraphNames.StatusName(s) : string.Empty))[..24];
            case RelationType.HoldsRole:
                return "holds_role:" + Hash(from + "|" + to + "|" + ArabicText.Normalize(role))[..24];
            default:
                return GraphNames.TypeName(type).ToLowerInvariant() + ":" + Hash(from + "|" + to)[..24];
        }
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes.</summary>
    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Slug(string value) => ArabicText.Normalize(value).Replace(' ', '_');
}
