using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SlaWatch.Functions;
using SlaWatch.Functions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<FunctionOutcomes>();
builder.Services.AddSlaWatchFunctions(builder.Configuration, AppContext.BaseDirectory);
await builder.Build().RunAsync().ConfigureAwait(false);
