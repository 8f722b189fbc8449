// A bare minimal-API JSON endpoint with the same host defaults as Kalinga (Kestrel, server GC, Production),
// so the benchmark can state Kalinga's figures as a share of what this machine serves at best.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/json", () => TypedResults.Ok(new Greeting("Hello, World!")));
app.MapGet("/health/ready", () => TypedResults.Ok());
await app.RunAsync();

internal sealed record Greeting(string Message);
