using Kalinga.Channels.Email;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Channels.Email;

/// <summary>
/// Every file of the shared MIME corpus ($KALINGA_TEST_MIME_CORPUS: broken boundaries, bad charsets, TNEF, DSNs,
/// mbox files, attacks on parsers) goes through import-mail. Each message must end as a new ticket, a threaded
/// message, a filtered item or a quarantined item with a reason: none lost, no exception.
/// </summary>
public sealed class CorpusTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Every_message_of_the_corpus_is_accounted_for()
    {
        var corpus = MailServers.Env("KALINGA_TEST_MIME_CORPUS");
        var files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).ToList();
        Assert.True(files.Count > 10, $"The corpus at {corpus} has only {files.Count} files.");

        var report = await app.WithScopeAsync(sp => sp.GetRequiredService<ImportMail>().HandleAsync([corpus], null, CancellationToken.None));

        Assert.Empty(report.Skipped);
        Assert.All(files, f => Assert.Contains(report.Items, i => i.Path == f));
        Assert.Equal(report.Items.Count, report.Count(IntakeOutcome.NewTicket) + report.Count(IntakeOutcome.Threaded) + report.Count(IntakeOutcome.Filtered) + report.Count(IntakeOutcome.Quarantined));
        Assert.All(report.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Detail), $"{i.Path}#{i.Index} has no reason"));
        Assert.True(report.Count(IntakeOutcome.NewTicket) > files.Count / 2, report.Summary);

        var stored = await app.WithDbAsync(db => db.Messages.CountAsync(m => m.Direction == MessageDirection.In));
        var setAside = await app.WithDbAsync(db => db.SetAsideMail.CountAsync());
        Assert.Equal(report.Count(IntakeOutcome.NewTicket) + report.Count(IntakeOutcome.Threaded), stored);
        Assert.Equal(report.Count(IntakeOutcome.Quarantined) + report.Items.Count(i => i.Outcome == IntakeOutcome.Filtered && !i.Detail.StartsWith("duplicate", StringComparison.Ordinal)), setAside);
        Assert.Equal(0, await app.WithDbAsync(db => db.Messages.CountAsync(m => m.Direction == MessageDirection.Out)));

        var mbox = files.Where(f => File.ReadAllBytes(f).AsSpan().StartsWith("From "u8)).ToList();
        Assert.All(mbox, f => Assert.True(report.Items.Any(i => i.Path == f), $"{f} gave no message"));
    }

    [Fact]
    public async Task Winmail_dat_attachments_are_unpacked()
    {
        var corpus = MailServers.Env("KALINGA_TEST_MIME_CORPUS");
        var tnef = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories)
            .Where(HasTnef).ToList();
        Assert.NotEmpty(tnef);

        foreach (var file in tnef)
        {
            var mail = new MailParser().Parse(await File.ReadAllBytesAsync(file));
            Assert.DoesNotContain(mail.Files, f => f.ContentType.Contains("ms-tnef", StringComparison.Ordinal));
            Assert.True(mail.Files.Count > 0 || mail.Html is not null, $"{file}: nothing came out of winmail.dat");
        }

        var kitten = new MailParser().Parse(await File.ReadAllBytesAsync(tnef.Single(f => f.EndsWith("tnef__rich-text.eml", StringComparison.Ordinal))));
        Assert.Contains(kitten.Files, f => f.FileName == "kitten-playing-with-a-christmas-tree.jpg" && f.Content.Length > 1000);
    }

    private static bool HasTnef(string file)
    {
        try
        {
            return MimeKit.MimeMessage.Load(file).BodyParts.OfType<MimeKit.Tnef.TnefPart>().Any();
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
