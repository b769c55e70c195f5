using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using NewsGraph.Api.Graph.Articles;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Statuses;

/// <summary>One dated assertion of a membership status, in a membership's <c>history</c>.</summary>
public sealed class MembershipAssertionType : ObjectGraphType<StatusAssertion>
{
    public MembershipAssertionType()
    {
        Name = "MembershipAssertion";
        Description = "An article asserting, in one sentence, the status a state had in an organization, on the date that sentence (else the article) gives.";
        Field<NonNullGraphType<MembershipStatusType>>("status").Resolve(c => c.Source.Status ?? MembershipStatus.Member);
        this.AddAssertionFields();
    }
}

/// <summary>One dated assertion of a role, in a role's <c>history</c>.</summary>
public sealed class RoleAssertionType : ObjectGraphType<StatusAssertion>
{
    public RoleAssertionType()
    {
        Name = "RoleAssertion";
        Description = "An article asserting, in one sentence, the role a person held at an organization or state, on the date that sentence (else the article) gives.";
        Field<NonNullGraphType<StringGraphType>>("role").Description("The title as written.").Resolve(c => c.Source.Role ?? string.Empty);
        this.AddAssertionFields();
    }
}

/// <summary>
/// Statuses over time on MEMBER_OF and HOLDS_ROLE: the <c>asOf</c> argument of their lists and the
/// <c>current</c>, <c>history</c> and <c>conflictsWith</c> fields, all decided by <see cref="StatusHistory"/>.
/// </summary>
internal static class StatusFields
{
    public const string AsOfDescription =
        "Only what held on this date: per pair, the status (or role) of its latest dated assertion on or before it; undated assertions decide only for a pair with no dated one by then; statuses asserted for the same deciding date are all returned and name each other in `conflictsWith`.";

    public const string StatusesDescription = "Only memberships (MEMBER_OF) of these statuses; other relation types are not restricted.";

    public const string TraversalAsOfDescription =
        "Only the memberships and roles held on this date, decided per pair as the `asOf` of `members` does; other relation types are not restricted.";

    public static FieldBuilder<TSource, TReturn> AsOfArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string description = AsOfDescription) =>
        field.Argument<CalendarDateGraphType>("asOf", description);

    public static DateOnly? ReadAsOf(IResolveFieldContext context) => context.GetArgument<DateOnly?>("asOf");

    /// <summary>The <c>statuses</c> and <c>asOf</c> arguments of a traversal, or null when neither is given.</summary>
    public static StatusFilter? ReadFilter(IResolveFieldContext context)
    {
        List<MembershipStatus>? statuses = context.GetArgument<List<MembershipStatus>?>("statuses");
        var filter = new StatusFilter(statuses, ReadAsOf(context));
        return filter.KeepsAll ? null : filter;
    }

    /// <summary>Adds <c>current</c>, <c>history</c> and <c>conflictsWith</c> to Membership or Role.</summary>
    public static void AddStatusFields<TSelf, TAssertion>(this ObjectGraphType<RelationRecord> type, string what)
        where TSelf : ObjectGraphType<RelationRecord>
        where TAssertion : ObjectGraphType<StatusAssertion>
    {
        type.Field<NonNullGraphType<BooleanGraphType>>("current")
            .Description($"Whether this {what} holds now: it is (one of) the latest asserted for its pair; see `asOf`.")
            .Resolve(c => c.Graph().StatusHistories.Load(c.Source.From).Then(h => h?.Holds(c.Source, null) ?? false));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TAssertion>>>>("history")
            .Description($"Every assertion of every {what} of the same pair, by date (undated last), article, sentence; `conflict` marks another status asserted for the same date.")
            .Resolve(c => c.Graph().StatusHistories.Load(c.Source.From).Then(h => h?.Of(c.Source) ?? []));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TSelf>>>>("conflictsWith")
            .Description($"The other {what}s of the pair held together with this one as of `asOf` (default: now), asserted for the same deciding date; empty when it holds alone or not at all.")
            .AsOfArgument()
            .Resolve(c =>
            {
                DateOnly? asOf = ReadAsOf(c);
                RelationRecord relation = c.Source;
                return c.Graph().StatusHistories.Load(relation.From).Then(h => h?.ConflictsWith(relation, asOf) ?? []);
            });
    }

    internal static void AddAssertionFields(this ObjectGraphType<StatusAssertion> type)
    {
        type.Field<CalendarDateGraphType>("date").Description("The date the sentence, else its article, gives; null when neither does.").Resolve(c => c.Source.Date);
        type.Field<DatePrecisionType>("datePrecision").Resolve(c => c.Source.DatePrecision);
        type.Field<DateSourceType>("dateSource").Resolve(c => c.Source.DateSource);
        type.Field<NonNullGraphType<ArticleType>>("article").Resolve(c => c.Graph().Articles.Load(c.Source.ArticleKey));
        type.Field<NonNullGraphType<StringGraphType>>("evidence").Description("The sentence (original text).").Resolve(c => c.Source.Evidence);
        type.Field<NonNullGraphType<IntGraphType>>("sentenceIndex").Resolve(c => c.Source.SentenceIndex);
        type.Field<NonNullGraphType<BooleanGraphType>>("conflict")
            .Description("Another status (or role) of the same pair is asserted for the same date (or, both undated, for no date).")
            .Resolve(c => c.Source.Conflict);
    }
}
