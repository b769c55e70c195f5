using GraphQL.Types;
using NewsGraph.Api.Graph.Articles;
using NewsGraph.Api.Graph.Claims;
using NewsGraph.Api.Graph.Entities;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Statements;

/// <summary>STATED: a person, organization or state stated a claim.</summary>
public sealed class StatementType : ObjectGraphType<RelationRecord>
{
    public StatementType()
    {
        Description = "A speaker (person, organization or state) stated a claim (STATED).";
        this.AddRelationFields(RelationType.Stated);
        Field<EntityInterface>("speaker").Resolve(c => c.Graph().Entities.Load(c.Source.From));
        Field<ClaimType>("claim").Resolve(c => c.Graph().Entities.Load(c.Source.To));
        Field<NonNullGraphType<StringGraphType>>("text")
            .Description("What was stated (the claim's text).")
            .Resolve(c => c.Graph().Entities.Load(c.Source.To).Then(claim => claim?.Name ?? string.Empty));
        Field<StringGraphType>("verb").Description("The reporting verb as written (قال، أكد، أشار …).").Resolve(c => c.Source.Verb);
        Field<ArticleType>("article")
            .Description("The first article asserting it (by key); `articles` lists all.")
            .Resolve(c => RelationFields.ArticleKeys(c.Source).Order(StringComparer.Ordinal).FirstOrDefault() is { } key
                ? c.Graph().Articles.Load(key)
                : null);
    }
}
