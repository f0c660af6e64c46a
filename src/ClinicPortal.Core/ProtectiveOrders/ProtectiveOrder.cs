using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.ProtectiveOrders;

/// <summary>What a clinician enters for an order, before <see cref="ProtectiveOrder"/> checks it.</summary>
public sealed record ProtectiveOrderDetails(
    string? Court,
    string? OrderNumber,
    ProtectiveOrderType? Type,
    bool NoContact,
    decimal? Distance,
    DistanceUnit? DistanceUnit,
    string? Exceptions,
    DateOnly? ServedOn,
    DateOnly? ExpiresOn,
    string? Notes);

/// <summary>
/// A protective order the client holds against one of their boundary people: its court and number, its terms (no contact,
/// a distance, exceptions such as child exchanges), when it was served and when it expires (some never do). Clinical
/// record: the client keeps the paper. Every change writes a <see cref="ProtectiveOrderChange"/>; an order ended before its
/// expiry keeps the day it ended. Whether an incident may breach it is <see cref="MayBeBreachedBy(Guid?, DateOnly)"/>.
/// </summary>
public sealed class ProtectiveOrder : IClinicalRecord
{
    public const int CourtMax = 200, NumberMax = 80, ExceptionsMax = 1000, NotesMax = 2000, EndReasonMax = 500;
    public const decimal DistanceMax = 100_000m;
    /// <summary>How many days before its expiry the clinician is reminded, and the list says "expiring soon".</summary>
    public const int ReminderDays = 14;

    public const string ChoosePerson = "Choose the person the order covers from the client's boundary list.";
    public const string ExpiryAfterServed = "The expiry date must be after the date served (leave it empty if the order has no expiry).";
    public const string ServedInFuture = "The date served cannot be in the future.";
    public const string DistanceNeedsUnit = "Give the distance with its unit (for example 100 yards), or leave both empty.";

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    /// <summary>The boundary (person or group) the order covers: one of this client's.</summary>
    public Guid BoundaryId { get; private set; }
    public string Court { get; private set; } = "";
    public string OrderNumber { get; private set; } = "";
    public ProtectiveOrderType Type { get; private set; }
    public bool NoContact { get; private set; }
    public decimal? Distance { get; private set; }
    public DistanceUnit? DistanceUnit { get; private set; }
    public string? Exceptions { get; private set; }
    public DateOnly ServedOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
    public string? Notes { get; private set; }
    /// <summary>The last day it was in force when it ended before its expiry (dismissed, withdrawn, replaced).</summary>
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private readonly List<ProtectiveOrderChange> _changes = [];
    /// <summary>The changes made in this unit of work (saved with the order).</summary>
    public IReadOnlyList<ProtectiveOrderChange> Changes => _changes;

    private ProtectiveOrder() { }

    /// <param name="covered">The boundary the form named, read with the client's id; null when it was not one of theirs.</param>
    public static ProtectiveOrder Record(Guid clientId, Boundary? covered, ProtectiveOrderDetails details, Guid byId, DateOnly today, DateTimeOffset now)
    {
        var checkedDetails = Check(details, today);
        var order = new ProtectiveOrder
        {
            Id = Guid.NewGuid(), ClientId = clientId, BoundaryId = Covering(clientId, covered), CreatedById = byId, CreatedAt = now, UpdatedAt = now,
        };
        order.Apply(checkedDetails);
        order._changes.Add(new ProtectiveOrderChange(order.Id, clientId, byId, now, ["Recorded"]));
        return order;
    }

    /// <summary>Applies new details and returns the history entry naming what changed, or null when nothing did (nothing is written).</summary>
    public ProtectiveOrderChange? Update(Boundary? covered, ProtectiveOrderDetails details, Guid byId, DateOnly today, DateTimeOffset now)
    {
        var next = Check(details, today);
        var boundaryId = Covering(ClientId, covered);
        if (EndedOn is { } ended && next.ExpiresOn is { } expiry && expiry <= ended)
            throw new DomainRuleException("The order ended early on " + ended.ToString("d MMM yyyy") + "; an expiry must come after that day.");
        var lines = Describe(next, boundaryId);
        if (lines.Count == 0) return null;
        Apply(next);
        BoundaryId = boundaryId;
        UpdatedAt = now;
        var change = new ProtectiveOrderChange(Id, ClientId, byId, now, lines);
        _changes.Add(change);
        return change;
    }

    /// <summary>Records that the order stopped before its expiry; <paramref name="lastDay"/> is the last day it was in force.</summary>
    public ProtectiveOrderChange EndEarly(DateOnly? lastDay, string? reason, Guid byId, DateOnly today, DateTimeOffset now)
    {
        if (EndedOn is not null) throw new DomainRuleException("This order was already ended.");
        if (lastDay is not { } day) throw new DomainRuleException("Enter the last day the order was in force.");
        if (day < ServedOn) throw new DomainRuleException("The order cannot end before the date it was served.");
        if (day > today) throw new DomainRuleException("An order is ended once it has stopped: the last day cannot be in the future.");
        if (ExpiresOn is { } expiry && day >= expiry) throw new DomainRuleException("That is on or after its expiry: the order simply expires then.");
        (EndedOn, EndReason, UpdatedAt) = (day, Guard.Optional(reason, "The reason", EndReasonMax), now);
        var change = new ProtectiveOrderChange(Id, ClientId, byId, now, [$"Ended early: last day in force {day:d MMM yyyy}" + (EndReason is null ? "" : $" ({EndReason})")]);
        _changes.Add(change);
        return change;
    }

