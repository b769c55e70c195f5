using NewsGraph.Api.Graph.Loading;

namespace NewsGraph.Api.Graph.Common;

/// <summary>The rule every mutation applies first: mutations need an API key configured on the server and sent by the client.</summary>
internal static class WriteAccess
{
    /// <exception cref="GraphQL.ExecutionError"><c>MUTATIONS_DISABLED</c> or <c>UNAUTHENTICATED</c>.</exception>
    public static void Require(GraphContext graph)
    {
        if (string.IsNullOrEmpty(graph.Options.ApiKey))
        {
            throw ErrorCodes.Error(ErrorCodes.MutationsDisabled, "Mutations are disabled: the server has no API key configured (NewsGraph:Api:ApiKey).");
        }

        if (!graph.ApiKeyAccepted)
        {
            throw ErrorCodes.Error(ErrorCodes.Unauthenticated, "This mutation needs a valid API key in the X-Api-Key header.");
        }
    }
}
