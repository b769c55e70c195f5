using GraphQL;

namespace NewsGraph.Api.Graph.Common;

/// <summary>
/// The stable values of <c>errors[].extensions.code</c>. Clients may switch on them; the README of
/// this project lists them with the HTTP status each goes with. Never rename one.
/// </summary>
public static class ErrorCodes
{
    // Transport (HTTP / WebSocket), before any GraphQL work.
    public const string BadRequest = "BAD_REQUEST";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string BatchTooLarge = "BATCH_TOO_LARGE";
    public const string OriginNotAllowed = "ORIGIN_NOT_ALLOWED";

    // Document: parsing, validation and limits (the operation never runs).
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";
    public const string MaxFieldsExceeded = "MAX_FIELDS_EXCEEDED";
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";

    // Execution: a field failed; the rest of the data is returned.
    public const string PageSizeExceeded = "PAGE_SIZE_EXCEEDED";
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string InvalidId = "INVALID_ID";
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string Timeout = "TIMEOUT";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string MutationsDisabled = "MUTATIONS_DISABLED";
    public const string StoreUnavailable = "STORE_UNAVAILABLE";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>An execution error carrying <paramref name="code"/>.</summary>
    public static ExecutionError Error(string code, string message) => new(message) { Code = code };
}
