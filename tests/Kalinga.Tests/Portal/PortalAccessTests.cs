using System.Net;
using System.Net.Http.Headers;
using Kalinga.Customers;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tests.Portal;

/// <summary>Two customers of one organization, one of them its admin, and a stranger: who sees what, by page, by URL and by API.</summary>
public sealed class PortalAccessTests(PortalAccessTests.App app) : IClassFixture<PortalAccessTests.App>
{
    public sealed class App : KalingaApp
    {
        public long AnaTicket { get; private set; }

        public long BenTicket { get; private set; }

        public long BenFile { get; private set; }

        public long StrangerTicket { get; private set; }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var admin = await ClientAsync();
            var org = await (await admin.PostAsync("/api/v1/organizations", new { name = "Brightwater", domains = new[] { "brightwater.test" } })).ReadAsync<OrganizationDetails>(HttpStatusCode.Created);
            AnaTicket = (await admin.CreateTicketAsync(subject: "Ana's oven", text: "The oven is cold.", email: "ana@brightwater.test", channel: "web")).Number;
            var ben = await admin.CreateTicketAsync(subject: "Ben's invoice", text: "Please resend the invoice.", email: "ben@brightwater.test", channel: "web");
            BenTicket = ben.Number;
            StrangerTicket = (await admin.CreateTicketAsync(subject: "Stranger's TV", text: "No picture.", email: "sol@elsewhere.test", channel: "web")).Number;
            var upload = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 invoice"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "invoice.pdf" } };
            BenFile = (await (await admin.PostAsync("/api/v1/attachments", upload)).ReadAsync<List<Kalinga.Attachments.UploadedAttachment>>(HttpStatusCode.Created))[0].Id;
            await (await admin.PostAsync($"/api/v1/tickets/{BenTicket}/replies", new { text = "Here is your invoice.", attachmentIds = new[] { BenFile } })).ReadAsync<MessageView>(HttpStatusCode.Created);
            await (await admin.PostAsync($"/api/v1/tickets/{BenTicket}/notes", new { text = "SECRET NOTE: customer disputed twice." })).ReadAsync<MessageView>(HttpStatusCode.Created);
            var anaId = await WithDbAsync(db => db.Customers.Where(c => c.Identities.Any(i => i.Value == "ana@brightwater.test")).Select(c => c.Id).SingleAsync());
            await (await admin.PatchAsync($"/api/v1/customers/{anaId}", new { organizationAdmin = true })).ReadAsync<CustomerDetails>();
            Assert.NotEqual(0, org.Id);
        }

        public async Task<PortalClient> SignedInAsync(string email)
        {
            var portal = PortalClient.For(this);
            await portal.SubmitAsync("/requests/sign-in", "link", new Dictionary<string, string> { ["Email"] = email });
            var response = await portal.SubmitAsync(await this.SignInLinkAsync(email), "redeem", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return portal;
        }
    }

