namespace OrchardPortal.Billing.Models;

/// <summary>What invoice and estimate lines share, so one calculation (<see cref="Services.LineMath"/>) serves both.</summary>
public interface ILineItem
{
    int Position { get; set; }

    string Description { get; set; }

    decimal Quantity { get; set; }

    long UnitPrice { get; set; }

    decimal TaxRate { get; set; }

    long Amount { get; set; }

    long LineTax { get; set; }
}
