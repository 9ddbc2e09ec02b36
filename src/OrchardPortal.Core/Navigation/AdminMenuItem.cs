namespace OrchardPortal.Core.Navigation;

/// <summary>
/// One entry of a tenant's staff-admin navigation. Modules register instances in their Startup
/// (<c>services.AddSingleton(new AdminMenuItem(...))</c>); the admin shell lists them by <see cref="Order"/>.
/// </summary>
/// <param name="Text">What the link says.</param>
/// <param name="Path">Tenant-relative URL, e.g. <c>/admin/staff</c>.</param>
/// <param name="Order">Position: lower comes first.</param>
/// <param name="Role">When set, only staff in this role see it (e.g. "Owner").</param>
public sealed record AdminMenuItem(string Text, string Path, int Order, string? Role = null);