    /// <summary>In force on a day of the clinic's calendar: from the day served to its expiry (or the last day before it ended), both included.</summary>
    public bool InForceOn(DateOnly day) => ServedOn <= day && (ExpiresOn is not { } e || day <= e) && (EndedOn is not { } end || day <= end);

    /// <summary>
    /// Whether an incident with this person, on this day, may breach the order: the person the order covers, while it was in
    /// force. "May": the terms (exceptions such as child exchanges) are for the clinician and the court to weigh.
    /// </summary>
    public bool MayBeBreachedBy(Guid? personBoundaryId, DateOnly occurredOn) => personBoundaryId == BoundaryId && InForceOn(occurredOn);

    /// <summary>The same for a moment, taken on the clinic's calendar (<paramref name="zone"/>).</summary>
    public bool MayBeBreachedBy(Guid? personBoundaryId, DateTimeOffset occurredAt, TimeZoneInfo zone) =>
        MayBeBreachedBy(personBoundaryId, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurredAt, zone).DateTime));

    public OrderStatus StatusOn(DateOnly today) => this switch
    {
        { EndedOn: not null } => OrderStatus.Ended,
        { ExpiresOn: { } e } when e < today => OrderStatus.Expired,
        _ when ReminderDue.Holds(this, today) => OrderStatus.ExpiringSoon,
        _ => OrderStatus.InForce,
    };

    /// <summary>
    /// An order the clinician is reminded of today: not ended, expiring within <see cref="ReminderDays"/> days from today on.
    /// One rule for the job's query and the list's badge; the job reminds once per order and expiry date.
    /// </summary>
    public static readonly QueryRule<ProtectiveOrder, DateOnly> ReminderDue = new((o, today) =>
        o.EndedOn == null && o.ExpiresOn != null && o.ExpiresOn >= today && o.ExpiresOn <= today.AddDays(ReminderDays));

    private static Guid Covering(Guid clientId, Boundary? covered) =>
        covered is { } b && b.ClientId == clientId ? b.Id : throw new DomainRuleException(ChoosePerson);

    /// <summary>Checks every field and returns the details as they will be stored (trimmed, distance rounded to a tenth).</summary>
    public static ProtectiveOrderDetails Check(ProtectiveOrderDetails d, DateOnly today)
    {
        var court = Guard.Required(d.Court, "The court", CourtMax);
        var number = Guard.Required(d.OrderNumber, "The order number", NumberMax);
        if (d.Type is not { } type || !Enum.IsDefined(type)) throw new DomainRuleException("Choose the type of order from the list.");
        if (d.DistanceUnit is { } u && !Enum.IsDefined(u)) throw new DomainRuleException(DistanceNeedsUnit);
        if ((d.Distance is null) != (d.DistanceUnit is null)) throw new DomainRuleException(DistanceNeedsUnit);
        if (d.Distance is { } distance && (distance <= 0 || distance > DistanceMax))
            throw new DomainRuleException($"The distance must be more than 0 and at most {DistanceMax:#,0}.");
        if (d.ServedOn is not { } served) throw new DomainRuleException("Enter the date the order was served.");
        if (served > today) throw new DomainRuleException(ServedInFuture);
        if (d.ExpiresOn is { } expires && expires <= served) throw new DomainRuleException(ExpiryAfterServed);
        return d with
        {
            Court = court, OrderNumber = number, Distance = d.Distance is { } x ? Math.Round(x, 1) : null,
            Exceptions = Guard.Optional(d.Exceptions, "The exceptions", ExceptionsMax), Notes = Guard.Optional(d.Notes, "The notes", NotesMax),
        };
    }

    private void Apply(ProtectiveOrderDetails d)
    {
        (Court, OrderNumber, Type, NoContact) = (d.Court!, d.OrderNumber!, d.Type!.Value, d.NoContact);
        (Distance, DistanceUnit, Exceptions) = (d.Distance, d.DistanceUnit, d.Exceptions);
        (ServedOn, ExpiresOn, Notes) = (d.ServedOn!.Value, d.ExpiresOn, d.Notes);
    }

    /// <summary>One line per changed field, old → new; replaced free text is kept whole in the line, so nothing written is lost.</summary>
    private List<string> Describe(ProtectiveOrderDetails d, Guid boundaryId)
    {
        var lines = new List<string>();
        void Line(string field, string? before, string? after)
        {
            if (before != after) lines.Add($"{field}: {before ?? "—"} → {after ?? "—"}");
        }
        Line("Court", Court, d.Court);
        Line("Order number", OrderNumber, d.OrderNumber);
        Line("Type", ProtectiveOrderLabels.Of(Type), ProtectiveOrderLabels.Of(d.Type!.Value));
        if (boundaryId != BoundaryId) lines.Add("Person covered: changed");
        Line("No contact", NoContact ? "yes" : "no", d.NoContact ? "yes" : "no");
        Line("Distance", DistanceText(Distance, DistanceUnit), DistanceText(d.Distance, d.DistanceUnit));
        Line("Exceptions", Exceptions, d.Exceptions);
        Line("Served", ServedOn.ToString("d MMM yyyy"), d.ServedOn!.Value.ToString("d MMM yyyy"));
        Line("Expiry", ExpiresOn?.ToString("d MMM yyyy") ?? "none", d.ExpiresOn?.ToString("d MMM yyyy") ?? "none");
        Line("Notes", Notes, d.Notes);
        return lines;
    }

    public static string? DistanceText(decimal? distance, DistanceUnit? unit) =>
        distance is { } x && unit is { } u ? $"{x:0.#} {ProtectiveOrderLabels.Of(u)}" : null;
}
