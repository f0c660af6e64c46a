using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Reconnecting;

namespace ClinicPortal.Core.BoundaryPlans;

/// <summary>
/// The client's boundary with one person or group. Every save that changes it writes a
/// <see cref="BoundaryRevision"/>, so the plan's history is never lost. The client may read the
/// reasons and conditions the clinician shared (hence client-visible), never the rest.
/// </summary>
public sealed class Boundary : IClientVisibleRecord
{
    public const int PersonMax = 120, PlannedLengthMax = 120, ExceptionsMax = 2000, ItemMax = 500, ListMax = 15;

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public string PersonName { get; private set; } = "";
    public RelationshipType Relationship { get; private set; }
    public ContactLevel ContactLevel { get; private set; }
    public bool DoorOpen { get; private set; }
    public HowTold? HowTold { get; private set; }
    public IReadOnlyList<ChannelEntry> Channels { get; private set; } = [];
    public IReadOnlyList<PlanItem> Reasons { get; private set; } = [];
    public IReadOnlyList<ConditionItem> Conditions { get; private set; } = [];
    public string? Exceptions { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public string? PlannedLength { get; private set; }
    public DateOnly? ReviewDate { get; private set; }
    public IReadOnlyList<PreparationItem> Preparation { get; private set; } = [];
    /// <summary>The number of the latest revision (1 after creation).</summary>
    public int RevisionNumber { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Boundary() { }

    /// <summary>A new boundary and its first revision, to be saved together.</summary>
    public static (Boundary Boundary, BoundaryRevision Revision) Create(Guid clientId, BoundaryDetails details, Guid authorId, DateTimeOffset now)
    {
        var snapshot = Check(details);
        if (snapshot.ContactLevel == ContactLevel.Reconnecting) throw new DomainRuleException(StartsWithoutPlan);
        var boundary = new Boundary { Id = Guid.NewGuid(), ClientId = clientId, CreatedAt = now };
        boundary.Apply(snapshot, now);
        return (boundary, boundary.NewRevision(null, snapshot, authorId, now, null));
    }

    /// <summary>
    /// Applies the new details and returns the revision recording the change, or null when nothing
    /// changed (then nothing is written). Throws before changing anything when a rule is broken.
    /// </summary>
    /// <remarks>
    /// <paramref name="planInForce"/> is the boundary's trial-contact plan in force, if any: a move to "Reconnecting" is refused
    /// without one, and while one is in force a return to no contact goes through <see cref="ReturnToNoContact"/>, which records why.
    /// </remarks>
    public BoundaryRevision? Revise(BoundaryDetails details, Guid authorId, DateTimeOffset now, TrialContactPlan? planInForce = null)
    {
        var snapshot = Check(details);
        var plan = planInForce is { InForce: true } p && p.BoundaryId == Id ? p : null;
        if (snapshot.ContactLevel == ContactLevel.Reconnecting && ContactLevel != ContactLevel.Reconnecting && plan is null)
            throw new DomainRuleException(ReconnectingNeedsPlan);
        if (snapshot.ContactLevel == ContactLevel.NoContact && ContactLevel != ContactLevel.NoContact && plan is not null)
            throw new DomainRuleException(ReturnThroughPlan);
        var before = Snapshot();
        if (!BoundaryComparison.Between(before, snapshot).HasChanges) return null;
        Apply(snapshot, now);
        return NewRevision(before, snapshot, authorId, now, null);
    }

    public const string ReconnectingNeedsPlan =
        "A boundary moves to 'Reconnecting' only with a trial-contact plan in force: write the plan first (channel, first meeting, "
        + "support person on standby, exit criteria).";

    public const string ReturnThroughPlan =
        "A trial-contact plan is in force: record the return to no contact from the plan, with the exit criterion that was met.";

    private const string StartsWithoutPlan =
        "A new boundary cannot start at 'Reconnecting': save it at its current level, write a trial-contact plan, then move it to reconnecting.";

    /// <summary>
    /// Ends the trial in force and moves the boundary back to no contact, keeping in the revision which exit criterion was met
    /// (or the other reason). Nothing changes when a rule is broken.
    /// </summary>
    public BoundaryRevision ReturnToNoContact(TrialContactPlan plan, TrialExit exit, Guid authorId, DateTimeOffset now)
    {
        if (plan.BoundaryId != Id || plan.ClientId != ClientId) throw new DomainRuleException("That trial-contact plan belongs to another boundary.");
        if (ContactLevel == ContactLevel.NoContact) throw new DomainRuleException("The boundary is already at no contact.");
        var before = Snapshot();
        var after = before with { ContactLevel = ContactLevel.NoContact };
        var note = plan.End(exit, now);
        Apply(after, now);
        return NewRevision(before, after, authorId, now, note);
    }

    public BoundarySnapshot Snapshot() => new(PersonName, Relationship, ContactLevel, DoorOpen, HowTold, Channels, Reasons, Conditions,
        Exceptions, StartDate, PlannedLength, ReviewDate, Preparation);

    /// <summary>The review date has passed (a review due today is not yet overdue).</summary>
    public bool IsReviewOverdue(DateOnly today) => ReviewDate is { } review && review < today;

    public IEnumerable<PlanItem> SharedReasons() => Reasons.Where(r => r.SharedWithClient);
    public IEnumerable<ConditionItem> SharedConditions() => Conditions.Where(c => c.SharedWithClient);

    private BoundaryRevision NewRevision(BoundarySnapshot? before, BoundarySnapshot after, Guid authorId, DateTimeOffset now, string? note)
    {
        RevisionNumber++;
        return new BoundaryRevision(this, RevisionNumber, authorId, now, before?.ContactLevel, after,
            BoundaryComparison.Between(before, after).Summary(), note);
    }

    private void Apply(BoundarySnapshot s, DateTimeOffset now)
    {
        (PersonName, Relationship, ContactLevel, DoorOpen, HowTold) = (s.PersonName, s.Relationship, s.ContactLevel, s.DoorOpen, s.HowTold);
        (Channels, Reasons, Conditions, Exceptions) = (s.Channels, s.Reasons, s.Conditions, s.Exceptions);
        (StartDate, PlannedLength, ReviewDate, Preparation) = (s.StartDate, s.PlannedLength, s.ReviewDate, s.Preparation);
        UpdatedAt = now;
    }

    /// <summary>Every rule, checked before anything is applied; returns the tidied plan.</summary>
    public static BoundarySnapshot Check(BoundaryDetails d)
    {
        var person = Guard.Required(d.PersonName, "Person or group", PersonMax);
        if (!Enum.IsDefined(d.Relationship)) throw new DomainRuleException("Choose the relationship.");
        if (!Enum.IsDefined(d.ContactLevel)) throw new DomainRuleException("Choose a contact level.");
        if (d.HowTold is { } told && !Enum.IsDefined(told)) throw new DomainRuleException("Choose how the person is told.");
        if (d.ContactLevel is ContactLevel.Reconnecting or ContactLevel.ContactResumed && !d.DoorOpen)
            throw new DomainRuleException(
                $"'{BoundaryLabels.Of(d.ContactLevel)}' means the door is open: tick 'door left open to reconnect' or choose another contact level.");

        var channels = CheckChannels(d.Channels);
        var reasons = CheckItems(d.Reasons, r => r.Text, (r, text) => new PlanItem(text, r.SharedWithClient), "reason", "Reasons");
        var conditions = CheckItems(d.Conditions, c => c.Text, (c, text) => ConditionItem.Check(c, text), "condition",
            "Conditions for reconsidering contact");
        var exceptions = Guard.Optional(d.Exceptions, "Exceptions", ExceptionsMax);
        var plannedLength = Guard.Optional(d.PlannedLength, "Planned length", PlannedLengthMax);
        if (d.StartDate is { } start && d.ReviewDate is { } review && review < start)
            throw new DomainRuleException("The review date cannot be before the start date.");
        var preparation = (d.Preparation ?? []).Distinct().Order().ToList();
        if (preparation.Any(p => !Enum.IsDefined(p))) throw new DomainRuleException("Unknown preparation checklist item.");

        return new BoundarySnapshot(person, d.Relationship, d.ContactLevel, d.DoorOpen, d.HowTold, channels, reasons, conditions,
            exceptions, d.StartDate, plannedLength, d.ReviewDate, preparation);
    }

    private static List<ChannelEntry> CheckChannels(IReadOnlyList<ChannelEntry>? entries)
    {
        var list = entries ?? [];
        foreach (var e in list)
        {
            if (!Enum.IsDefined(e.Channel)) throw new DomainRuleException("Unknown channel.");
            if (!Enum.IsDefined(e.Status)) throw new DomainRuleException($"Choose a valid status for '{BoundaryLabels.Of(e.Channel)}'.");
        }
        if (list.GroupBy(e => e.Channel).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new DomainRuleException($"Each channel can be listed only once: '{BoundaryLabels.Of(duplicate.Key)}' appears twice.");
        return list.OrderBy(e => e.Channel).ToList();
    }

    private static List<T> CheckItems<T>(IReadOnlyList<T>? items, Func<T, string?> textOf, Func<T, string, T> tidy, string singular, string label)
    {
        var kept = new List<T>();
        var texts = new List<string>();
        foreach (var item in items ?? [])
        {
            var text = Guard.Optional(textOf(item), $"Each {singular}", ItemMax);
            if (text is null) continue; // blank lines of the form are simply not items
            if (texts.Any(k => Same(k, text)))
                throw new DomainRuleException($"The same {singular} is listed twice: \"{Shorten(text)}\".");
            texts.Add(text);
            kept.Add(tidy(item, text));
        }
        if (kept.Count > ListMax)
            throw new DomainRuleException($"{label} can hold at most {ListMax} items; this list has {kept.Count}.");
        return kept;
    }

    /// <summary>Whether the reasons already hold this one, compared as the plan's duplicate check compares items.</summary>
    public bool HasReason(string text) => Reasons.Any(r => Same(r.Text, text));

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    internal static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
