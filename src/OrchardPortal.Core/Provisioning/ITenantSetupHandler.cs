namespace OrchardPortal.Core.Provisioning;

/// <summary>
/// A module's part in setting up a new tenant after its recipe ran (e.g. the Staff module creates the
/// owner's account). Runs inside the provisioning transaction.
/// </summary>
public interface ITenantSetupHandler
{
    Task SetupAsync(TenantSetupContext context, CancellationToken cancellationToken);
}
