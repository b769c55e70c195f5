using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Relations;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Candidates;

/// <summary>Who may be a clause's speaker: the speakers written near its verb, and those a dropped, titled, dual or joint subject may stand for.</summary>
internal sealed partial class StatementCandidates
{
    /// <summary>
    /// The speakers proposed for one clause. A speaker may be proposed for several reasons (written after
    /// the verb, and the last person named): the first reason with a written mention sets the distance
    /// features, every reason is a feature. Kept in the order first proposed.
    /// </summary>
    private sealed class SpeakerOffers
    {
        private readonly Dictionary<string, (EntityInfo Entity, string Position, Mention? Mention, List<string> Reasons)> _byKey = new(StringComparer.Ordinal);

        public IEnumerable<(EntityInfo Entity, string Position, Mention? Mention, List<string> Reasons)> All => _byKey.Values;

        public void Offer(EntityInfo e, string position, Mention? mention)
        {
            if (e.Kind is not (NodeKind.Person or NodeKind.Organization or NodeKind.State))
            {
                return;
            }

            if (_byKey.TryGetValue(e.Key, out var known))
            {
                known.Reasons.Add(position);
                if (known.Mention is null && mention is not null)
                {
                    _byKey[e.Key] = (e, position, mention, known.Reasons);
                }
            }
            else
            {
                _byKey[e.Key] = (e, position, mention, [position]);
            }
        }
    }

    /// <summary>
    /// The referent of an unowned subject right after the verb: for a title, the person named last
    /// whose titles share its first word (وزير، أمير، اللاعب); for a definite head noun (الوزارة،
    /// المنظمة), the body named last with that head. Null when the subject is neither.
    /// </summary>
    private EntityInfo? ShortFormReferent(int s, int cue, int cueEnd)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (cueEnd >= tokens.Count || analysis.Owner[s][cueEnd] is not null || !tokens[cueEnd].IsWord)
        {
            return null;
        }

        if (analysis.ParseTitle(s, cueEnd) is { HasHead: true } title)
        {
            string head = EntityInfo.TitleWord(tokens[title.Start].Norm);
            return LastNamedBefore(s, cue, e => e.Kind == NodeKind.Person && e.TitleWords.Contains(head));
        }

