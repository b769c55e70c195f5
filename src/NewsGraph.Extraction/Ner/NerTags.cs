namespace NewsGraph.Extraction.Ner;

/// <summary>
/// The BIO tag vocabulary. Output is BIO over <see cref="Person"/>, <see cref="Location"/> and
/// <see cref="Organization"/>; a model may also know MISC (ANERcorp has it), which
/// <see cref="NerTagger"/> reports as <see cref="Outside"/>.
/// </summary>
public static class NerTags
{
    public const string Outside = "O";
    public const string Person = "PERS";
    public const string Location = "LOC";
    public const string Organization = "ORG";
    public const string Miscellaneous = "MISC";

    /// <summary>The entity types the tagger reports, in scoring order.</summary>
    public static IReadOnlyList<string> ReportedTypes { get; } = [Person, Location, Organization];

    /// <summary>The entity type of a BIO tag ("B-LOC" → "LOC"), or null for O and malformed tags.</summary>
    public static string? TypeOf(string? tag)
    {
        if (tag is null || tag.Length < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I'))
        {
            return null;
        }

        return tag[2..];
    }

    /// <summary>True for an I- tag.</summary>
    public static bool IsInside(string? tag) => tag is not null && tag.StartsWith("I-", StringComparison.Ordinal) && tag.Length > 2;

    /// <summary>
    /// BIO constraint: I-X may only follow B-X or I-X. <paramref name="previous"/> null means the
    /// sequence start.
    /// </summary>
    public static bool IsAllowedTransition(string? previous, string current)
    {
        if (!IsInside(current))
        {
            return true;
        }

        return previous is not null && TypeOf(previous) is { } type && string.Equals(type, TypeOf(current), StringComparison.Ordinal);
    }

    /// <summary>
    /// Rewrites an I-X that does not continue an X span as B-X. The scorer reads such a tag as a
    /// span start already, so entity spans are unchanged; the sequence just becomes valid BIO.
    /// Tags that are not B-/I-/O of a known shape become O.
    /// </summary>
    public static string[] Repair(IReadOnlyList<string> tags, out int repaired)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var result = new string[tags.Count];
        repaired = 0;
        string? previous = null;
        for (int i = 0; i < tags.Count; i++)
        {
            string tag = tags[i]?.Trim() ?? Outside;
            if (tag.Length == 0 || (tag != Outside && TypeOf(tag) is null))
            {
                tag = Outside;
            }

            if (!IsAllowedTransition(previous, tag))
            {
                tag = "B-" + TypeOf(tag);
                repaired++;
            }

            result[i] = tag;
            previous = tag == Outside ? null : tag;
        }

        return result;
    }
}
