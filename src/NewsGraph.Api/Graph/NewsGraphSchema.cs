using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Graph.Articles;
using NewsGraph.Api.Graph.Claims;
using NewsGraph.Api.Graph.Dashboards;
using NewsGraph.Api.Graph.Entities;
using NewsGraph.Api.Graph.Ingestion;
using NewsGraph.Api.Graph.Meetings;
using NewsGraph.Api.Graph.Memberships;
using NewsGraph.Api.Graph.Nodes;
using NewsGraph.Api.Graph.Organizations;
using NewsGraph.Api.Graph.People;
using NewsGraph.Api.Graph.Places;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Api.Graph.Roles;
using NewsGraph.Api.Graph.Search;
using NewsGraph.Api.Graph.Sources;
using NewsGraph.Api.Graph.States;
using NewsGraph.Api.Graph.Statements;
using NewsGraph.Api.Graph.Traversal;

namespace NewsGraph.Api.Graph;

/// <summary>The NewsGraph schema: reads by feature, one mutation, one subscription.</summary>
public sealed class NewsGraphSchema : Schema
{
    public NewsGraphSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription)
        : base(services)
    {
        Description = "NewsGraph: a knowledge graph of people, states, organizations, places and claims built from Arabic news.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;

        // Types reached only through interfaces must be registered explicitly.
        RegisterTypes(
            typeof(PersonType),
            typeof(StateType),
            typeof(OrganizationType),
            typeof(PlaceType),
            typeof(ClaimType),
            typeof(ArticleType),
            typeof(MeetingType),
            typeof(PhoneCallType),
            typeof(StatementType),
            typeof(MembershipType),
            typeof(RoleType));

        // Introspection counts 1% towards the complexity limit, so Banana Cake Pop's schema query
        // (~142,000 points at full weight) passes while nested introspection abuse still does not.
        // Must be called here, after Query is set (from ConfigureSchema it throws).
        this.WithIntrospectionComplexityImpact(0.01);
    }
}

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        NodeQueries.Register(this);
        EntityQueries.Register(this);
        ArticleQueries.Register(this);
        RelationQueries.Register(this);
        SearchQueries.Register(this);
        TraversalQueries.Register(this);
        DashboardQueries.Register(this);
        SourceQueries.Register(this);
    }
}

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        IngestionFields.RegisterMutations(this);
        ArticleMutations.Register(this);
    }
}

public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        IngestionFields.RegisterSubscriptions(this);
    }
}
