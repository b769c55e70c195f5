using NewsGraph.Cli.Commands;

// The `newsgraph` executable: one verb per part of the flow. Each verb lives in Commands/.
return await NewsGraphCommandLine.Build().Parse(args).InvokeAsync();
