using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;
using GraphQLParser.Visitors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Graph;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Http;

/// <summary>One GraphQL request as a transport received it.</summary>
internal sealed record OperationRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);

/// <summary>Which operation types a transport lets run.</summary>
[Flags]
internal enum AllowedOperations
{
    Query = 1,
    Mutation = 2,
    Subscription = 4,
}

/// <summary>
/// The result of one operation; <see cref="Refused"/> names an operation type the transport does not
/// allow. Disposing it ends the operation's DI scope: after the result is written, or for a
/// subscription after its stream ends (events resolve their fields in that scope).
/// </summary>
internal sealed record OperationOutcome(ExecutionResult Result, OperationType? Refused = null, IServiceScope? Scope = null) : IDisposable
{
    public void Dispose() => Scope?.Dispose();
}

/// <summary>
/// Runs one GraphQL operation for a transport: parses once, applies the document limits, opens a
/// DI scope (one <see cref="GraphContext"/> and its loaders per operation) and executes with the
/// configured timeout. Errors come back in the spec's shape; nothing here throws for bad input.
/// A document seen before and valid then comes from the <see cref="DocumentCache"/>: it is neither
/// parsed nor checked by the document-only validation rules again, while the rules that depend on
/// the request (<see cref="s_cachedDocumentRules"/>, and the complexity limit, which GraphQL.NET adds
/// to every execution) run every time.
/// </summary>
internal sealed class OperationExecutor(
    IDocumentExecuter<NewsGraphSchema> executer,
    IDocumentBuilder documentBuilder,
    DocumentCache documents,
    IServiceScopeFactory scopes,
    IOptions<ApiOptions> options,
    ILogger<OperationExecutor> logger)
{
    /// <summary>
    /// Validation for a cached document: argument validators see variable values, so they run again.
    /// The other core rules look only at the document and the schema, which have not changed.
    /// </summary>
    private static readonly IValidationRule[] s_cachedDocumentRules = [FieldArgumentsAreValidRule.Instance];

    private readonly ApiOptions _options = options.Value;

    public async Task<OperationOutcome> ExecuteAsync(
        OperationRequest request, AllowedOperations allowed, bool apiKeyAccepted, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        bool cached = documents.TryGet(request.Query, out CachedDocument? entry);
        GraphQLDocument document;
        int fields;
        long expanded;
        if (cached)
        {
            (document, fields, expanded) = entry!;
        }
        else
        {
            try
            {
                document = documentBuilder.Build(request.Query);
            }
            catch (ExecutionError error)
            {
                error.Code = ErrorCodes.ParseFailed;
                return new OperationOutcome(new ExecutionResult(error));
            }
            catch (GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
            {
                return new OperationOutcome(new ExecutionResult(ErrorCodes.Error(ErrorCodes.MaxDepthExceeded, "The document is nested too deeply to parse.")));
            }

            (fields, expanded) = SelectionCounter.Count(document);
        }

        if (fields > _options.MaxFields)
        {
            return new OperationOutcome(new ExecutionResult(ErrorCodes.Error(
                ErrorCodes.MaxFieldsExceeded, $"The document selects {fields} fields (aliases included); at most {_options.MaxFields} are allowed.")));
        }

        if (expanded > _options.MaxExpandedFields)
        {
            string count = expanded >= SelectionCounter.Unbounded ? "more than 10^18" : $"{expanded:N0}";
            return new OperationOutcome(new ExecutionResult(ErrorCodes.Error(
                ErrorCodes.MaxFieldsExceeded, $"The operation expands to {count} field selections through its fragments; at most {_options.MaxExpandedFields:N0} are allowed.")));
        }

        GraphQLOperationDefinition? operation = FindOperation(document, request.OperationName);
        if (operation is not null && !IsAllowed(operation.Operation, allowed))
        {
            return new OperationOutcome(new ExecutionResult(ErrorCodes.Error(
                ErrorCodes.OperationNotSupported, $"A {operation.Operation.ToString().ToLowerInvariant()} cannot run over this transport.")), operation.Operation);
        }

        // Refused before it runs, so the client gets an error message rather than a stream that never starts.
        if (operation?.Operation == OperationType.Subscription && _options.RequireApiKeyForSubscriptions && !apiKeyAccepted)
        {
            return new OperationOutcome(new ExecutionResult(ErrorCodes.Error(ErrorCodes.Unauthenticated,
                "Subscriptions need a valid API key: X-Api-Key in the WebSocket upgrade request, or X-Api-Key/apiKey in the connection_init payload.")));
        }

        IServiceScope scope = scopes.CreateScope();
        GraphContext graph = scope.ServiceProvider.GetRequiredService<GraphContext>();
        graph.ApiKeyAccepted = apiKeyAccepted;
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                Document = document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = scope.ServiceProvider,
                UserContext = new OperationUserContext(graph),
                User = user,
                CancellationToken = cancellationToken,
                Timeout = _options.ExecutionTimeout,
                TimeoutAction = TimeoutAction.ReturnTimeoutError,
                UnhandledExceptionDelegate = HandleUnhandled,
                ValidationRules = cached ? s_cachedDocumentRules : null,
            }).ConfigureAwait(false);
        }
        catch
        {
            scope.Dispose();
            throw;
        }

        if (!cached && result.Executed)
        {
            // Executed: the document passed validation (the timeout below may still end execution).
            documents.Add(request.Query, new CachedDocument(document, fields, expanded));
        }

        if (result.Errors?.Any(e => e is TimeoutError) == true)
        {
            // Execution had begun: say so with "data": null rather than as a request error.
            result.Executed = true;
            result.Data = null;
        }

        return new OperationOutcome(result, Scope: scope);
    }

    /// <summary>
    /// Store and resolver failures: known ones become coded errors; anything else is logged with
    /// its stack trace and reaches the client as <c>INTERNAL_SERVER_ERROR</c> without details.
    /// </summary>
    private Task HandleUnhandled(UnhandledExceptionContext context)
    {
        switch (context.OriginalException)
        {
            case InvalidCursorException:
                context.Exception = ErrorCodes.Error(ErrorCodes.InvalidCursor, "The cursor is not one of this list.");
                break;
            case StoreUnavailableException unavailable:
                // Expected while the store is down: one line, no stack trace; the client may retry.
                logger.LogWarning("Field {Field}: {Reason}", context.FieldContext?.FieldDefinition.Name, unavailable.Message);
                context.Exception = StoreUnavailableError(unavailable);
                break;
            case GraphQL.ExecutionError:
                break;
            default:
                logger.LogError(context.OriginalException, "Unhandled error in field {Field}", context.FieldContext?.FieldDefinition.Name);
                context.Exception = ErrorCodes.Error(ErrorCodes.InternalServerError, "Internal server error.");
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary><c>STORE_UNAVAILABLE</c>; the store's name and address stay in the server's log.</summary>
    internal static ExecutionError StoreUnavailableError(StoreUnavailableException error)
    {
        string retry = error.RetryAfter is { } after ? $" It will be tried again in {Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))} s." : string.Empty;
        return ErrorCodes.Error(ErrorCodes.StoreUnavailable, "The graph store is unavailable; try again shortly." + retry);
    }

    private static bool IsAllowed(OperationType type, AllowedOperations allowed) => type switch
    {
        OperationType.Query => allowed.HasFlag(AllowedOperations.Query),
        OperationType.Mutation => allowed.HasFlag(AllowedOperations.Mutation),
        OperationType.Subscription => allowed.HasFlag(AllowedOperations.Subscription),
        _ => false,
    };

    /// <summary>The operation that will run, or null when the executer must report why none can.</summary>
    internal static GraphQLOperationDefinition? FindOperation(GraphQLDocument document, string? operationName)
    {
        List<GraphQLOperationDefinition> operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (string.IsNullOrEmpty(operationName))
        {
            return operations.Count == 1 ? operations[0] : null;
        }

        return operations.FirstOrDefault(o => o.Name is { } name && name.Value == operationName);
    }
}
