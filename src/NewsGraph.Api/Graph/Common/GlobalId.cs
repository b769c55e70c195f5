using System.Buffers.Text;
using System.Text;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Common;

/// <summary>
/// Opaque global ids (<c>Node.id</c>): the GraphQL type name and the store key, base64url-encoded.
/// Clients must not take them apart; the server checks the type on the way back in.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, string key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(typeName + ":" + key));

    public static string Of(EntityRecord entity) => Encode(TypeName(entity.Kind), entity.Key);

    public static string Of(RelationRecord relation) => Encode(TypeName(relation.Type), relation.Key);

    public static string Of(ArticleRecord article) => Encode(TypeNames.Article, article.Key);

    /// <summary>The id of the node with this key (entities and claims carry their kind in the key prefix).</summary>
    public static string OfEntityKey(string key) => Encode(TypeName(KindOfKey(key)), key);

    public static string TypeName(NodeKind kind) => GraphNames.Label(kind);

    public static string TypeName(RelationType type) => type switch
    {
        RelationType.Met => TypeNames.Meeting,
        RelationType.Stated => TypeNames.Statement,
        RelationType.MemberOf => TypeNames.Membership,
        RelationType.HoldsRole => TypeNames.Role,
        RelationType.Phoned => TypeNames.PhoneCall,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a relation type"),
    };

    /// <summary>The node kind a key belongs to, from its prefix (see <see cref="GraphKeys"/>).</summary>
    public static NodeKind KindOfKey(string key) => key switch
    {
        _ when key.StartsWith("person:", StringComparison.Ordinal) => NodeKind.Person,
        _ when key.StartsWith("state:", StringComparison.Ordinal) => NodeKind.State,
        _ when key.StartsWith("org:", StringComparison.Ordinal) => NodeKind.Organization,
        _ when key.StartsWith("place:", StringComparison.Ordinal) => NodeKind.Place,
        _ when key.StartsWith("claim:", StringComparison.Ordinal) => NodeKind.Claim,
        _ => NodeKind.Article,
    };

    /// <summary>Decodes an id; false when it is not one of ours.</summary>
    public static bool TryDecode(string? id, out string typeName, out string key)
    {
        typeName = key = string.Empty;
        if (string.IsNullOrEmpty(id) || id.Length > 4096)
        {
            return false;
        }

        try
        {
            string text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(id));
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == text.Length - 1 || !TypeNames.All.Contains(text[..colon]))
            {
                return false;
            }

            typeName = text[..colon];
            key = text[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Decodes an id that must name one of <paramref name="expectedTypes"/> (any type when empty).</summary>
    /// <exception cref="GraphQL.ExecutionError">Code <c>INVALID_ID</c>.</exception>
    public static string KeyOf(string id, string argumentName, params string[] expectedTypes)
    {
        if (!TryDecode(id, out string typeName, out string key))
        {
            throw ErrorCodes.Error(ErrorCodes.InvalidId, $"'{Shorten(id)}' given for '{argumentName}' is not an id made by this server.");
        }

        if (expectedTypes.Length > 0 && !expectedTypes.Contains(typeName))
        {
            throw ErrorCodes.Error(ErrorCodes.InvalidId, $"'{argumentName}' needs the id of a {string.Join(" or ", expectedTypes)}, not of a {typeName}.");
        }

        return key;
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}

/// <summary>GraphQL object type names that carry ids.</summary>
public static class TypeNames
{
    public const string Person = "Person";
    public const string State = "State";
    public const string Organization = "Organization";
    public const string Place = "Place";
    public const string Claim = "Claim";
    public const string Article = "Article";
    public const string Meeting = "Meeting";
    public const string Statement = "Statement";
    public const string Membership = "Membership";
    public const string Role = "Role";
    public const string PhoneCall = "PhoneCall";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Person, State, Organization, Place, Claim, Article, Meeting, Statement, Membership, Role, PhoneCall,
    };

    public static readonly string[] Entities = [Person, State, Organization, Place];

    public static readonly string[] GraphNodes = [Person, State, Organization, Place, Claim];
}
