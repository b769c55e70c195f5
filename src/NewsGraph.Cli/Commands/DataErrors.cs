namespace NewsGraph.Cli.Commands;

/// <summary>
/// Verbs that read the annotated corpus and the corpus file report a missing or malformed file as
/// one line naming it (exit code 1), never as a stack trace.
/// </summary>
internal static class DataErrors
{
    public static async Task<int> ReportAsync(string verb, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            await Console.Error.WriteLineAsync($"newsgraph {verb}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
