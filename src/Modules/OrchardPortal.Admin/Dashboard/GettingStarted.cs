namespace OrchardPortal.Admin.Dashboard;

/// <summary>
/// One item of the dashboard's getting-started checklist. The Admin module lists the standard items;
/// the module that makes an item possible registers an <see cref="IGettingStartedProgress"/> with the
/// same <see cref="Id"/> to link it and tick it off. An item nobody reports on yet shows "coming soon".
/// </summary>
public sealed record GettingStartedStep(string Id, string Title, string Description, int Order);

/// <summary>Where a tenant stands on one checklist item (registered scoped by the module that owns it).</summary>
public interface IGettingStartedProgress
{
    string StepId { get; }

    Task<GettingStartedStatus> GetStatusAsync(CancellationToken cancellationToken);
}

/// <param name="Done">The tenant has completed the item.</param>
/// <param name="Path">Tenant-relative admin page where the item is done.</param>
public sealed record GettingStartedStatus(bool Done, string Path);

/// <summary>The standard checklist items (ids that later modules report on).</summary>
public static class GettingStartedSteps
{
    public static readonly GettingStartedStep Brand = new("brand", "Brand your portal", "Add your logo and colours and the welcome text your customers see.", 10);
    public static readonly GettingStartedStep AddCustomers = new("customers", "Add your customers", "Import your customer list or add customers one by one.", 20);
    public static readonly GettingStartedStep InviteCustomers = new("invite", "Invite your customers", "Email customers a link to set up their portal account.", 30);
    public static readonly GettingStartedStep ConnectPayments = new("payments", "Connect payments", "Connect your payment account so customers can pay online.", 40);

    public static IReadOnlyList<GettingStartedStep> All { get; } = [Brand, AddCustomers, InviteCustomers, ConnectPayments];
}
