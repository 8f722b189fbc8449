using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MimeKit;

namespace Kalinga.Tests.Channels.Email;

/// <summary>
/// The loopback mail servers of scripts/test-services.sh. Test classes run in parallel against the same accounts,
/// so each one moves the mail it sent into a folder of its own and reads from smtp-sink only what it sent.
/// A missing variable fails the test: mail tests are never silently skipped.
/// </summary>
public static class MailServers
{
    private static readonly ConcurrentDictionary<string, MimeMessage> SinkCache = new();

    public static (string Host, int Port) Imap => Endpoint("KALINGA_TEST_IMAP");

    public static (string Host, int Port) Pop3 => Endpoint("KALINGA_TEST_POP3");

    public static (string Host, int Port) Smtp => Endpoint("KALINGA_TEST_SMTP");

    public static (string User, string Password) Support => Account(0);

    public static (string User, string Password) Sales => Account(1);

    /// <summary>Postfix's listener that relays only for clients that logged in (SASL through Dovecot, XOAUTH2 included).</summary>
    public static (string Host, int Port) Submission => Endpoint("KALINGA_TEST_SUBMISSION");

    /// <summary>The account that has no password: Dovecot lets it in only with an OAuth2 token.</summary>
    public static string OAuthUser => Env("KALINGA_TEST_OAUTH_USER");

    public static string Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{name} is not set. Start the test services and export their settings: eval \"$(scripts/test-services.sh env)\" (scripts/test.sh does both).");

    public static object ImapSettings(string folder, string? processed = null) =>
        new { protocol = "imap", host = Imap.Host, port = Imap.Port, security = "none", user = Support.User, password = Support.Password, folder, processedFolder = processed };

    public static object SmtpSettings => new { host = Smtp.Host, port = Smtp.Port, security = "none" };

    public static MimeMessage Message(string from, string to, string subject, string text, string? inReplyTo = null)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@customer.example.test", Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo.Trim('<', '>');
            message.References.Add(message.InReplyTo);
        }

        return message;
    }

    /// <summary>Hands messages to Postfix, the way a customer's provider would.</summary>
    public static async Task SendAsync(params MimeMessage[] messages)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(Smtp.Host, Smtp.Port, MailKit.Security.SecureSocketOptions.None);
        foreach (var message in messages)
        {
            await smtp.SendAsync(message);
        }

        await smtp.DisconnectAsync(true);
    }

    public static async Task<ImapClient> ConnectAsync((string User, string Password) account)
    {
        var client = new ImapClient();
        await client.ConnectAsync(Imap.Host, Imap.Port, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(account.User, account.Password);
        return client;
    }

    /// <summary>Logs in with SASL XOAUTH2, as Kalinga does for an OAuth2 mailbox.</summary>
    public static async Task<ImapClient> ConnectWithTokenAsync(string user, string accessToken)
    {
        var client = new ImapClient();
        await client.ConnectAsync(Imap.Host, Imap.Port, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(new MailKit.Security.SaslMechanismOAuth2(user, accessToken));
        return client;
    }

    /// <summary>Waits until every message has reached the account's INBOX, then moves them into <paramref name="folder"/> (created if needed).</summary>
    public static Task MoveArrivedAsync((string User, string Password) account, IReadOnlyCollection<string> messageIds, string folder) =>
        MoveArrivedAsync(() => ConnectAsync(account), account.User, messageIds, folder);

    public static async Task MoveArrivedAsync(Func<Task<ImapClient>> connect, string user, IReadOnlyCollection<string> messageIds, string folder)
    {
        using var client = await connect();
        var target = await FolderAsync(client, folder);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var found = new List<UniqueId>();
        while (true)
        {
            found.Clear();
            foreach (var id in messageIds)
            {
                found.AddRange(await client.Inbox.SearchAsync(SearchQuery.HeaderContains("Message-ID", id.Trim('<', '>'))));
            }

            if (found.Count >= messageIds.Count || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.True(found.Count >= messageIds.Count, $"Only {found.Count} of {messageIds.Count} messages reached {user}'s INBOX.");
        await client.Inbox.MoveToAsync(found, target);
        await client.DisconnectAsync(true);
    }

    public static async Task<IMailFolder> FolderAsync(ImapClient client, string name)
    {
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        return (await root.GetSubfoldersAsync()).FirstOrDefault(f => f.Name == name) ?? (await root.CreateAsync(name, isMessageFolder: true))!;
    }

    public static Task DeleteFolderAsync(string name) => DeleteFolderAsync(() => ConnectAsync(Support), name);

    public static async Task DeleteFolderAsync(Func<Task<ImapClient>> connect, string name)
    {
        using var client = await connect();
        var folder = (await client.GetFolder(client.PersonalNamespaces[0]).GetSubfoldersAsync()).FirstOrDefault(f => f.Name == name);
        if (folder is not null)
        {
            await folder.DeleteAsync();
        }

        await client.DisconnectAsync(true);
    }

    /// <summary>Polls <paramref name="condition"/> (in real time: the servers do not know the test's fake clock).</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(seconds), $"Timed out after {seconds} s waiting for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Messages smtp-sink received that match, waiting up to <paramref name="seconds"/> for at least <paramref name="atLeast"/> of them.</summary>
    public static async Task<List<MimeMessage>> SinkAsync(Func<MimeMessage, bool> match, int atLeast = 1, int seconds = 30)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var found = ReadSink().Where(match).ToList();
            if (found.Count >= atLeast || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return found;
            }

            await Task.Delay(250);
        }
    }

    private static IEnumerable<MimeMessage> ReadSink()
    {
        foreach (var file in Directory.EnumerateFiles(Env("KALINGA_TEST_SMTP_SINK_DIR"), "*", SearchOption.AllDirectories))
        {
            if (!SinkCache.TryGetValue(file, out var message))
            {
                if (File.GetLastWriteTimeUtc(file) > TimeProvider.System.GetUtcNow().UtcDateTime.AddMilliseconds(-300))
                {
                    continue;
                }

                try
                {
                    message = MimeMessage.Load(file);
                }
                catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
                {
                    continue;
                }

                // A file still being written has no complete message yet; read it again next time.
                if (message.MessageId is null || message.Body is null)
                {
                    continue;
                }

                SinkCache[file] = message;
            }

            yield return message;
        }
    }

    private static (string Host, int Port) Endpoint(string name)
    {
        var value = Env(name);
        var colon = value.LastIndexOf(':');
        return (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static (string User, string Password) Account(int index)
    {
        var accounts = Env("KALINGA_TEST_MAIL_USERS").Split(',');
        Assert.True(accounts.Length > index, $"KALINGA_TEST_MAIL_USERS names {accounts.Length} accounts; the tests need {index + 1}.");
        var parts = accounts[index].Split(':', 2);
        return (parts[0], parts[1]);
    }
}
