using GraphQL.Types;
using NewsGraph.Api.Graph.Articles;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Nodes;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Relations;

/// <summary>What every relation object (Meeting, PhoneCall, Statement, Membership, Role) has.</summary>
public sealed class RelationInterface : InterfaceGraphType<RelationRecord>
{
    public RelationInterface()
    {
        Name = "Relation";
        Description = "A relation of the graph, merged over every article that asserts it, with its provenance.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<RelationTypeType>>("type");
        Field<CalendarDateGraphType>("date");
        Field<DatePrecisionType>("datePrecision");
        Field<DateSourceType>("dateSource");
        Field<FloatGraphType>("confidence").Description(RelationArgs.ConfidenceDescription);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleType>>>>("articles").Description("Articles asserting it.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("evidence").Description("The sentences asserting it (original text), one per article and sentence.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProvenanceType>>>>("provenance");
    }
}

/// <summary>Where a relation was asserted.</summary>
public sealed class ProvenanceType : ObjectGraphType<Provenance>
{
    public ProvenanceType()
    {
        Name = "Provenance";
        Description = "An article and the sentence in it that asserts a relation.";
        Field<NonNullGraphType<ArticleType>>("article").Resolve(c => c.Graph().Articles.Load(c.Source.ArticleKey));
        Field<NonNullGraphType<StringGraphType>>("evidence").Resolve(c => c.Source.Evidence);
        Field<NonNullGraphType<IntGraphType>>("sentenceIndex").Resolve(c => c.Source.SentenceIndex);
        Field<FloatGraphType>("confidence")
            .Description("The extractor's calibrated probability (0 to 1) that this article asserts the relation in this sentence; null when it was not scored.")
            .Resolve(c => c.Source.Confidence);
        Field<CalendarDateGraphType>("date").Description("The date this assertion gives: its sentence's, else its article's; null when neither says.").Resolve(c => c.Source.Date);
        Field<DatePrecisionType>("datePrecision").Resolve(c => c.Source.DatePrecision);
        Field<DateSourceType>("dateSource").Resolve(c => c.Source.DateSource);
    }
}

internal static class RelationFields
{
    /// <summary>Adds the <see cref="RelationInterface"/> fields to a relation object type.</summary>
    public static void AddRelationFields(this ObjectGraphType<RelationRecord> type, RelationType relationType)
    {
        type.Name = GlobalId.TypeName(relationType);
        type.IsTypeOf = o => o is RelationRecord r && r.Type == relationType;
        type.Interface<NodeInterface>();
        type.Interface<RelationInterface>();
        type.Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Of(c.Source));
        type.Field<NonNullGraphType<RelationTypeType>>("type").Resolve(c => c.Source.Type);
        type.Field<CalendarDateGraphType>("date")
            .Description("When it happened: the date its sentence gives, else its article's; null when neither says.")
            .Resolve(c => c.Source.Date);
        type.Field<DatePrecisionType>("datePrecision").Description("How much of the date the text gives (null when undated).").Resolve(c => c.Source.DatePrecision);
        type.Field<DateSourceType>("dateSource").Description("Whether the sentence or the article gave the date (null when undated).").Resolve(c => c.Source.DateSource);
        type.Field<FloatGraphType>("confidence").Description(RelationArgs.ConfidenceDescription).Resolve(c => c.Source.Confidence);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleType>>>>("articles")
            .Description("Articles asserting it.")
            .Resolve(c => c.Graph().Articles.LoadMany(ArticleKeys(c.Source)));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("evidence")
            .Description("The sentences asserting it (original text).")
            .Resolve(c => c.Source.Provenance.Select(p => p.Evidence).Distinct(StringComparer.Ordinal).ToList());
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProvenanceType>>>>("provenance").Resolve(c => c.Source.Provenance);
    }

    public static IEnumerable<string> ArticleKeys(RelationRecord relation) =>
        relation.Provenance.Select(p => p.ArticleKey).Distinct(StringComparer.Ordinal);
}
