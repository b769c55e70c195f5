using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Candidates;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>
/// Pass 1b: organizations whose name opens with a head noun (أمانة جدة، إدارة الأرصاد الجوية، غرفة
/// تجارة دمشق، الإدارة العامة للعلاقات العامة) that neither the gazetteer nor the hand-written name
/// patterns (which want a demonym or a state at the end) recognized. Where the name ends is learned:
/// every span of two to eight words from an unclaimed head noun is a candidate, described by
/// features (its head, length, how its last word and the word after it look), and the span model
/// (<see cref="SpanModel"/>, trained on the annotated corpus) decides; the likeliest span per head
/// is taken when the model is confident enough.
/// </summary>
internal sealed partial class ArticleAnalysis
{
    private const int MaxLearnedSpanTokens = 8;

    /// <summary>Every span candidate considered, with its features and probability (for training and inspection; empty unless asked for).</summary>
    public List<SpanCandidate> OrganizationSpanCandidates { get; } = [];

    private void FindLearnedOrganizations(int s)
    {
        if (_organizationSpans is null && !_keepSpanCandidates)
        {
            return;
        }

        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        for (int i = 0; i < tokens.Count - 1; i++)
        {
            if (Owner[s][i] is not null || !tokens[i].IsWord || BareFormIn(tokens[i], _lex.OrganizationHeads) is not { } head)
            {
                continue;
            }

            List<SpanCandidate> spans = SpansFrom(s, i, head);
            if (_keepSpanCandidates)
            {
                OrganizationSpanCandidates.AddRange(spans); // otherwise dropped once decided: a long text has many heads
            }

            if (_organizationSpans?.Choose(spans) is { } best)
            {
                string name = ArticleText.SpanWithoutClitic(Sentences[s], _text, best.Start, best.End, best.FirstForm);
                string norm = ArabicText.Normalize(name);
                EntityInfo org = _lex.Organizations.TryGet(norm, out OrganizationEntry known)
                    ? GetOrganization(known)
                    : Find(GraphKeys.Organization(norm)) ?? Add(new EntityInfo(GraphKeys.Organization(norm), NodeKind.Organization, name) { Category = CategoryOf(head), HeadNoun = head });
                AddMention(s, best.Start, best.End, org, MentionForm.Name);
                i = best.End - 1;
            }
        }
    }

    /// <summary>
    /// The head noun of <paramref name="heads"/> a token opens with, read without a proclitic and the
    /// article (للجنة، والمنظمة → لجنه، منظمه), if any: organization heads, named-type heads (تنظيم، صحيفة).
    /// </summary>
    private static string? BareFormIn(Token t, IReadOnlySet<string> heads)
    {
        foreach (string f in t.Forms)
        {
            string bare = Clitics.WithoutArticle(f);
            if (heads.Contains(bare))
            {
                return bare;
            }
        }

        return null;
    }

    /// <summary>A word with the article, or ل + the article written لل.</summary>
    private static bool IsDefiniteWord(Token t) =>
        t.IsWord && (t.Norm.StartsWith("ال", StringComparison.Ordinal) || t.Norm.StartsWith("لل", StringComparison.Ordinal));

    private List<SpanCandidate> SpansFrom(int s, int i, string head)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        // The form with the article wins (للجنة is ل + اللجنة): the name keeps its article, and a definite head is a feature.
        string firstForm = tokens[i].Forms.FirstOrDefault(f => f.StartsWith("ال", StringComparison.Ordinal) && Clitics.WithoutArticle(f) == head)
            ?? tokens[i].Forms.First(f => Clitics.WithoutArticle(f) == head || f == head);
        var spans = new List<SpanCandidate>();
        int absorbed = 0;
        for (int end = i + 2; end <= Math.Min(tokens.Count, i + MaxLearnedSpanTokens); end++)
        {
            int last = end - 1;
            Token t = tokens[last];
            // A span never crosses punctuation, a function word (في، من، على: a name's complement is
            // joined without one far more often than with), a person, a verb cue or a title.
            if (!t.IsWord || _lex.IsFunctionWord(t.Norm) || Owner[s][last] is { Entity.Kind: NodeKind.Person or NodeKind.Organization }
                || Cue(s, last) is not null || Title(s, last) is not null)
            {
                break;
            }

            if (Owner[s][last] is { Entity.Kind: NodeKind.Place or NodeKind.State })
            {
                absorbed++;
            }

            var c = new SpanCandidate(s, i, end, firstForm);
            Describe(c, s, head, absorbed);
            spans.Add(c);
        }

