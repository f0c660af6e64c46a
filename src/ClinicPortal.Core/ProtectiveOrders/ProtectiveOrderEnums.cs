namespace ClinicPortal.Core.ProtectiveOrders;

/// <summary>The kind of order, as the paper names it (names differ by state; "Other" covers the rest).</summary>
public enum ProtectiveOrderType
{
    Emergency = 0,
    Temporary = 1,
    Final = 2,
    CriminalNoContact = 3,
    Other = 4,
}

/// <summary>The unit of a stay-away distance, as written on the order.</summary>
public enum DistanceUnit
{
    Feet = 0,
    Yards = 1,
    Metres = 2,
    Miles = 3,
    Kilometres = 4,
}

/// <summary>Where an order stands on a given day (the list groups by it).</summary>
public enum OrderStatus
{
    /// <summary>Served after that day (entered ahead of the date it takes effect).</summary>
    NotYetInForce = 0,
    InForce = 1,
    /// <summary>In force, and its expiry is within <see cref="ProtectiveOrder.ReminderDays"/> days.</summary>
    ExpiringSoon = 2,
    Expired = 3,
    /// <summary>Ended before its expiry (dismissed, withdrawn, replaced).</summary>
    Ended = 4,
}

public static class ProtectiveOrderLabels
{
    public static readonly IReadOnlyList<ProtectiveOrderType> Types = Enum.GetValues<ProtectiveOrderType>();
    public static readonly IReadOnlyList<DistanceUnit> Units = Enum.GetValues<DistanceUnit>();

    public static string Of(ProtectiveOrderType type) => type switch
    {
        ProtectiveOrderType.Emergency => "Emergency protective order",
        ProtectiveOrderType.Temporary => "Temporary (ex parte) order",
        ProtectiveOrderType.Final => "Final (long-term) order",
        ProtectiveOrderType.CriminalNoContact => "Criminal no-contact order",
        ProtectiveOrderType.Other => "Other order",
        _ => type.ToString(),
    };

    public static string Of(DistanceUnit unit) => unit switch
    {
        DistanceUnit.Feet => "feet",
        DistanceUnit.Yards => "yards",
        DistanceUnit.Metres => "metres",
        DistanceUnit.Miles => "miles",
        DistanceUnit.Kilometres => "kilometres",
        _ => unit.ToString(),
    };

    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.NotYetInForce => "Not yet in force",
        OrderStatus.InForce => "In force",
        OrderStatus.ExpiringSoon => "Expiring soon",
        OrderStatus.Expired => "Expired",
        OrderStatus.Ended => "Ended early",
        _ => status.ToString(),
    };
}
