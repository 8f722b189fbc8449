using Microsoft.AspNetCore.DataProtection;

namespace Kalinga.Channels.Email;

/// <summary>
/// Mailbox passwords at rest. ASP.NET Core Data Protection encrypts them with keys kept in the database, so every
/// node can read what any node wrote. This keeps secrets out of API answers, logs and exports; it does not protect
/// against someone holding the whole database (keys included): protect backups accordingly.
/// </summary>
public sealed class MailboxSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Kalinga.Channels.Email.MailboxSecrets.v1");

    public string? Protect(string? secret) => string.IsNullOrEmpty(secret) ? null : protector.Protect(secret);

    public string? Unprotect(string? stored) => stored is null ? null : protector.Unprotect(stored);
}
