using GraphQL.Types;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Common;

public sealed class NodeKindType : EnumerationGraphType<NodeKind>
{
    public NodeKindType()
    {
        Name = "NodeKind";
        Description = "The labels of the graph's nodes.";
    }
}

public sealed class RelationTypeType : EnumerationGraphType<RelationType>
{
    public RelationTypeType()
    {
        Name = "RelationType";
        Description = "The relationship types of the graph: MET and PHONED (Person–Person), STATED (speaker → Claim), MEMBER_OF (State → Organization), HOLDS_ROLE (Person → Organization or State).";
    }
}

public sealed class MembershipStatusType : EnumerationGraphType<MembershipStatus>
{
    public MembershipStatusType()
    {
        Name = "MembershipStatus";
        Description = "How a state belongs to an organization, as the text says it.";
    }
}

public sealed class SortDirectionType : EnumerationGraphType<SortDirection>
{
    public SortDirectionType()
    {
        Name = "SortDirection";
        Description = "Ascending or descending; ties are always broken by id, so pages are stable.";
    }

    protected override string ChangeEnumCase(string val) => val switch
    {
        nameof(SortDirection.Ascending) => "ASC",
        nameof(SortDirection.Descending) => "DESC",
        _ => base.ChangeEnumCase(val),
    };
}

public sealed class EntityOrderFieldType : EnumerationGraphType<EntityOrderField>
{
    public EntityOrderFieldType()
    {
        Name = "EntityOrderField";
        Description = "NAME (normalized), MENTIONS (total mentions), ARTICLES (articles that mention it).";
    }
}

public sealed class RelationOrderFieldType : EnumerationGraphType<RelationOrderField>
{
    public RelationOrderFieldType()
    {
        Name = "RelationOrderField";
        Description = "DATE (undated first when ascending) or ARTICLES (number of asserting articles).";
    }
}

public sealed class ArticleOrderFieldType : EnumerationGraphType<ArticleOrderField>
{
    public ArticleOrderFieldType()
    {
        Name = "ArticleOrderField";
    }
}

public sealed class TimeIntervalType : EnumerationGraphType<TimeInterval>
{
    public TimeIntervalType()
    {
        Name = "TimeInterval";
        Description = "Timeline bucket size.";
    }
}

public sealed class EntityRankingType : EnumerationGraphType<EntityRanking>
{
    public EntityRankingType()
    {
        Name = "EntityRanking";
        Description = "What topEntities ranks by: MENTIONS (in originals; a reprint's mentions add nothing, also of entities only it names), MEETINGS (MET relations), STATEMENTS (STATED relations), DEGREE (relations of any type); a relation counts once, when an original asserts it.";
    }
}

public sealed class DateBasisType : EnumerationGraphType<DateBasis>
{
    public DateBasisType()
    {
        Name = "DateBasis";
        Description = "Which date a topEntities range applies to: PUBLISHED (the articles': mentions in, or relations asserted by, an original published in range) or EVENT (the relations' own date, else their first article's — as `timeline` and the relation lists' dateFrom/dateTo; not for MENTIONS).";
    }
}

public sealed class DatePrecisionType : EnumerationGraphType<DatePrecision>
{
    public DatePrecisionType()
    {
        Name = "DatePrecision";
        Description = "How much of a relation's date the text gives: DAY, MONTH (the date is the month's first day) or YEAR (its 1 January).";
    }
}

public sealed class DateSourceType : EnumerationGraphType<DateSource>
{
    public DateSourceType()
    {
        Name = "DateSource";
        Description = "Where a relation's date comes from: SENTENCE (its own sentence: an explicit date, اليوم، أمس، a weekday) or ARTICLE (its article's publication date).";
    }
}
