namespace OrchardPortal.Core.Navigation;

/// <summary>
/// A number shown next to an admin menu link (e.g. emails that could not be delivered). Registered
/// scoped by the module that owns the link; the admin shell asks it on every admin page, so keep it cheap.
/// </summary>
public interface IAdminMenuBadge
{
    /// <summary>The <see cref="AdminMenuItem.Path"/> of the link the badge belongs to.</summary>
    string Path { get; }

    /// <summary>What the number means, read by screen readers after it (e.g. "emails not delivered").</summary>
    string Description { get; }

    /// <summary>The number to show; nothing is shown for zero.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);
}
