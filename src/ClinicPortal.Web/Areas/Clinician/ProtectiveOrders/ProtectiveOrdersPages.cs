using ClinicPortal.Core.ProtectiveOrders;

namespace ClinicPortal.Web.Areas.Clinician.ProtectiveOrders;

/// <summary>One of the client's boundary people an order may cover.</summary>
public sealed record PersonChoice(Guid Id, string Name);

/// <summary>An order as the list shows it, with its status today and how many of the client's incidents may breach it.</summary>
public sealed record OrderRow(ProtectiveOrder Order, string Person, OrderStatus Status, int PossibleBreaches);

public sealed record ProtectiveOrdersPage(bool ReadOnly, IReadOnlyList<OrderRow> Orders, DateOnly Today)
{
    public static readonly IReadOnlyList<OrderStatus> Groups = [OrderStatus.ExpiringSoon, OrderStatus.InForce, OrderStatus.Expired, OrderStatus.Ended];

    public IEnumerable<OrderRow> In(OrderStatus status) => Orders.Where(o => o.Status == status);
}

public sealed record OrderFormPage(Guid? OrderId, ProtectiveOrderForm Form)
{
    public bool IsNew => OrderId is null;
}

public sealed record OrderChangeView(string ChangedBy, DateTimeOffset ChangedAt, IReadOnlyList<string> Lines);

public sealed record OrderPage(bool ReadOnly, ProtectiveOrder Order, string Person, OrderStatus Status, IReadOnlyList<OrderChangeView> History,
    IReadOnlyList<Infrastructure.ProtectiveOrders.BreachingIncident> PossibleBreaches, EndOrderForm End, DateOnly Today, TimeZoneInfo Zone);
