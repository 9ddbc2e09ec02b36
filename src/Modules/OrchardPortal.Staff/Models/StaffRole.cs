namespace OrchardPortal.Staff.Models;

/// <summary>What a staff member may do: owners also manage the staff list.</summary>
public enum StaffRole
{
    Staff = 0,
    Owner = 1,
}
