using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Relations;

/// <summary>MEMBER_OF: membership lists with statuses, joining and applying.</summary>
internal sealed partial class RelationFinder
{
    private static readonly WordSet s_includeVerbs = WordSets.Set("include-verbs");
    private static readonly WordSet s_participateVerbs = WordSets.Set("participate-verbs");
    private static readonly WordSet s_listOpeners = WordSets.Set("list-openers");
    private static readonly WordSet s_groupBreaks = WordSets.Set("group-breaks");

    private void FindMemberships(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            string n = tokens[i].Norm;
            bool partnership = n is "شراكه" or "الشراكه" && i + 2 < tokens.Count && tokens[i + 1].Norm == "في" && tokens[i + 2].Norm.Contains("حوار", StringComparison.Ordinal);
            bool trigger = partnership || s_includeVerbs.Contains(n)
                || (n is "الاعضاء" or "اعضاء" && ListOpensWithin(tokens, i + 1, 6))
                || (s_participateVerbs.Contains(n) && (ListOpensWithin(tokens, i + 1, 8) || CountryListFollows(s, i + 1)));
            // "تضم/تشمل" lists the members of the body that is their subject, named right before
            // them ("منظمة شنغهاي للتعاون التي تضم …"), not of any body earlier in the sentence
            // ("شراكة استراتيجية تشمل …").
            int reach = s_includeVerbs.Contains(n) ? 4 : int.MaxValue;
            if (trigger && MembershipOrganization(s, i, reach) is { } org)
            {
                // "ترتبط الرابطة بعلاقات شراكة في الحوار مع … من بينها الصين واليابان": the whole list is of partners.
                i = ParseMemberList(s, partnership ? i + 3 : i + 1, org, partnership ? MembershipStatus.DialoguePartner : null);
            }
        }

