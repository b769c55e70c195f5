using System.Diagnostics;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Web;

/// <summary>
/// Runs the Node checks of <c>tests/web</c> against a live server: the graphql-http audit (61/61),
/// the graphql-ws subscription client, Banana Cake Pop, the explorer and the dashboard in headless Chromium. Skipped (with the
/// reason) when <c>npm ci</c> has not been run in tests/web, or Chromium is missing for the browser test.
/// </summary>
public sealed class WebClientTests
{
    private static readonly string s_webDirectory = Path.Combine(RepositoryPaths.Root, "tests", "web");

    [SkippableFact]
    public async Task GraphQLHttpAudit_AgainstLiveServer_Passes61Of61()
    {
        SkipUnlessNodeModules();
        await using ApiHost host = await ApiHost.StartAsync();
        (int exitCode, string output) = await RunNodeAsync("audit.mjs", host.GraphQL.ToString());
        Assert.True(exitCode == 0, output);
        Assert.Contains("61/61 ok", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GraphQLWsClient_AfterIngest_ReceivesArticleIngested()
    {
        SkipUnlessNodeModules();
        await using ApiHost host = await ApiHost.StartAsync();
        (int exitCode, string output) = await RunNodeAsync("subscribe.mjs", host.GraphQL.ToString(), ApiHost.ApiKey);
        Assert.True(exitCode == 0, output);
    }

    [SkippableFact]
    public async Task BananaCakePop_InHeadlessChromium_LoadsSchemaAndRunsAQuery()
    {
        SkipUnlessNodeModules();
        Skip.IfNot(File.Exists("/usr/bin/chromium"), "Debian Chromium is not installed (apt-get install -y chromium)");
        await using ApiHost host = await ApiHost.StartAsync();
        (int exitCode, string output) = await RunNodeAsync("bcp.mjs", host.GraphQL.ToString(), Path.Combine(Path.GetTempPath(), "newsgraph-bcp.png"));
        Assert.True(exitCode == 0, output);
    }

    [SkippableFact]
    public async Task Explorer_InHeadlessChromium_SearchesDrawsAndShowsProvenance()
    {
        SkipUnlessNodeModules();
        Skip.IfNot(File.Exists("/usr/bin/chromium"), "Debian Chromium is not installed (apt-get install -y chromium)");
        await using ApiHost host = await ApiHost.StartAsync();
        (int exitCode, string output) = await RunNodeAsync("explorer.mjs", host.Address.ToString());
        Assert.True(exitCode == 0, output);
    }

    [SkippableFact]
    public async Task Dashboard_InHeadlessChromium_DrawsChangesRangeAndUpdatesLive()
    {
        SkipUnlessNodeModules();
        Skip.IfNot(File.Exists("/usr/bin/chromium"), "Debian Chromium is not installed (apt-get install -y chromium)");
        await using ApiHost host = await ApiHost.StartAsync();
        (int exitCode, string output) = await RunNodeAsync("dashboard.mjs", host.Address.ToString(), ApiHost.ApiKey);
        Assert.True(exitCode == 0, output);
    }

    private static void SkipUnlessNodeModules()
    {
        // tests/run-all.sh runs the same scripts against the real `newsgraph serve` after the .NET tests.
        Skip.If(Environment.GetEnvironmentVariable("NEWSGRAPH_WEB_CHECKS") == "live", "run by tests/run-all.sh against the real `newsgraph serve`");
        Skip.IfNot(Directory.Exists(Path.Combine(s_webDirectory, "node_modules")), "run `npm ci` in tests/web first");
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = s_webDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
