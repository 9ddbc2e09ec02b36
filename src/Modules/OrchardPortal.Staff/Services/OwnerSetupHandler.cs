using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Provisioning;
using OrchardPortal.Staff.Models;

namespace OrchardPortal.Staff.Services;

/// <summary>
/// The Staff module's part in a new tenant: the owner's account from the signup form, and the one-time
/// link that lands them signed in on the new portal's admin. Runs inside the provisioning transaction,
/// so a failed signup leaves no account behind.
/// </summary>
internal sealed class OwnerSetupHandler : ITenantSetupHandler
{
    public async Task SetupAsync(TenantSetupContext context, CancellationToken cancellationToken)
    {
        var services = context.Services;
        var request = context.Request;
        var user = services.GetRequiredService<StaffAccountService>()
            .AddActive(request.OwnerEmail, request.OwnerName, request.OwnerPassword, StaffRole.Owner);
        context.OwnerLandingPath = services.GetRequiredService<StaffHandoffService>().Issue(user.Id);
        await services.GetRequiredService<TenantDbContext>().SaveChangesAsync(cancellationToken);
    }
}
