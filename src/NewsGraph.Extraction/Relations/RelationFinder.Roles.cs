using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Relations;

/// <summary>HOLDS_ROLE, and the bookkeeping of who is acting.</summary>
internal sealed partial class RelationFinder
{
    /// <summary>A title naming an organization or a state is a role there: أنطونوف — نائب وزير الدفاع الروسي → Russia.</summary>
    private void FindRoles()
    {
        foreach (EntityInfo person in analysis.Entities.Where(e => e.Kind == NodeKind.Person).ToList())
        {
            foreach (TitleSpan title in person.TitleSpans)
            {
                Mention? holder = analysis.Mentions[title.Sentence].FirstOrDefault(m => m.Start >= title.Start && m.End <= title.End && m.Entity.Kind == NodeKind.Organization)
                    ?? analysis.Mentions[title.Sentence].FirstOrDefault(m => m.Start >= title.Start && m.End <= title.End && m.Entity.Kind == NodeKind.State);
                if (holder is not null)
                {
                    string role = ArticleText.SpanWithoutClitic(analysis.Sentences[title.Sentence], analysis.Text, title.Start, title.End, title.FirstForm);
                    _relations.Add(new FoundRelation(RelationType.HoldsRole, person, holder.Entity, title.Sentence, Role: role));
                }
            }
        }
    }

    private void UpdateActor(int s)
    {
        foreach (Mention m in analysis.Mentions[s])
        {
            if (m.Entity.Kind == NodeKind.Person && m.Form is MentionForm.Name && m.Start <= 2)
            {
                _lastActor = m.Entity;
            }
        }
    }
}
