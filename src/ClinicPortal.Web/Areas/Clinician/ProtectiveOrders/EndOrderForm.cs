namespace ClinicPortal.Web.Areas.Clinician.ProtectiveOrders;

/// <summary>Ending an order before its expiry: its last day in force, and why (optional). The rules live in ProtectiveOrder.EndEarly.</summary>
public sealed class EndOrderForm
{
    [Mvc.BindingMessage("Enter the last day in force as day, month and year.")]
    public DateOnly? LastDay { get; set; }
    public string? Reason { get; set; }
}
