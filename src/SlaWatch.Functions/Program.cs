using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SlaWatch.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSlaWatchFunctions(builder.Configuration, AppContext.BaseDirectory);
await builder.Build().RunAsync().ConfigureAwait(false);