        string norm = tokens[cueEnd].Norm;
        return norm.StartsWith("ال", StringComparison.Ordinal) && norm.Length > 4
            ? LastNamedBefore(s, cue, e => e.Kind == NodeKind.Organization && e.HeadNoun == norm[2..])
            : null;
    }

    /// <summary>The entity mentioned last before the verb, in this sentence or any before it, that <paramref name="wanted"/> accepts.</summary>
    private EntityInfo? LastNamedBefore(int s, int cue, Func<EntityInfo, bool> wanted)
    {
        for (int k = s; k >= 0; k--)
        {
            List<Mention> mentions = analysis.Mentions[k];
            for (int index = mentions.Count - 1; index >= 0; index--)
            {
                Mention m = mentions[index];
                if ((k < s || m.End <= cue) && RelationFinder.IsSpeaker(m) && rules.SpeakerEntity(m) is { } e && wanted(e))
                {
                    return e;
                }
            }
        }

        return null;
    }

    /// <summary>Why a clause has two speakers, or null: a dual verb, or a dual or party noun next to the verb.</summary>
    private string? JointCue(int s, int cue, int cueEnd)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (s_dualReportingVerbs.Contains(tokens[cue].WithoutConjunction))
        {
            return "dual-verb";
        }

        if (cueEnd < tokens.Count && s_jointSubjectNouns.Contains(tokens[cueEnd].Norm))
        {
            return "noun-after";
        }

        return cue > 0 && s_jointSubjectNouns.Contains(tokens[cue - 1].Norm) ? "noun-before" : null;
    }

    /// <summary>
    /// The two parties of a joint clause: the two persons of the last meeting the rules found up to
    /// this sentence, else the last two different persons named before the verb (up to
    /// <see cref="JointReach"/> sentences back).
    /// </summary>
    private IEnumerable<EntityInfo> JointReferents(int s, int cue)
    {
        for (int k = s; k >= Math.Max(0, s - JointReach); k--)
        {
            if (rules.RelationsIn(k).LastOrDefault(r => r.Type is RelationType.Met && r.From.Kind == NodeKind.Person && r.To.Kind == NodeKind.Person) is { } met)
            {
                return [met.From, met.To];
            }
        }

        var people = new List<EntityInfo>(2);
        for (int k = s; k >= Math.Max(0, s - JointReach) && people.Count < 2; k--)
        {
            foreach (Mention m in analysis.Mentions[k].Where(m => k < s || m.End <= cue).Reverse())
            {
                if (m.Entity.Kind == NodeKind.Person && !people.Contains(m.Entity) && people.Count < 2)
                {
                    people.Add(m.Entity);
                }
            }
        }

        return people.Count == 2 ? people : [];
    }

    /// <summary>The last person and the last body named before token <paramref name="cue"/> (this sentence or the two before), or the last <paramref name="persons"/> persons.</summary>
    private IEnumerable<EntityInfo> NamedBefore(int s, int cue, int persons = 0)
    {
        var found = new List<EntityInfo>();
        for (int k = s; k >= Math.Max(0, s - 2); k--)
        {
            // Last mention first, without buffering a filtered copy of the sentence's mentions.
            List<Mention> mentions = analysis.Mentions[k];
            for (int index = mentions.Count - 1; index >= 0; index--)
            {
                Mention m = mentions[index];
                if ((k == s && m.End > cue) || !RelationFinder.IsSpeaker(m))
                {
                    continue;
                }

                EntityInfo e = rules.SpeakerEntity(m);
                bool wanted = persons > 0
                    ? e.Kind == NodeKind.Person && found.Count < persons
                    : found.All(f => (f.Kind == NodeKind.Person) != (e.Kind == NodeKind.Person));
                if (wanted && !found.Contains(e))
                {
                    found.Add(e);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The first persons and the first bodies (states included) named in the next few sentences,
    /// up to three of each: a wire's lead names the agency and the state before the spokesman.
    /// </summary>
    private IEnumerable<EntityInfo> NamedAfter(int s, int sentences)
    {
        List<EntityInfo> named = Enumerable.Range(s + 1, Math.Max(0, Math.Min(sentences, analysis.Sentences.Count - s - 1)))
            .SelectMany(k => analysis.Mentions[k])
            .Where(m => RelationFinder.IsSpeaker(m) && m.Form == MentionForm.Name)
            .Select(m => rules.SpeakerEntity(m))
            .Distinct()
            .ToList();
        return named.Where(e => e.Kind == NodeKind.Person).Take(3).Concat(named.Where(e => e.Kind != NodeKind.Person).Take(3));
    }

    /// <summary>
    /// The speakers written in the sentence within <see cref="Reach"/> of the verb (not those inside the
    /// claim well after it); the nearest after and the nearest before it.
    /// </summary>
    private (Mention? NearestAfter, Mention? NearestBefore) OfferWrittenSpeakers(SpeakerOffers offers, int s, int cue, int cueEnd, (int Start, int End) claim)
    {
        Mention? nearestAfter = null;
        Mention? nearestBefore = null;
        foreach (Mention m in analysis.Mentions[s])
        {
            if (!RelationFinder.IsSpeaker(m) || (m.Start >= claim.Start && m.End <= claim.End && m.Start > cueEnd + 3))
            {
                continue;
            }

            if (m.Start >= cueEnd && m.Start - cueEnd <= Reach)
            {
                nearestAfter ??= m;
                offers.Offer(rules.SpeakerEntity(m), "after", m);
            }
            else if (m.End <= cue && cue - m.End <= Reach)
            {
                nearestBefore = m;
                offers.Offer(rules.SpeakerEntity(m), "before", m);
            }
        }

        return (nearestAfter, nearestBefore);
    }

    /// <summary>
    /// The speakers a clause may have without naming them beside its verb: who spoke and who was named
    /// before, the referent of a title or head noun, the parties of a dual or joint subject, a headline's
    /// protagonist. Notes the written subject as heard. Whether the subject is a party noun, and the joint cue.
    /// </summary>
    private (bool PartyNounSubject, string? Joint) OfferUnwrittenSpeakers(SpeakerOffers offers, int s, int cue, int cueEnd, Mention? written)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (tracker.LastPerson is { } last)
        {
            offers.Offer(last, "last-person", null);
        }

        if (tracker.LastHeardPerson is { } heard)
        {
            offers.Offer(heard, "last-heard-person", null);
        }

        if (written is { Entity.Kind: NodeKind.Person } subject)
        {
            tracker.Heard(rules.SpeakerEntity(subject), s);
        }

        // Who was named last before the verb, in this sentence or the two before: "وذكر البرنامج أن"
        // (a short form of the body named before), "وأضافت في بيان".
        foreach (EntityInfo e in NamedBefore(s, cue))
        {
            offers.Offer(e, e.Kind == NodeKind.Person ? "named-before-person" : "named-before-body", null);
        }

        // "وأكد وزير خارجية مصر أن"، "وقالت الوزارة إن": a subject written as a title or a body's head noun
        // that recognition left unresolved, its words differing from how the referent was introduced.
        if (ShortFormReferent(s, cue, cueEnd) is { } referent)
        {
            offers.Offer(referent, referent.Kind == NodeKind.Person ? "title-subject" : "head-noun-subject", null);
        }

        // "وأكد الجانبان": the two persons named last.
        bool partyNounSubject = cueEnd < tokens.Count && s_partyNouns.Contains(tokens[cueEnd].Norm);
        if (partyNounSubject)
        {
            foreach (EntityInfo e in NamedBefore(s, cue, persons: 2))
            {
                offers.Offer(e, "party-noun", null);
            }
        }

        // "وأكد الوزيران"، "أن الجانبين أكدا"، "وشددا": two parties speak together — the two persons of
        // the last meeting, or the last two persons named, however many sentences back.
        string? joint = JointCue(s, cue, cueEnd);
        if (joint is not null)
        {
            foreach (EntityInfo e in JointReferents(s, cue))
            {
                offers.Offer(e, "joint", null);
            }
        }

        // A headline's speaker is often introduced in full only in the body below it.
        if (tokens[cue].Surface == ":")
        {
            foreach (EntityInfo e in NamedAfter(s, sentences: 3))
            {
                offers.Offer(e, "headline-protagonist", null);
            }
        }

        if (tracker.LastBody is { } body)
        {
            offers.Offer(body, "last-body", null);
        }

        if (tracker.PreviousOpeningSubject is { } opener)
        {
            offers.Offer(opener, "previous-opening", null);
        }

        return (partyNounSubject, joint);
    }
}