        FindSingleMemberships(s);
    }

    private static bool ListOpensWithin(IReadOnlyList<Token> tokens, int from, int window)
    {
        for (int j = from; j < tokens.Count && j - from < window; j++)
        {
            if (s_listOpeners.Contains(tokens[j].Norm) || (tokens[j].Norm == "كل" && j + 1 < tokens.Count && tokens[j + 1].Norm == "من") || tokens[j].Surface == ":")
            {
                return true;
            }
        }

        return false;
    }

    private bool CountryListFollows(int s, int from)
    {
        int states = 0;
        for (int j = from; j < analysis.Sentences[s].Tokens.Count && j - from < 12; j++)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.State, Form: MentionForm.Name } m)
            {
                states++;
                j = m.End - 1;
            }
        }

        return states >= 2;
    }

    /// <summary>
    /// The organization a membership sentence is about: named before the trigger ("منظمة شنغهاي
    /// تضم …"), named after it ("الدول الأعضاء في أوبك وهي …"), or a short form ("في المنظمة") that
    /// refers back to the last organization with that head.
    /// </summary>
    private EntityInfo? MembershipOrganization(int s, int i, int reach = int.MaxValue)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int j = i - 1; j >= 0; j--)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Organization } m && IsMembershipBody(m.Entity))
            {
                return i - m.End <= reach ? m.Entity : null;
            }

            if (ShortFormReferent(s, j) is { } referent && IsMembershipBody(referent))
            {
                return referent;
            }
        }

        for (int j = i + 1; j < Math.Min(tokens.Count, i + 8); j++)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Organization } m && IsMembershipBody(m.Entity))
            {
                return m.Entity;
            }

            if (ShortFormReferent(s, j) is { } referent && IsMembershipBody(referent))
            {
                return referent;
            }

            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.State })
            {
                break;
            }
        }

        return null;
    }

    /// <summary>States belong to international bodies, not to ministries, armies, newspapers or clubs.</summary>
    private static bool IsMembershipBody(EntityInfo org) => org.Category is not ("ministry" or "media" or "news_agency" or "party" or "company" or "club");

    /// <summary>
    /// Reads a list of member states: "هي روسيا والصين … إضافة إلى الهند وإيران … كعضو مراقب
    /// وبيلاروس … كعضو شريك في الحوار". States come in groups; a status phrase after a group
    /// closes it with that status, one before a group ("بصفة شريك في الحوار كل من …") opens it,
    /// "إضافة إلى"/"فيما" start a new group, and a group without a status phrase is of members.
    /// Returns the index of the last token read.
    /// </summary>
    private int ParseMemberList(int s, int from, EntityInfo org, MembershipStatus? initialStatus = null)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        var group = new List<EntityInfo>();
        MembershipStatus? groupStatus = initialStatus;
        bool skipGroup = false;
        var assigned = new List<(EntityInfo State, MembershipStatus Status)>();
        int gap = 0;
        int j = from;
        for (; j < tokens.Count; j++)
        {
            Token t = tokens[j];
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.State, Form: MentionForm.Name } m)
            {
                group.Add(m.Entity);
                j = m.End - 1;
                gap = 0;
                continue;
            }

            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Organization } other && other.Entity != org && group.Count > 0)
            {
                break; // the list has moved on to another body
            }

            MembershipStatus? status = StatusAt(tokens, j, out int statusEnd, out bool unknownStatus);
            if (status is not null || unknownStatus)
            {
                if (group.Count > 0)
                {
                    Close(group, unknownStatus ? null : status, assigned);
                    groupStatus = null;
                    skipGroup = false;
                }
                else
                {
                    groupStatus = status;
                    skipGroup = unknownStatus;
                }

                j = statusEnd - 1;
                gap = 0;
                continue;
            }

            if (s_groupBreaks.Contains(t.Norm) || s_groupBreaks.Contains(t.WithoutConjunction) || (t.Norm == "حين" && j > 0 && tokens[j - 1].Norm == "في"))
            {
                if (group.Count > 0)
                {
                    Close(group, skipGroup ? null : groupStatus ?? MembershipStatus.Member, assigned);
                    groupStatus = null;
                    skipGroup = false;
                }

                continue;
            }

            if (t.Surface == "." || (++gap > 5 && (assigned.Count > 0 || group.Count > 0)))
            {
                break;
            }
        }

        if (group.Count > 0)
        {
            Close(group, skipGroup ? null : groupStatus ?? MembershipStatus.Member, assigned);
        }

        foreach ((EntityInfo state, MembershipStatus status) in assigned)
        {
            _relations.Add(new FoundRelation(RelationType.MemberOf, state, org, s, Status: status));
        }

        return j;
    }

    private static void Close(List<EntityInfo> group, MembershipStatus? status, List<(EntityInfo, MembershipStatus)> assigned)
    {
        if (status is { } st)
        {
            foreach (EntityInfo state in group)
            {
                assigned.Add((state, st));
            }
        }

        group.Clear();
    }

    /// <summary>
    /// A status phrase at <paramref name="j"/>: كعضو مراقب، بصفة مراقب، بصفة عضو مراقب، كعضو شريك
    /// في الحوار، بصفة شريك في الحوار، كأعضاء. A status the graph has no name for ("بصفة دولة شريكة")
    /// sets <paramref name="unknown"/> so its states are left out rather than guessed.
    /// </summary>
    internal static MembershipStatus? StatusAt(IReadOnlyList<Token> tokens, int j, out int end, out bool unknown)
    {
        end = j + 1;
        unknown = false;
        string n = tokens[j].WithoutConjunction;
        if (n.Length == 0 || (n[0] is not ('ك' or 'ب' or 'م') && !s_partnerNouns.Contains(n)))
        {
            // Every status word below opens with ك، ب or م, or is a partner noun: this runs for
            // every token of every sentence, and most are answered here without comparing strings.
            return null;
        }

        int k = j + 1;
        if (n is "كعضو" or "كاعضاء" or "بصفه" or "بصفتها" or "بوصفها" or "بوصفه" or "كدوله" or "كدول")
        {
            // Agencies often quote the status: بصفة "شريك في الحوار".
            k = AfterQuotes(tokens, k);
            if (k < tokens.Count && tokens[k].Norm is "عضو" or "اعضاء" or "دوله" or "دول")
            {
                k = AfterQuotes(tokens, k + 1);
            }

            string next = k < tokens.Count ? tokens[k].Norm : string.Empty;
            if (next is "مراقب" or "مراقبين" or "مراقبه" or "مراقبا")
            {
                end = k + 1;
                return MembershipStatus.Observer;
            }

            if (next is "شريك" or "شركاء" or "شريكا" && k + 1 < tokens.Count && (tokens[k + 1].Norm.Contains("حوار", StringComparison.Ordinal) || (tokens[k + 1].Norm == "في" && k + 2 < tokens.Count && tokens[k + 2].Norm.Contains("حوار", StringComparison.Ordinal))))
            {
                end = tokens[k + 1].Norm == "في" ? k + 3 : k + 2;
                return MembershipStatus.DialoguePartner;
            }

            if (next is "شريكه" or "شريك" or "شريكا" or "شركاء")
            {
                end = k + 1;
                unknown = true;
                return null;
            }

            if (next is "عضو" or "اعضاء" or "كامله" || n is "كعضو" or "كاعضاء")
            {
                end = k;
                return MembershipStatus.Member;
            }

            return null;
        }

        if (n is "كمراقب" or "كمراقبين" or "مراقبين")
        {
            return MembershipStatus.Observer;
        }

        if (n is "كشريك" or "كشركاء" && k < tokens.Count && tokens[k].Norm.Contains("حوار", StringComparison.Ordinal))
        {
            end = k + 1;
            return MembershipStatus.DialoguePartner;
        }

        // The status named by itself: "شركاء الحوار"، "شريك حوار"، علاقات "شراكة الحوار" (a partner
        // without حوار — "شريك استراتيجي" — names no status).
        if (s_partnerNouns.Contains(n))
        {
            int after = AfterQuotes(tokens, k);
            if (after < tokens.Count && tokens[after].Norm.Contains("حوار", StringComparison.Ordinal))
            {
                end = after + 1;
                return MembershipStatus.DialoguePartner;
            }
        }

        return null;
    }

    private static readonly WordSet s_partnerNouns = WordSets.Set("partner-nouns");

    private static int AfterQuotes(IReadOnlyList<Token> tokens, int k)
    {
        while (k < tokens.Count && tokens[k].Surface is "\"" or "«" or "»" or "“" or "”" or "'")
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// One state at a time: "X، بوصفه عضوا مؤسسا في ORG", "انضمام X وY إلى ORG", "X التي انضمت
    /// إليها", "X تقدمت رسميا بطلب العضوية في ORG" (applicant), "الدول التي طلبت الانضمام".
    /// </summary>
    private void FindSingleMemberships(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        List<EntityInfo> previousStates = [];
        for (int i = 0; i < tokens.Count; i++)
        {
            string n = tokens[i].WithoutConjunction;
            MembershipStatus? status = null;
            bool statesBefore = true;
            if (n is "عضوا" or "عضو" && i + 1 < tokens.Count && (tokens[i + 1].Norm == "في" || (i + 2 < tokens.Count && tokens[i + 2].Norm == "في")))
            {
                status = MembershipStatus.Member;
            }
            else if (n is "انضمت" or "انضم" or "انضمتا")
            {
                status = MembershipStatus.Member;
            }
            else if (n is "انضمام" && !PrecededByRequest(tokens, i))
            {
                status = MembershipStatus.Member;
                statesBefore = false;
            }
            else if (n is "تقدمت" or "طلبت" or "تقدمتا" && RequestsMembership(tokens, i))
            {
                status = MembershipStatus.Applicant;
            }

            if (status is not { } st)
            {
                continue;
            }

            List<EntityInfo> states = statesBefore ? StatesBefore(s, i) : StatesAfter(s, i + 1);
            if (states.Count == 0 && tokens[i].Norm.StartsWith('و') && previousStates.Count > 0)
            {
                states = previousStates; // "… عضوا مؤسسا في أوبك وعضوا في جامعة الدول العربية"
            }

            if (states.Count == 0)
            {
                continue;
            }

            previousStates = states;

            EntityInfo? org = OrganizationAfter(s, i + 1) ?? MembershipOrganization(s, i);
            if (org is null)
            {
                continue;
            }

            foreach (EntityInfo state in states)
            {
                if (!HasMembership(state, org, s))
                {
                    _relations.Add(new FoundRelation(RelationType.MemberOf, state, org, s, Status: st));
                }
            }
        }
    }

    /// <summary>Whether this membership was found in sentence <paramref name="s"/> already (a loop: a lambda here would allocate for every token).</summary>
    private bool HasMembership(EntityInfo state, EntityInfo org, int s)
    {
        foreach (FoundRelation r in _relations)
        {
            if (r.Type == RelationType.MemberOf && r.From == state && r.To == org && r.Sentence == s)
            {
                return true;
            }
        }

        return false;
    }

    private static bool PrecededByRequest(IReadOnlyList<Token> tokens, int i) =>
        i > 0 && tokens[i - 1].Norm is "طلب" or "طلبات" or "بطلب" or "ملف" or "رغبه" or "رغبتها" or "بالانضمام";

    private static bool RequestsMembership(IReadOnlyList<Token> tokens, int i)
    {
        for (int j = i + 1; j < tokens.Count && j - i <= 6; j++)
        {
            if (tokens[j].Norm.Contains("عضويه", StringComparison.Ordinal) || tokens[j].Norm.Contains("انضمام", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>States right before a verb, coordinated with و or commas ("البوسنة والهرسك وجورجيا وأوكرانيا تقدمت").</summary>
    private List<EntityInfo> StatesBefore(int s, int i)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        var states = new List<EntityInfo>();
        int j = i - 1;
        int skipped = 0;
        while (j >= 0 && skipped <= 6)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.State, Form: MentionForm.Name } m)
            {
                states.Insert(0, m.Entity);
                j = m.Start - 1;
                skipped = 0;
                continue;
            }

            if (states.Count > 0 && !(tokens[j].Surface is "،" or ",") && !(tokens[j].Norm is "من" or "بين" or "الدول" or "التي" or "كل"))
            {
                break;
            }

            skipped++;
            j--;
        }

        return states;
    }

    private List<EntityInfo> StatesAfter(int s, int from)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        var states = new List<EntityInfo>();
        for (int j = from; j < tokens.Count && j - from < 12; j++)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.State, Form: MentionForm.Name } m)
            {
                states.Add(m.Entity);
                j = m.End - 1;
            }
            else if (tokens[j].Norm is "الي" || analysis.Owner[s][j] is { Entity.Kind: NodeKind.Organization })
            {
                break;
            }
        }

        return states;
    }

    private EntityInfo? OrganizationAfter(int s, int from)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int j = from; j < tokens.Count && j - from < 10; j++)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Organization } m && IsMembershipBody(m.Entity))
            {
                return m.Entity;
            }

            if (ShortFormReferent(s, j) is { } referent && IsMembershipBody(referent))
            {
                return referent;
            }

            if (tokens[j].Norm is "اليها" or "اليه")
            {
                return MembershipOrganization(s, from - 1);
            }
        }

        return null;
    }
}
