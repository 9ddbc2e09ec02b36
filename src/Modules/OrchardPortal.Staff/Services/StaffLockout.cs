namespace OrchardPortal.Staff.Services;

/// <summary>The lockout rule, one place for both real accounts and unknown addresses.</summary>
public static class StaffLockout
{
    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    public const string FailedMessage = "Email or password is incorrect.";

    // The same words whether or not the address has an account, so the page reveals nothing.
    public const string LockedOutMessage = "Too many failed sign-in attempts for this email. Sign-in is paused for up to 15 minutes; please try again later.";
}
