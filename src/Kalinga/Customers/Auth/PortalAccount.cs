namespace Kalinga.Customers.Auth;

/// <summary>
/// A customer's optional portal password. Most customers never set one and sign in by e-mail link; the lockout
/// mirrors agents' (five wrong passwords, fifteen minutes).
/// </summary>
public sealed class PortalAccount
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutFor = TimeSpan.FromMinutes(15);

    private PortalAccount()
    {
    }

    public PortalAccount(long customerId) => CustomerId = customerId;

    public long CustomerId { get; private set; }

    public string? PasswordHash { get; set; }

    public int FailedSignIns { get; set; }

    public DateTime? LockedUntil { get; set; }

    public DateTime? LastSignInAt { get; set; }

    public bool IsLocked(DateTime now) => LockedUntil > now;

    public void Failed(DateTime now)
    {
        FailedSignIns++;
        if (FailedSignIns >= MaxFailures)
        {
            LockedUntil = now + LockoutFor;
            FailedSignIns = 0;
        }
    }

    public void SignedIn(DateTime now)
    {
        FailedSignIns = 0;
        LockedUntil = null;
        LastSignInAt = now;
    }
}