        return spans;
    }

    private void Describe(SpanCandidate c, int s, string head, int absorbed)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        int length = c.End - c.Start;
        Token last = tokens[c.End - 1];
        c.Features.Add("head=" + head);
        c.Features.Add("length=" + length);
        c.Features.Add($"head×length={head}×{Math.Min(length, 5)}");
        c.Features.Add("first-definite=" + c.FirstForm.StartsWith("ال", StringComparison.Ordinal));
        c.Features.Add("last=" + WordShape(s, c.End - 1));
        c.Features.Add("next=" + (c.End < tokens.Count ? WordShape(s, c.End) : "end"));
        c.Features.Add($"last×next={WordShape(s, c.End - 1)}×{(c.End < tokens.Count ? WordShape(s, c.End) : "end")}");
        c.Features.Add("absorbed=" + Math.Min(absorbed, 2));
        bool definiteHead = c.FirstForm.StartsWith("ال", StringComparison.Ordinal);
        c.Features.Add($"definite-head×last={definiteHead}×{WordShape(s, c.End - 1)}");
        c.Features.Add($"definite-head×length={definiteHead}×{Math.Min(length, 4)}");
        // An adjective right after the head agrees with it in gender when it describes the head
        // (المجلس الأعلى) and not when it describes a word before (جلسة المجلس الأسبوعية).
        string second = tokens[c.Start + 1].Norm;
        if (second.StartsWith("ال", StringComparison.Ordinal) && second.Length > 4)
        {
            bool headFeminine = head.EndsWith('ه');
            bool secondFeminine = second.EndsWith('ه');
            c.Features.Add("second-agrees=" + (headFeminine == secondFeminine));
        }
        int definite = 0;
        for (int k = c.Start + 1; k < c.End; k++)
        {
            definite += IsDefiniteWord(tokens[k]) ? 1 : 0; // a span holds words only
        }

        c.Features.Add("all-definite=" + (definite == length - 1));
        if (_lex.IsCommonWord(last.Norm))
        {
            c.Features.Add("last-common");
        }

        if (last.Norm.StartsWith('و') && last.Norm.Length > 3)
        {
            c.Features.Add("last-after-and");
        }
    }

    /// <summary>A coarse description of a word for span features: what kind of mention or word it is.</summary>
    private string WordShape(int s, int j)
    {
        Token t = Sentences[s].Tokens[j];
        if (!t.IsWord)
        {
            return t.Kind == TokenKind.Number ? "number" : "punct";
        }

        if (Owner[s][j] is { } m)
        {
            // ب before a place (ببغداد) usually says where, not whose: "bi-Place" keeps the two apart.
            string prefix = t.Norm.Length > 3 && t.Norm[0] == 'ب' && t.Forms.Contains(t.Norm[1..]) ? "bi-" : "";
            return m.Entity.Kind == NodeKind.State && m.Form == MentionForm.Demonym ? "demonym" : prefix + m.Entity.Kind;
        }

        if (Cue(s, j) is not null)
        {
            return "cue";
        }

        if (Title(s, j) is not null)
        {
            return "title";
        }

        if (_lex.IsFunctionWord(t.Norm))
        {
            return "function";
        }

        string n = t.Norm;
        return n.StartsWith("لل", StringComparison.Ordinal) ? "lil"
            : n.StartsWith("ال", StringComparison.Ordinal) ? (IsNisbaAdjective(n) ? "nisba" : "definite")
            : n.StartsWith("وال", StringComparison.Ordinal) ? "and-definite"
            : n[0] is 'ي' or 'ت' or 'ن' && n.Length >= 4 ? "maybe-verb"
            : _lex.IsCommonWord(n) ? "common"
            : "other";
    }
}
