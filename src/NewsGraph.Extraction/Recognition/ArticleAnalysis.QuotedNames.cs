using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>Pass 1, quoted names: an organization named inside quotes after its type noun.</summary>
internal sealed partial class ArticleAnalysis
{
    /// <summary>
    /// منظمة "شنغهاي للتعاون"، مجموعة "بريكس": a known organization whose name the article writes with
    /// its type noun outside the quotes. The gazetteer's entry is the organization (its name, no quotes);
    /// the quotes would otherwise split the name, leaving a place (شنغهاي) or nothing.
    /// </summary>
    private int? TryQuotedKnownOrganization(int s, int i)
    {
        if (QuotedAfter(s, i) is not (string inner, int close))
        {
            return null;
        }

        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        string innerNorm = ArabicText.Normalize(inner);
        foreach (string form in tokens[i].Forms)
        {
            if (_lex.Organizations.TryGet(form + " " + innerNorm, out OrganizationEntry entry))
            {
                EntityInfo org = GetOrganization(entry);
                org.AddAlias(ArticleText.SpanWithoutClitic(Sentences[s], _text, i, i + 1, form) + " " + inner);
                AddMention(s, i, close + 1, org, MentionForm.Name);
                return close + 1 - i;
            }
        }

        return null;
    }

    /// <summary>The text a quote opened right after word <paramref name="i"/> holds (one to six tokens) and where the quote closes; null when there is none.</summary>
    private (string Inner, int Close)? QuotedAfter(int s, int i)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (!tokens[i].IsWord || i + 2 >= tokens.Count || tokens[i + 1].Kind != TokenKind.Quote)
        {
            return null;
        }

        int close = FindClosingQuote(tokens, i + 2, 6);
        return close < 0 || close == i + 2 ? null : (ArticleText.Span(Sentences[s], _text, i + 2, close), close);
    }

    /// <summary>تنظيم “داعش”، صحيفة «إزفيستيا»، وكالة «رويترز»: a type noun and a quoted or bracketed proper name.</summary>
    private int? TryQuotedName(int s, int i)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (QuotedAfter(s, i) is not (string inner, int close) || BareFormIn(tokens[i], _lex.NamedTypeHeads) is not { } head)
        {
            return null;
        }

        string innerNorm = ArabicText.Normalize(inner);
        // Demonym adjective after the closing quote belongs to the name's owner, not the name: "إزفيستيا" الروسية.
        int end = close + 1;
        EntityInfo org;
        if (_lex.Organizations.TryGet(innerNorm, out OrganizationEntry entry))
        {
            org = GetOrganization(entry);
        }
        else
        {
            if (_lex.States.TryGet(innerNorm, out _) || _lex.Places.TryGet(innerNorm, out _) || _lex.IsFunctionWord(innerNorm))
            {
                return null;
            }

            string key = GraphKeys.Organization(innerNorm);
            org = Find(key) ?? Add(new EntityInfo(key, NodeKind.Organization, inner) { Category = CategoryOf(head) });
        }

        org.AddAlias(ArticleText.SpanWithoutClitic(Sentences[s], _text, i, i + 1, FirstForm(tokens[i].Norm, head)) + " " + inner);
        AddMention(s, i, end, org, MentionForm.Name);
        return end - i;
    }
}
