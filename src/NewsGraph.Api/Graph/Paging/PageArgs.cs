using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Paging;

/// <summary>The Relay paging arguments every connection field takes, and their checks.</summary>
internal static class PageArgs
{
    /// <summary>Adds <c>first</c>, <c>after</c>, <c>last</c>, <c>before</c>.</summary>
    public static FieldBuilder<TSource, TReturn> PageArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<IntGraphType>("first", "Items after `after` (default 20, at most the server's max page size, 100 unless configured).")
        .Argument<StringGraphType>("after", "An `endCursor` (or edge cursor) of this list.")
        .Argument<IntGraphType>("last", "Items before `before`, counted from the end.")
        .Argument<StringGraphType>("before", "A `startCursor` (or edge cursor) of this list.");

    /// <summary>
    /// Reads and checks the paging arguments; asks for <c>totalCount</c> only when the selection has it.
    /// </summary>
    /// <exception cref="ExecutionError">Codes <c>PAGE_SIZE_EXCEEDED</c>, <c>INVALID_ARGUMENT</c>, <c>INVALID_CURSOR</c>.</exception>
    public static PageRequest Read(IResolveFieldContext context)
    {
        ApiOptions options = context.Graph().Options;
        int? first = context.GetArgument<int?>("first");
        int? last = context.GetArgument<int?>("last");
        string? after = context.GetArgument<string?>("after");
        string? before = context.GetArgument<string?>("before");
        if (first is not null && last is not null)
        {
            throw ErrorCodes.Error(ErrorCodes.InvalidArgument, "Give either `first` or `last`, not both.");
        }

        foreach ((string name, int? value) in new[] { ("first", first), ("last", last) })
        {
            if (value < 0)
            {
                throw ErrorCodes.Error(ErrorCodes.InvalidArgument, $"`{name}` must not be negative.");
            }

            if (value > options.MaxPageSize)
            {
                throw ErrorCodes.Error(ErrorCodes.PageSizeExceeded, $"`{name}` is {value}; the maximum page size is {options.MaxPageSize}. Page with `after`/`before`.");
            }
        }

        CheckCursor(after, "after");
        CheckCursor(before, "before");
        if (first is null && last is null)
        {
            if (before is not null)
            {
                last = options.DefaultPageSize;
            }
            else
            {
                first = options.DefaultPageSize;
            }
        }

        return new PageRequest(first, after, last, before, IncludeTotal: Selects(context, "totalCount"));
    }

    /// <summary>A bounded size for plain lists and ranked results (<c>first</c> on non-connections).</summary>
    public static int Size(IResolveFieldContext context, string name = "first")
    {
        ApiOptions options = context.Graph().Options;
        int size = context.GetArgument<int?>(name) ?? options.DefaultPageSize;
        if (size < 0)
        {
            throw ErrorCodes.Error(ErrorCodes.InvalidArgument, $"`{name}` must not be negative.");
        }

        return size > options.MaxPageSize
            ? throw ErrorCodes.Error(ErrorCodes.PageSizeExceeded, $"`{name}` is {size}; the maximum is {options.MaxPageSize}.")
            : size;
    }

    /// <summary>True when the field's selection (fragments included) has <paramref name="fieldName"/>.</summary>
    public static bool Selects(IResolveFieldContext context, string fieldName) =>
        context.SubFields?.Values.Any(f => f.Field.Name.Value == fieldName) == true;

    private static void CheckCursor(string? cursor, string name)
    {
        if (cursor is null)
        {
            return;
        }

        try
        {
            _ = Cursor.Decode(cursor);
        }
        catch (InvalidCursorException)
        {
            throw ErrorCodes.Error(ErrorCodes.InvalidCursor, $"`{name}` is not a cursor of this list.");
        }
    }
}
