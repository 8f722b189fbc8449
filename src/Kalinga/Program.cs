using Kalinga.Admin;
using Kalinga.Automation;
using Kalinga.Agents;
using Kalinga.Agents.Auth;
using Kalinga.Attachments;
using Kalinga.Channels;
using Kalinga.Channels.Email;
using Kalinga.Configuration;
using Kalinga.CustomFields;
using Kalinga.Customers;
using Kalinga.Data;
using Kalinga.Events;
using Kalinga.KnowledgeBase;
using Kalinga.Localization;
using Kalinga.Notifications;
using Kalinga.Realtime;
using Kalinga.Routing;
using Kalinga.Search;
using Kalinga.Sla;
using Kalinga.Tickets;
using Kalinga.Web;
using Kalinga.Web.Agent;
using Microsoft.AspNetCore.DataProtection;
using Kalinga.Web.Portal;

var verb = AdminVerb.Parse(args);
var configurationArgs = verb?.ConfigurationArgs ?? args;
var builder = WebApplication.CreateBuilder(configurationArgs);
builder.Configuration.AddCommandLine(configurationArgs, AdminVerb.Switches);
if (verb is not null)
{
    AdminVerb.ConfigureLogging(builder.Logging);
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddWeb();
builder.Services.AddData(builder.Configuration);
builder.Services.AddDataProtection().SetApplicationName("Kalinga").PersistKeysToDbContext<KalingaDb>();
builder.Services.AddAuth();
builder.Services.AddEvents();
builder.Services.AddTickets();
builder.Services.AddViews();
builder.Services.AddBulk();
builder.Services.AddRealtime();
builder.Services.AddChannels();
builder.Services.AddTaxonomies();
builder.Services.AddCustomFields();
builder.Services.AddEmail();
builder.Services.AddSla();
builder.Services.AddAutomation();
builder.Services.AddConfigurationAudit();
builder.Services.AddTicketRouting();
builder.Services.AddCustomers();
builder.Services.AddAgents();
builder.Services.AddAttachments();
builder.Services.AddSearch();
builder.Services.AddAdmin();
builder.Services.AddApiDocs();
builder.Services.AddKalingaLocalization();
builder.Services.AddKnowledgeBase();
builder.Services.AddPortal();
builder.Services.AddBlazor();
builder.Services.AddAgentWorkspace();

var app = builder.Build();

if (verb is not null)
{
    return await verb.RunAsync(app.Services);
}

await app.Services.PrepareDatabaseAsync();

// Outside the exception handler, so problem details are written in the request's language.
app.UseRequestLocalization();
app.UseWeb();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UsePortal();

app.MapHealth();
app.MapApiDocs();
app.MapAuth();
app.MapTickets();
app.MapViews();
app.MapBulk();
app.MapNotifications();
app.MapChannels();
app.MapTaxonomies();
app.MapCustomFields();
app.MapEmail();
app.MapSla();
app.MapTicketRouting();
app.MapAutomation();
app.MapConfigurationAudit();
app.MapCustomers();
app.MapAgents();
app.MapAttachments();
app.MapSearch();
app.MapEvents();
app.MapAgentWorkspace();
app.MapKnowledgeBase();
app.MapPortal();
app.MapBlazor();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
