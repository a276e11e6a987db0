using SlaWatch.Functions.Catalog;
using SlaWatch.Functions.Hosting;

// `--write-function-json DIR` writes each function's folder and function.json (dotnet publish runs it);
// otherwise this is the custom handler the Functions host starts on FUNCTIONS_CUSTOMHANDLER_PORT.
if (args is ["--write-function-json", var directory])
{
    FunctionCatalog.WriteFunctionJson(directory);
    return 0;
}

var app = FunctionsApp.Build(args);
await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>The handler's entry point (named for the test host).</summary>
public partial class Program;
