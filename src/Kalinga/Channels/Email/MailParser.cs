using System.Security.Cryptography;
using Kalinga.Customers;
using MimeKit;

namespace Kalinga.Channels.Email;

/// <summary>
/// Turns raw RFC 5322 bytes into a <see cref="ParsedMail"/> with MimeKit: bodies in any charset, attachments,
/// inline images, TNEF (winmail.dat) contents and forwarded messages as .eml files. Throws
/// <see cref="MailRejectedException"/> with a reason an admin understands when the bytes are not a usable message.
/// </summary>
public sealed class MailParser
{
    public const int MaxParts = 1000;

    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly HashSet<string> DeliveryHeaders = new(["Delivered-To", "X-Original-To", "Envelope-To"], StringComparer.OrdinalIgnoreCase);

    private static readonly ParserOptions Options = new() { MaxMimeDepth = 64 };

    // Windows code pages (1252 and friends) must be known before MimeKit first touches TNEF: its property reader
    // looks one up in a static constructor, and a failure there would break every later winmail.dat in the process.
    static MailParser() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public ParsedMail Parse(byte[] raw)
    {
        if (raw.Length == 0 || Array.TrueForAll(raw, b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw new MailRejectedException("The message is empty.");
        }

        if (raw.AsSpan().StartsWith(CompoundFile))
        {
            throw new MailRejectedException("This is an Outlook .msg file (a compound document), not an RFC 5322 message; save it as .eml and import that.");
        }

        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(Options, stream);
        }
        catch (FormatException e)
        {
            throw new MailRejectedException($"MIME structure could not be parsed: {e.Message}", e);
        }

        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender
            ?? throw new MailRejectedException("The message has no sender (no From or Sender header), so there is no customer to answer.");
        var address = from.Address?.Trim() ?? "";
        if (address.Length is 0 or > 320 || !CustomerIdentity.IsValid(Customers.IdentityKind.Email, address))
        {
            throw new MailRejectedException($"The sender address '{Shorten(address)}' is not a valid e-mail address.");
        }

        var body = new MailBody();
        body.Walk(message.Body, 0);
        if (body.Parts > MaxParts)
        {
            throw new MailRejectedException($"The message has more than {MaxParts} MIME parts; mail like this is an attack on mail software, not a customer's message.");
        }

        var inline = body.Files.Where(f => f.ContentId is not null).GroupBy(f => f.ContentId!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => MailHtml.InlineImagePath + g.First().Sha256, StringComparer.OrdinalIgnoreCase);
        var html = body.Html is null ? null : MailHtml.Process(body.Html, inline);
        var text = body.Text ?? html?.Text ?? "";
        return new ParsedMail(message, MessageIdOf(message, raw), address.ToLowerInvariant())
        {
            FromName = string.IsNullOrWhiteSpace(from.Name) ? null : Shorten(MailText.Clean(from.Name.Trim()), 200),
            Subject = Shorten(MailText.Clean(message.Subject ?? "").ReplaceLineEndings(" ").Trim(), 500),
            Text = text,
            Html = html?.Html,
            UnquotedText = QuotedText.Unquoted(text),
            RemoteImages = html?.RemoteImages ?? [],
            To = Addresses(message.To),
            Cc = Addresses(message.Cc),
            DeliveredTo = [.. message.Headers.Where(h => DeliveryHeaders.Contains(h.Field))
                .Select(h => h.Value.Trim().Trim('<', '>').ToLowerInvariant())],
            InReplyTo = Bracketed(message.InReplyTo),
            References = [.. message.References.Select(Bracketed).OfType<string>()],
            Language = message.Headers[HeaderId.ContentLanguage],
            Files = body.Files,
        };
    }

    /// <summary>
    /// The Message-ID with brackets. A message without one (RFC 5322 §3.6.4 only says SHOULD) gets an id derived from
    /// its bytes, so fetching the same message twice still finds the first copy.
    /// </summary>
    private static string MessageIdOf(MimeMessage message, byte[] raw)
    {
        var id = message.MessageId?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return $"<{Convert.ToHexStringLower(SHA256.HashData(raw))[..40]}@no-message-id.kalinga.invalid>";
        }

        return id.Length > 900 ? $"<{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)))}@long-message-id.kalinga.invalid>" : $"<{id}>";
    }

    private static string? Bracketed(string? id) =>
        string.IsNullOrWhiteSpace(id) || id.Length > 900 ? null : $"<{id.Trim().Trim('<', '>')}>";

    private static List<string> Addresses(InternetAddressList list) =>
        [.. list.Mailboxes.Select(m => m.Address?.Trim().ToLowerInvariant() ?? "").Where(a => a.Length is > 0 and <= 320 && a.Contains('@', StringComparison.Ordinal)).Distinct().Take(100)];

    private static string Shorten(string value, int max = 100) => value.Length > max ? value[..max] : value;
}
