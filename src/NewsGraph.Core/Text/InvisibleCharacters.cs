namespace NewsGraph.Core.Text;

/// <summary>
/// Characters that show nothing, or only change how the text around them is ordered: control
/// characters (U+0000–U+001F except newline and tab, U+007F–U+009F) and the zero-width and
/// bidirectional format characters (U+061C, U+200B–U+200F, U+202A–U+202E, U+2060–U+2064,
/// U+2066–U+2069, U+FEFF). Inside a name they make a second entity that looks like the first, or
/// turn a name around on screen (U+202E), so what becomes an entity is cleaned of them. Article
/// text and evidence keep them: they quote the article as written.
/// </summary>
public static class InvisibleCharacters
{
    /// <summary>True for the characters listed on this class.</summary>
    public static bool IsInvisible(char c) => c switch
    {
        '\n' or '\t' => false,
        <= '\u001F' or (>= '\u007F' and <= '\u009F') => true,
        '\u061C' or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') => true,
        (>= '\u2060' and <= '\u2064') or (>= '\u2066' and <= '\u2069') or '\uFEFF' => true,
        _ => false,
    };

    /// <summary>
    /// <paramref name="text"/> without invisible characters. The ones that separate words (CR, VT,
    /// FF, NEL) become a space, so the words on either side stay apart; the others are dropped, so
    /// "الصف\u200Bدي" reads "الصفدي". Returns the same instance when there is nothing to remove.
    /// </summary>
    public static string Remove(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = IndexOfInvisible(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length - CountDropped(text, first), (text, first), static (span, state) =>
        {
            (string source, int from) = state;
            source.AsSpan(0, from).CopyTo(span);
            int written = from;
            for (int i = from; i < source.Length; i++)
            {
                char c = source[i];
                if (!IsInvisible(c))
                {
                    span[written++] = c;
                }
                else if (char.IsWhiteSpace(c))
                {
                    span[written++] = ' ';
                }
            }
        });
    }

    private static int IndexOfInvisible(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsInvisible(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int CountDropped(string text, int from)
    {
        int dropped = 0;
        for (int i = from; i < text.Length; i++)
        {
            if (IsInvisible(text[i]) && !char.IsWhiteSpace(text[i]))
            {
                dropped++;
            }
        }

        return dropped;
    }
}
