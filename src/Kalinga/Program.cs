using Kalinga.Admin;
using Kalinga.Agents;
using Kalinga.Agents.Auth;
using Kalinga.Attachments;
using Kalinga.Channels;
using Kalinga.Channels.Email;
using Kalinga.Customers;
using Kalinga.Data;
using Kalinga.Events;
using Kalinga.Search;
using Kalinga.Tickets;
using Kalinga.Web;
using Microsoft.AspNetCore.DataProtection;

var verb = AdminVerb.Parse(args);
var builder = WebApplication.CreateBuilder(AdminVerb.ConfigurationArgs(args));
builder.Configuration.AddCommandLine(AdminVerb.ConfigurationArgs(args), AdminVerb.Switches);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddWeb();
builder.Services.AddData(builder.Configuration);
builder.Services.AddDataProtection().SetApplicationName("Kalinga").PersistKeysToDbContext<KalingaDb>();
builder.Services.AddAuth();
builder.Services.AddEvents();
builder.Services.AddTickets();
builder.Services.AddChannels();
builder.Services.AddEmail();
builder.Services.AddCustomers();
builder.Services.AddAgents();
builder.Services.AddAttachments();
builder.Services.AddSearch();
builder.Services.AddAdmin();
builder.Services.AddApiDocs();

var app = builder.Build();

if (verb is not null)
{
    return await verb.RunAsync(app.Services);
}

await app.Services.PrepareDatabaseAsync();

app.UseWeb();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealth();
app.MapApiDocs();
app.MapAuth();
app.MapTickets();
app.MapChannels();
app.MapEmail();
app.MapCustomers();
app.MapAgents();
app.MapAttachments();
app.MapSearch();
app.MapEvents();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
