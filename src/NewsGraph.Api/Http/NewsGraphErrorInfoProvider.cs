using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;
using NewsGraph.Api.Graph.Common;

namespace NewsGraph.Api.Http;

/// <summary>
/// Shapes every error as the spec wants (<c>message</c>, <c>locations</c>, <c>path</c>,
/// <c>extensions.code</c>) with one of our stable codes (<see cref="ErrorCodes"/>); never exception
/// details or stack traces. GraphQL.NET's own rule code is kept as <c>extensions.rule</c> for
/// validation errors, to help whoever reads them.
/// </summary>
internal sealed class NewsGraphErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions
{
    ExposeExceptionDetails = false,
    ExposeCode = true,
    ExposeCodes = false,
    ExposeData = false,
})
{
    private static readonly HashSet<string> s_ourCodes = typeof(ErrorCodes)
        .GetFields()
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        ErrorInfo info = base.GetInfo(executionError);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = Classify(executionError) };
        if (executionError is ValidationError { Number: { Length: > 0 } number } && executionError.Code is { } ruleCode && !s_ourCodes.Contains(ruleCode))
        {
            extensions["rule"] = ruleCode;
            extensions["specSection"] = number;
        }

        info.Extensions = extensions;
        return info;
    }

    /// <summary>Maps an error to a stable code.</summary>
    internal static string Classify(ExecutionError error) => error switch
    {
        { Code: { } code } when s_ourCodes.Contains(code) => code,
        TimeoutError => ErrorCodes.Timeout,
        SyntaxError => ErrorCodes.ParseFailed,
        InvalidVariableError => ErrorCodes.BadUserInput,
        ComplexityError => error.Message.Contains("nested", StringComparison.Ordinal) ? ErrorCodes.MaxDepthExceeded : ErrorCodes.MaxComplexityExceeded,
        ValidationError or DocumentError => ErrorCodes.ValidationFailed,
        UnhandledError => ErrorCodes.InternalServerError,
        _ => ErrorCodes.InternalServerError,
    };
}
