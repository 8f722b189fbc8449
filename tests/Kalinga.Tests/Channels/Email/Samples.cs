namespace Kalinga.Tests.Channels.Email;

/// <summary>The real .eml files beside the tests; <c>{{…}}</c> placeholders let a test make a sample unique.</summary>
public static class Samples
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Channels", "Email", "Samples", name));

    /// <summary>The sample with every text replacement applied (byte-level, so 8-bit charsets stay intact).</summary>
    public static byte[] Bytes(string name, params (string From, string To)[] replacements)
    {
        var text = System.Text.Encoding.Latin1.GetString(Bytes(name));
        foreach (var (from, to) in replacements)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return System.Text.Encoding.Latin1.GetBytes(text);
    }

    public static Kalinga.Channels.Email.ParsedMail Parse(string name, params (string From, string To)[] replacements) =>
        new Kalinga.Channels.Email.MailParser().Parse(Bytes(name, replacements));
}