    [Fact]
    public async Task A_customer_sees_only_their_own_requests_and_guessed_numbers_answer_not_found()
    {
        var ben = await app.SignedInAsync("ben@brightwater.test");

        var list = await ben.PageAsync("/requests");
        var own = await ben.PageAsync($"/requests/{app.BenTicket}");

        Assert.Contains("Ben&#x27;s invoice", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", list, StringComparison.Ordinal);
        Assert.DoesNotContain("My organization", list, StringComparison.Ordinal);
        Assert.Contains("Here is your invoice.", own, StringComparison.Ordinal);
        foreach (var number in new[] { app.AnaTicket, app.StrangerTicket, 999_999 })
        {
            var page = await ben.PageAsync($"/requests/{number}", HttpStatusCode.NotFound);
            // Words with spaces: a page's random tokens (antiforgery, nonces) can spell "oven" by chance.
            Assert.DoesNotContain("s oven", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("oven is cold", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("No picture", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Internal_notes_never_reach_the_customer()
    {
        var ben = await app.SignedInAsync("ben@brightwater.test");

        var page = await ben.PageAsync($"/requests/{app.BenTicket}");

        Assert.DoesNotContain("SECRET NOTE", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_customers_request_cannot_be_answered_solved_or_have_its_files_downloaded()
    {
        var sol = await app.SignedInAsync("sol@elsewhere.test");
        var before = await MessageCountAsync(app.BenTicket);

        var reply = await sol.SubmitAsync($"/requests/{app.StrangerTicket}", "reply", new Dictionary<string, string> { ["Text"] = "x" });
        var form = await sol.PageAsync($"/requests/{app.StrangerTicket}");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var forged = await sol.Http.PostAsync($"/requests/{app.BenTicket}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "reply", ["Text"] = "Injected reply",
        }));
        var solve = await sol.Http.PostAsync($"/requests/{app.BenTicket}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "solve", ["Solve"] = "yes",
        }));
        var file = await sol.Http.GetAsync($"/requests/{app.BenTicket}/files/{app.BenFile}");
        var viaOwnNumber = await sol.Http.GetAsync($"/requests/{app.StrangerTicket}/files/{app.BenFile}");

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.False(forged.IsSuccessStatusCode);
        Assert.False(solve.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaOwnNumber.StatusCode);
        Assert.Equal(before, await MessageCountAsync(app.BenTicket));
        Assert.NotEqual(TicketStatus.Solved, await app.WithDbAsync(db => db.Tickets.Where(t => t.Number == app.BenTicket).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_customer_cookie_opens_no_agent_api_or_workspace_page()
    {
        var ben = await app.SignedInAsync("ben@brightwater.test");

        var tickets = await ben.Http.GetAsync("/api/v1/tickets");
        var ticket = await ben.Http.GetAsync($"/api/v1/tickets/{app.BenTicket}");
        var kb = await ben.Http.GetAsync("/api/v1/kb/articles");
        var me = await ben.Http.GetAsync("/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, tickets.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, ticket.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, kb.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task An_organization_admin_follows_colleagues_requests_and_loses_them_when_the_flag_goes()
    {
        var ana = await app.SignedInAsync("ana@brightwater.test");

        var organization = await ana.PageAsync("/requests?organization=true");
        var colleagues = await ana.PageAsync($"/requests/{app.BenTicket}");
        await ana.PageAsync($"/requests/{app.StrangerTicket}", HttpStatusCode.NotFound);
        var admin = await app.ClientAsync();
        var anaId = await app.WithDbAsync(db => db.Customers.Where(c => c.Identities.Any(i => i.Value == "ana@brightwater.test")).Select(c => c.Id).SingleAsync());
        await (await admin.PatchAsync($"/api/v1/customers/{anaId}", new { organizationAdmin = false })).ReadAsync<CustomerDetails>();
        await ana.PageAsync($"/requests/{app.BenTicket}", HttpStatusCode.NotFound);
        await (await admin.PatchAsync($"/api/v1/customers/{anaId}", new { organizationAdmin = true })).ReadAsync<CustomerDetails>();

        Assert.Contains("Ben&#x27;s invoice", organization, StringComparison.Ordinal);
        Assert.DoesNotContain("Stranger", organization, StringComparison.Ordinal);
        Assert.Contains("Here is your invoice.", colleagues, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET NOTE", colleagues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_reply_reopens_a_solved_request_and_the_customer_can_mark_it_solved()
    {
        var ana = await app.SignedInAsync("ana@brightwater.test");

        await ana.SubmitAsync($"/requests/{app.AnaTicket}", "solve", new Dictionary<string, string>());
        var solved = await StatusAsync(app.AnaTicket);
        var replied = await ana.SubmitAsync($"/requests/{app.AnaTicket}", "reply", new Dictionary<string, string> { ["Text"] = "It is cold again." },
            [("Files", "oven.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])]);
        var page = await replied.Content.ReadAsStringAsync();

        Assert.Equal(TicketStatus.Solved, solved);
        Assert.Equal(TicketStatus.Open, await StatusAsync(app.AnaTicket));
        Assert.Contains("It is cold again.", page, StringComparison.Ordinal);
        Assert.Contains("oven.jpg", page, StringComparison.Ordinal);
    }

    private Task<int> MessageCountAsync(long number) => app.WithDbAsync(db => db.Messages.CountAsync(m => db.Tickets.Any(t => t.Id == m.TicketId && t.Number == number)));

    private Task<TicketStatus> StatusAsync(long number) => app.WithDbAsync(db => db.Tickets.Where(t => t.Number == number).Select(t => t.Status).SingleAsync());
}
