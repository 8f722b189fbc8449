using Kalinga.Agents.Auth;

namespace Kalinga.Channels.Email;

public static class EmailModule
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration("Email").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailboxSecrets>();
        services.AddHttpClient(OAuthTokens.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<OAuthTokens>();
        services.AddSingleton<MailConnections>();
        services.AddSingleton<MailParser>();
        services.AddSingleton<IInboundEmailFilter, BounceFilter>();
        services.AddSingleton<IInboundEmailFilter, LoopFilter>();
        services.AddSingleton<IInboundEmailFilter, AutoReplyFilter>();
        services.AddScoped<EmailIntake>();
        services.AddScoped<RecordInboundEmail>();
        services.AddScoped<MarkBounced>();
        services.AddScoped<ReceiptSender>();
        services.AddScoped<SaveMailbox>();
        services.AddScoped<FetchMailbox>();
        services.AddScoped<ImportMail>();
        services.AddSingleton<PoisonGuard>();
        services.AddSingleton<ImapPoller>();
        services.AddSingleton<Pop3Poller>();
        services.AddSingleton<IChannelAdapter, SmtpAdapter>();
        services.AddSingleton<Web.IPortalMailTransport, SmtpPortalMail>();
        services.AddHostedService<MailPolling>();
        return services;
    }

    public static IEndpointRouteBuilder MapEmail(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/mailboxes").WithTags("E-mail").RequireAuthorization(Policies.Admin);
        admin.MapGet("/", MailboxEndpoints.ListAsync).WithSummary("Lists mailboxes with their settings (never passwords) and health");
        admin.MapGet("/{id:long}", MailboxEndpoints.GetAsync).WithSummary("Gets one mailbox with its health");
        admin.MapPost("/", MailboxEndpoints.CreateAsync).WithSummary("Adds a mailbox: address, IMAP/POP3 inbound, SMTP outbound, team, language, receipt");
        admin.MapPut("/{id:long}", MailboxEndpoints.UpdateAsync).WithSummary("Replaces a mailbox's settings; a null password keeps the stored one");
        admin.MapDelete("/{id:long}", MailboxEndpoints.DeleteAsync).WithSummary("Removes a mailbox; its tickets and e-mails stay");
        admin.MapPost("/{id:long}/fetch", MailboxEndpoints.FetchAsync).WithSummary("Checks the mailbox now (one pass) and reports what was committed");
        admin.MapGet("/set-aside", MailboxEndpoints.SetAsideAsync).WithSummary("Quarantined, bounced and looping mail, newest first (kind=quarantined|bounce|loop)");
        admin.MapGet("/set-aside/{id:long}/raw", MailboxEndpoints.SetAsideRawAsync).WithSummary("Downloads a set-aside message as .eml");
        admin.MapGet("/bouncing", MailboxEndpoints.BouncingAsync).WithSummary("Addresses our replies bounced from");

        app.MapPost("/api/v1/mailboxes/{id:long}/raw", MailboxEndpoints.RawAsync).WithTags("E-mail").RequireAuthorization(Policies.Agent)
            .WithSummary("Takes one raw RFC 5322 message (Content-Type message/rfc822) for this mailbox, as an MTA pipe or inbound-mail webhook would");

        var agent = app.MapGroup("/api/v1/email").WithTags("E-mail").RequireAuthorization(Policies.Agent);
        agent.MapGet("/messages/{messageId:long}", EmailEndpoints.GetAsync).WithSummary("The e-mail side of a ticket message: headers, CC, unquoted text, blocked images");
        agent.MapGet("/messages/{messageId:long}/raw", EmailEndpoints.RawAsync).WithSummary("Downloads the message exactly as it was received (.eml)");
        agent.MapGet("/messages/{messageId:long}/html", EmailEndpoints.HtmlAsync).WithSummary("The sanitized HTML; remoteImages=true loads the blocked remote images");
        agent.MapGet("/inline/{sha256}", EmailEndpoints.InlineAsync).WithSummary("An inline (cid:) image of a received e-mail");
        return app;
    }
}
