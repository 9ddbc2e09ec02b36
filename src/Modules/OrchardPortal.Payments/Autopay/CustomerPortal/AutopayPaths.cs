namespace OrchardPortal.Payments.Autopay.CustomerPortal;

/// <summary>Where autopay lives: the customer's page and the staff list.</summary>
public static class AutopayPaths
{
    /// <summary>The customer's "Automatic payments" page.</summary>
    public const string Page = "/pay/autopay";

    /// <summary>Staff: autopay charges that need attention, and recent runs.</summary>
    public const string Admin = "/admin/autopay";
}
