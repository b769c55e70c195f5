using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Graph.Claims;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Organizations;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Api.Graph.People;
using NewsGraph.Api.Graph.Places;
using NewsGraph.Api.Graph.States;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Entities;

/// <summary>Root lookups (<c>person(name:)</c> …) and lists (<c>people</c> …) of entities and claims.</summary>
internal static class EntityQueries
{
    public static void Register(ObjectGraphType query)
    {
        Lookup<PersonType>(query, "person", NodeKind.Person, TypeNames.Person, "A person by id or by name (partial names and spelling variants welcome; the best match wins).");
        query.Field<StateType>("state")
            .Description("A state by id, ISO code or name (or demonym/variant).")
            .Argument<IdGraphType>("id")
            .Argument<StringGraphType>("iso", "ISO 3166-1 alpha-2, e.g. RU.")
            .Argument<StringGraphType>("name")
            .ResolveAsync(async c =>
            {
                string? iso = c.GetArgument<string?>("iso");
                if (iso is not null && (c.GetArgument<string?>("id") is not null || c.GetArgument<string?>("name") is not null))
                {
                    throw ErrorCodes.Error(ErrorCodes.InvalidArgument, "Give exactly one of `id`, `iso`, `name`.");
                }

                return iso is not null
                    ? await c.Graph().Entities.Load(GraphKeys.State(iso.Trim())).GetResultAsync(c.CancellationToken).ConfigureAwait(false)
                    : await ResolveLookupAsync(c, NodeKind.State, TypeNames.State).ConfigureAwait(false);
            });
        Lookup<OrganizationType>(query, "organization", NodeKind.Organization, TypeNames.Organization, "An organization by id or by name (or acronym); the best match wins.");
        Lookup<PlaceType>(query, "place", NodeKind.Place, TypeNames.Place, "A place by id or by name; the best match wins.");

        List<PersonType>(query, "people", NodeKind.Person, "People.");
        List<StateType>(query, "states", NodeKind.State, "States.");
        List<OrganizationType>(query, "organizations", NodeKind.Organization, "Organizations.");
        List<PlaceType>(query, "places", NodeKind.Place, "Places.");
        List<ClaimType>(query, "claims", NodeKind.Claim, "Claims (`where.nameContains` searches their text).");
    }

    private static void Lookup<TType>(ObjectGraphType query, string name, NodeKind kind, string typeName, string description)
        where TType : IGraphType =>
        query.Field<TType>(name)
            .Description(description)
            .Argument<IdGraphType>("id")
            .Argument<StringGraphType>("name")
            .ResolveAsync(c => ResolveLookupAsync(c, kind, typeName));

    private static async Task<object?> ResolveLookupAsync(IResolveFieldContext c, NodeKind kind, string typeName)
    {
        string? id = c.GetArgument<string?>("id");
        string? name = c.GetArgument<string?>("name");
        if ((id is null) == (name is null))
        {
            throw ErrorCodes.Error(ErrorCodes.InvalidArgument, "Give exactly one of `id` and `name`.");
        }

        GraphContext graph = c.Graph();
        if (id is not null)
        {
            string key = GlobalId.KeyOf(id, "id", typeName);
            return await graph.Entities.Load(key).GetResultAsync(c.CancellationToken).ConfigureAwait(false);
        }

        return await NameLookup.FindBestAsync(graph.Reader, kind, name!, c.CancellationToken).ConfigureAwait(false);
    }

    private static void List<TType>(ObjectGraphType query, string name, NodeKind kind, string description)
        where TType : IGraphType =>
        query.Field<NonNullGraphType<ConnectionType<TType, EntityRecord>>>(name)
            .Description(description + " A connection: filters in `where`, `order` with ties broken by id, cursor paging, `totalCount` computed only when selected.")
            .EntityListArguments()
            .PageArguments()
            .ResolveAsync(async c => await c.Graph().Reader.FindEntitiesAsync(EntityArgs.Read(c, kind), PageArgs.Read(c), c.CancellationToken).ConfigureAwait(false));
}
