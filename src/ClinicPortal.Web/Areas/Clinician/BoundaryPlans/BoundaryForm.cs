using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Common;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.BoundaryPlans;

/// <summary>
/// The boundary form. Lists are indexed rows (Reasons[0].Text, Reasons[0].Shared…) so it works without
/// scripts; blank rows are ignored. The rules live in <see cref="Boundary"/>.
/// </summary>
public sealed class BoundaryForm : IVersionedForm
{
    public uint Version { get; set; }

    public const int BlankRows = 3;

    public string? PersonName { get; set; }
    public RelationshipType? Relationship { get; set; }
    public ContactLevel? ContactLevel { get; set; }
    public bool DoorOpen { get; set; }
    public HowTold? HowTold { get; set; }
    public List<ChannelRow> Channels { get; set; } = [];
    public List<ItemRow> Reasons { get; set; } = [];
    [BindingMessage("Each condition needs a status (not yet, partly or met) and, if given, a date such as 2026-11-30.")]
    public List<ConditionRow> Conditions { get; set; } = [];
    public string? Exceptions { get; set; }
    public DateOnly? StartDate { get; set; }
    public string? PlannedLength { get; set; }
    public DateOnly? ReviewDate { get; set; }
    public List<PreparationItem> Preparation { get; set; } = [];

    /// <summary>The plan as entered; a condition given a status without a date is dated <paramref name="today"/>.</summary>
    public BoundaryDetails ToDetails(DateOnly today) => new(
        PersonName,
        Relationship ?? throw new DomainRuleException("Choose the relationship."),
        ContactLevel ?? throw new DomainRuleException("Choose a contact level."),
        DoorOpen, HowTold,
        Channels.Where(c => c.Status is not null).Select(c => new ChannelEntry(c.Channel, c.Status!.Value)).ToList(),
        Reasons.Select(r => new PlanItem(r.Text ?? "", r.Shared)).ToList(),
        Conditions.Select(c => c.ToItem(today)).ToList(),
        Exceptions, StartDate, PlannedLength, ReviewDate, Preparation);

    public static BoundaryForm From(Boundary b) => new()
    {
        PersonName = b.PersonName, Relationship = b.Relationship, ContactLevel = b.ContactLevel, DoorOpen = b.DoorOpen, HowTold = b.HowTold,
        Channels = b.Channels.Select(c => new ChannelRow { Channel = c.Channel, Status = c.Status }).ToList(),
        Reasons = b.Reasons.Select(r => new ItemRow { Text = r.Text, Shared = r.SharedWithClient }).ToList(),
        Conditions = b.Conditions.Select(ConditionRow.From).ToList(),
        Exceptions = b.Exceptions, StartDate = b.StartDate, PlannedLength = b.PlannedLength, ReviewDate = b.ReviewDate,
        Preparation = b.Preparation.ToList(),
    };

    /// <summary>Ready to render: one row per channel in checklist order, and a few blank list rows to add items.</summary>
    public BoundaryForm ForDisplay()
    {
        foreach (var channel in Enum.GetValues<BoundaryChannel>().Where(ch => Channels.All(c => c.Channel != ch)))
            Channels.Add(new ChannelRow { Channel = channel });
        Channels = Channels.OrderBy(c => c.Channel).ToList();
        Reasons = Padded(Reasons);
        Conditions = Padded(Conditions);
        return this;
    }

    private static List<T> Padded<T>(List<T> rows) where T : ItemRow, new()
    {
        var kept = rows.Where(r => !string.IsNullOrWhiteSpace(r.Text)).ToList();
        // At least five rows to start with, a few spare ones later, never more rows than the list may hold.
        var blanks = Math.Max(0, Math.Min(Boundary.ListMax - kept.Count, Math.Max(BlankRows, 5 - kept.Count)));
        return kept.Concat(Enumerable.Range(0, blanks).Select(_ => new T())).ToList();
    }
}

public sealed class ChannelRow
{
    public BoundaryChannel Channel { get; set; }
    /// <summary>Null: not part of the plan yet.</summary>
    public ChannelStatus? Status { get; set; }
}

public class ItemRow
{
    public string? Text { get; set; }
    public bool Shared { get; set; }
}

/// <summary>A condition row: its words and sharing, and how far it is met.</summary>
public sealed class ConditionRow : ItemRow
{
    public ConditionStatus Status { get; set; }
    public DateOnly? Date { get; set; }
    public string? Evidence { get; set; }

    public ConditionItem ToItem(DateOnly today) =>
        new(Text ?? "", Shared, Status, Date ?? (Status == ConditionStatus.NotYet ? null : today), Evidence);

    public static ConditionRow From(ConditionItem c) =>
        new() { Text = c.Text, Shared = c.SharedWithClient, Status = c.Status, Date = c.StatusDate, Evidence = c.Evidence };
}
