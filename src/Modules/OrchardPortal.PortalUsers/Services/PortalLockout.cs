namespace OrchardPortal.PortalUsers.Services;

/// <summary>The portal's lockout rule: this many failed sign-ins in a row lock an account for this long.</summary>
public static class PortalLockout
{
    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
}
