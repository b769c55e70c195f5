using GraphQL.Types;
using NewsGraph.Api.Graph.Entities;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Api.Graph.Statements;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Claims;

public sealed class ClaimType : ObjectGraphType<EntityRecord>
{
    public ClaimType()
    {
        Name = "Claim";
        Description = "Something stated, identified by who said it and the normalized text; `name` and `text` are the text as written.";
        this.AddGraphNodeFields(NodeKind.Claim);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ConnectionType<StatementType, RelationRecord>>>("statements")
            .Description("The statements of this claim (STATED), with speaker, verb and evidence.")
            .OrderArgument()
            .PageArguments()
            .Resolve(c => c.Graph().RelationPages(RelationGrouping.ByTarget, RelationArgs.Ordered(c, new RelationQuery { Types = [RelationType.Stated] }), PageArgs.Read(c)).Load(c.Source.Key));
        this.AddArticlesField("Articles reporting the claim.");
    }
}
