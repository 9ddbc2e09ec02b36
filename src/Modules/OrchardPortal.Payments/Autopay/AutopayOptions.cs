namespace OrchardPortal.Payments.Autopay;

/// <summary>How this node runs autopay (<c>Payments:Autopay</c>). Which customers pay automatically is tenant data, not this.</summary>
public sealed class AutopayOptions
{
    public const string Section = "Payments:Autopay";

    /// <summary>Run the background job on this node. Several nodes may all run it: claims make each charge happen once.</summary>
    public bool JobEnabled { get; set; } = true;

    /// <summary>Time between runs over every running tenant.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gateway requests in flight at once per tenant (each waits on the gateway; the database work is short).</summary>
    public int MaxConcurrentCharges { get; set; } = 16;

    /// <summary>Claimed batches worked on at once per tenant, so one batch's database work overlaps another's gateway calls.</summary>
    public int MaxConcurrentBatches { get; set; } = 3;

    /// <summary>Tenants worked on at once.</summary>
    public int MaxConcurrentTenants { get; set; } = 2;

    /// <summary>Charges claimed by one conditional update.</summary>
    public int ClaimBatchSize { get; set; } = 64;

    /// <summary>How long a claim keeps other nodes away; a node that died mid-charge loses its claim after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Tries per invoice and due date before autopay stops and tells staff.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>After the gateway did not answer, when to ask again with the same key.</summary>
    public TimeSpan UnknownRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Stripe forgets idempotency keys after 24 hours; a charge whose outcome is still unknown after this long
    /// is not sent again (it could charge twice) but handed to staff to check in the gateway's dashboard.
    /// </summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromHours(23);
}
