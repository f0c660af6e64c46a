using ClinicPortal.Core.Clients;

namespace ClinicPortal.Core.ProtectiveOrders;

/// <summary>One entry of an order's history: who changed it, when, and each field's old and new value.</summary>
public sealed class ProtectiveOrderChange : IClinicalRecord
{
    public const int SummaryMax = 8000;

    public Guid Id { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ChangedById { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    /// <summary>One line per change, e.g. "Expiry: 1 Mar 2027 → 1 Sep 2027".</summary>
    public string Summary { get; private set; } = "";

    private ProtectiveOrderChange() { }

    internal ProtectiveOrderChange(Guid orderId, Guid clientId, Guid byId, DateTimeOffset now, IReadOnlyList<string> lines)
    {
        (Id, OrderId, ClientId, ChangedById, ChangedAt) = (Guid.NewGuid(), orderId, clientId, byId, now);
        var summary = string.Join("\n", lines);
        Summary = summary.Length > SummaryMax ? summary[..(SummaryMax - 1)] + "…" : summary;
    }

    public IReadOnlyList<string> Lines => Summary.Split('\n');
}
