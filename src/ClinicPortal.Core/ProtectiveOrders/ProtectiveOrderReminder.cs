using ClinicPortal.Core.Clients;

namespace ClinicPortal.Core.ProtectiveOrders;

/// <summary>
/// The record that the clinician was reminded of an order's coming expiry: one per order and expiry date (a unique key),
/// so the reminder job may run any number of times, on any number of instances; a new expiry date reminds again. The client
/// is reminded once on the same record (<see cref="ClientRemindedAt"/>): a content-free mail, as contact safety allows.
/// </summary>
public sealed class ProtectiveOrderReminder : IClinicalRecord
{
    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid OrderId { get; private set; }
    public DateOnly ExpiresOn { get; private set; }
    /// <summary>The clinician's alert that carries it in the app.</summary>
    public Guid AlertId { get; private set; }
    public DateTimeOffset RemindedAt { get; private set; }
    /// <summary>When the client's reminder was queued; null until then (a record written before the client's side existed).</summary>
    public DateTimeOffset? ClientRemindedAt { get; private set; }

    private ProtectiveOrderReminder() { }

    public static ProtectiveOrderReminder For(Guid clientId, Guid orderId, DateOnly expiresOn, Guid alertId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), ClientId = clientId, OrderId = orderId, ExpiresOn = expiresOn, AlertId = alertId, RemindedAt = now,
    };

    /// <summary>Marks the client reminded; a second time is a bug in the caller, not a second reminder.</summary>
    public void ClientReminded(DateTimeOffset now)
    {
        if (ClientRemindedAt is not null) throw new Common.DomainRuleException("The client was already reminded of this date.");
        ClientRemindedAt = now;
    }
}
