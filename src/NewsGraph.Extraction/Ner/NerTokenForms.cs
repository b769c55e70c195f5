using NewsGraph.Core.Text;

namespace NewsGraph.Extraction.Ner;

/// <summary>
/// The forms of one token that features and gazetteers look at. <see cref="Normalized"/> is
/// <see cref="ArabicText.Normalize"/> (or the raw token when that is empty, e.g. punctuation);
/// <see cref="Light"/> drops conjunction and preposition proclitics (و ف ب ل ك) but keeps the
/// article, so "بالقاهرة" matches the gazetteer entry "القاهرة"; <see cref="Stem"/> also drops
/// ال — a proclitic-split, lemma-ish form. Stripping is ambiguous (وزير is not و + زير), so the
/// features carry both the whole word and the stripped forms and let training weigh them.
/// </summary>
internal readonly record struct NerTokenForms(string Normalized, string Light, string Stem, string Proclitic)
{
    /// <summary>Longer tokens are cut before analysis; no word is this long, and it bounds the work.</summary>
    internal const int MaxAnalyzedLength = 64;

    private static readonly string[] s_definitePrefixes = ["وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ال"];
    private static readonly string[] s_lamLamPrefixes = ["ولل", "فلل", "لل"];
    private static readonly string[] s_plainPrefixes = ["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"];

    public static NerTokenForms Analyze(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return new NerTokenForms("<empty>", "<empty>", "<empty>", string.Empty);
        }

        string bounded = Sanitize(token.Length > MaxAnalyzedLength ? token[..MaxAnalyzedLength] : token);
        string normalized = ArabicText.Normalize(bounded);
        if (normalized.Length == 0)
        {
            // Punctuation normalizes to nothing; the mark itself is what tells "." from "(".
            string trimmed = bounded.Trim();
            normalized = trimmed.Length == 0 ? "<space>" : trimmed;
            return new NerTokenForms(normalized, normalized, normalized, string.Empty);
        }

        if (!ArabicText.IsArabicLetter(normalized[0]))
        {
            return new NerTokenForms(normalized, normalized, normalized, string.Empty);
        }

        foreach (string prefix in s_definitePrefixes)
        {
            if (normalized.Length - prefix.Length >= 2 && normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                string rest = normalized[prefix.Length..];
                return new NerTokenForms(normalized, "ال" + rest, rest, prefix[..^2] + "+ال");
            }
        }

        foreach (string prefix in s_lamLamPrefixes)
        {
            // لل is ل + ال with the alef elided: للرئيس = ل + الرئيس.
            if (normalized.Length - prefix.Length >= 2 && normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                string rest = normalized[prefix.Length..];
                return new NerTokenForms(normalized, "ال" + rest, rest, prefix[..^1] + "+ال");
            }
        }

        foreach (string prefix in s_plainPrefixes)
        {
            if (normalized.Length - prefix.Length >= 3 && normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                string rest = normalized[prefix.Length..];
                return new NerTokenForms(normalized, rest, rest, prefix);
            }
        }

        return new NerTokenForms(normalized, normalized, normalized, string.Empty);
    }

    /// <summary>
    /// Replaces unpaired surrogates with U+FFFD: string.Normalize (inside ArabicText.Normalize)
    /// throws on them, and tokens cut from binary input or at a length limit can contain them.
    /// </summary>
    internal static string Sanitize(string text)
    {
        int bad = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                bad = i;
                break;
            }
        }

        if (bad < 0)
        {
            return text;
        }

        char[] chars = text.ToCharArray();
        for (int i = bad; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// Coarse word shape of the raw token, written into <paramref name="buffer"/> (6 chars): A Arabic
    /// letter, D digit, X/x Latin upper/lower, L other letter, P punctuation or symbol, S space,
    /// O other; runs collapsed, diacritics skipped. Returns the length used.
    /// </summary>
    public static int WriteShape(string? token, Span<char> buffer)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        int length = 0;
        int limit = Math.Min(token.Length, MaxAnalyzedLength);
        for (int i = 0; i < limit && length < buffer.Length; i++)
        {
            char c = token[i];
            if (ArabicText.IsDiacritic(c) || c == '\u0640')
            {
                continue;
            }

            char cls = c switch
            {
                _ when ArabicText.IsArabicLetter(c) => 'A',
                _ when char.IsDigit(c) => 'D',
                >= 'A' and <= 'Z' => 'X',
                >= 'a' and <= 'z' => 'x',
                _ when char.IsLetter(c) => 'L',
                _ when char.IsPunctuation(c) || char.IsSymbol(c) => 'P',
                _ when char.IsWhiteSpace(c) => 'S',
                _ => 'O',
            };
            if (length == 0 || buffer[length - 1] != cls)
            {
                buffer[length++] = cls;
            }
        }

        return length;
    }
}
