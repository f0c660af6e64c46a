using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Safety;

/// <summary>
/// Something that threatens the client's safety after contact was cut (or their own risk), tracked with a
/// severity, a status, dated actions and a review date. Every change is kept as a <see cref="SafetyConcernChange"/>.
/// </summary>
public sealed class SafetyConcern : IClinicalRecord, IConcernReview
{
    public const int OtherTypeMax = 120, InvolvedMax = 200, DescriptionMax = 4000, ResolutionMax = 4000;

    private readonly List<SafetyConcernAction> _actions = [];
    private readonly List<SafetyConcernChange> _changes = [];

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public ConcernType Type { get; private set; }
    /// <summary>The clinician's name for the type when <see cref="Type"/> is Other.</summary>
    public string? OtherType { get; private set; }
    public ConcernSeverity Severity { get; private set; }
    public ConcernStatus Status { get; private set; }
    public DateOnly FirstNoticed { get; private set; }
    public DateOnly? LastOccurrence { get; private set; }
    /// <summary>Who is involved, in the clinician's words (e.g. "ex-partner", "a mutual friend").</summary>
    public string? InvolvedPerson { get; private set; }
    /// <summary>Optional link to a support-network entry (that feature owns the table).</summary>
    public Guid? SupportPersonId { get; private set; }
    /// <summary>Optional link to a boundary of the client's plan (that feature owns the table).</summary>
    public Guid? BoundaryId { get; private set; }
    public string Description { get; private set; } = "";
    public DateOnly? NextReviewDate { get; private set; }
    public string? ResolutionNote { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public Guid? ResolvedById { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<SafetyConcernAction> Actions => _actions;
    public IReadOnlyList<SafetyConcernChange> Changes => _changes;

    private SafetyConcern() { }

    public static SafetyConcern Record(Guid clientId, SafetyConcernDetails details, Guid byId, DateOnly today, DateTimeOffset now)
    {
        var state = Validate(details, today, previous: null);
        var concern = new SafetyConcern { Id = Guid.NewGuid(), ClientId = clientId, CreatedById = byId, CreatedAt = now };
        concern.Apply(state, byId, now);
        concern._changes.Add(new SafetyConcernChange(concern.Id, clientId, byId, now, ConcernChanges.Created(state)));
        return concern;
    }

    public bool IsOpen => Status != ConcernStatus.Resolved;

    public ConcernState State => new(Type, OtherType, Severity, Status, FirstNoticed, LastOccurrence, InvolvedPerson,
        SupportPersonId, BoundaryId, Description, NextReviewDate, ResolutionNote);

    /// <summary>Applies the new details; returns the recorded change, or null when nothing changed.</summary>
    public SafetyConcernChange? Update(SafetyConcernDetails details, Guid byId, DateOnly today, DateTimeOffset now)
    {
        var before = State;
        var after = Validate(details, today, before);
        var lines = ConcernChanges.Describe(before, after);
        if (lines.Count == 0) return null;
        Apply(after, byId, now);
        var change = new SafetyConcernChange(Id, ClientId, byId, now, lines,
            before.Description != after.Description ? before.Description : null,
            before.ResolutionNote != after.ResolutionNote ? before.ResolutionNote : null);
        _changes.Add(change);
        return change;
    }

    public (SafetyConcernAction Action, SafetyConcernChange Change) AddAction(ConcernActionKind? kind, DateOnly? takenOn, string? note, Guid byId, DateOnly today, DateTimeOffset now)
    {
        if (kind is not { } k || !Enum.IsDefined(k)) throw new DomainRuleException("Choose which action was taken.");
        if (takenOn is not { } date) throw new DomainRuleException("Enter the date the action was taken.");
        if (date > today) throw new DomainRuleException("The action date cannot be in the future.");
        if (date < FirstNoticed.AddYears(-1)) throw new DomainRuleException("The action date is more than a year before the concern was first noticed.");
        var text = Guard.Optional(note, "Action note", SafetyConcernAction.NoteMax);
        if (k == ConcernActionKind.Other && text is null) throw new DomainRuleException("Describe the action taken (required for \u201cOther\u201d).");
        var action = new SafetyConcernAction(Id, ClientId, k, date, text, byId, now);
        var change = new SafetyConcernChange(Id, ClientId, byId, now, ConcernChanges.ActionAdded(k, date));
        _actions.Add(action);
        _changes.Add(change);
        UpdatedAt = now;
        return (action, change);
    }

    /// <summary>An alert about this concern was acknowledged: what was done goes into the concern's history.</summary>
    public SafetyConcernChange RecordAlertResponse(ClinicianAlert alert)
    {
        if (alert.ConcernId != Id || alert.Response is not { } response || alert.AcknowledgedById is not { } byId || alert.AcknowledgedAt is not { } at)
            throw new InvalidOperationException("Only an acknowledged alert about this concern has a response to record.");
        var change = new SafetyConcernChange(Id, ClientId, byId, at, ConcernChanges.AlertAcknowledged(alert.Kind, response, alert.ResponseNote));
        _changes.Add(change);
        return change;
    }

    private void Apply(ConcernState s, Guid byId, DateTimeOffset now)
    {
        if (s.Status != ConcernStatus.Resolved) (ResolvedAt, ResolvedById) = (null, null);
        else if (Status != ConcernStatus.Resolved || ResolvedAt is null) (ResolvedAt, ResolvedById) = (now, byId);
        (Type, OtherType, Severity, Status) = (s.Type, s.OtherType, s.Severity, s.Status);
        (FirstNoticed, LastOccurrence, InvolvedPerson, SupportPersonId, BoundaryId) = (s.FirstNoticed, s.LastOccurrence, s.InvolvedPerson, s.SupportPersonId, s.BoundaryId);
        (Description, NextReviewDate, ResolutionNote) = (s.Description, s.NextReviewDate, s.ResolutionNote);
        UpdatedAt = now;
    }

    /// <summary>Checks every rule before anything changes, so a refused update leaves the concern as it was.</summary>
    private static ConcernState Validate(SafetyConcernDetails d, DateOnly today, ConcernState? previous)
    {
        if (d.Type is not { } type || !Enum.IsDefined(type)) throw new DomainRuleException("Choose the type of concern.");
        if (d.Severity is not { } severity || !Enum.IsDefined(severity)) throw new DomainRuleException("Choose a severity: low, moderate, high or imminent.");
        if (d.Status is not { } status || !Enum.IsDefined(status)) throw new DomainRuleException("Choose a status: open, monitoring or resolved.");
        var otherType = type == ConcernType.Other ? Guard.Optional(d.OtherType, "Other type", OtherTypeMax) : null;
        if (type == ConcernType.Other && otherType is null) throw new DomainRuleException("Describe the type of concern (required for \u201cOther\u201d).");
        var description = Guard.Required(d.Description, "Description", DescriptionMax);
        var involved = Guard.Optional(d.InvolvedPerson, "Who is involved", InvolvedMax);
        var resolution = Guard.Optional(d.ResolutionNote, "Resolution note", ResolutionMax);

        if (d.FirstNoticed is not { } first) throw new DomainRuleException("Enter the date the concern was first noticed.");
        if (first > today) throw new DomainRuleException("The first-noticed date cannot be in the future.");
        if (d.LastOccurrence is { } last && last > today) throw new DomainRuleException("The last occurrence cannot be in the future.");
        if (d.LastOccurrence is { } l && l < first) throw new DomainRuleException("The last occurrence cannot be before the concern was first noticed.");

        if (status == ConcernStatus.Resolved && resolution is null)
            throw new DomainRuleException("Write a resolution note to resolve the concern.");
        var review = status == ConcernStatus.Resolved ? null : d.NextReviewDate;
        // An overdue date already on file may stay while other details are edited; a newly chosen one may not be past.
        if (review is { } r && r < today && (r != previous?.NextReviewDate || status != previous.Status))
            throw new DomainRuleException("The next review date is in the past. Choose today or a later date.");

        return new ConcernState(type, otherType, severity, status, first, d.LastOccurrence, involved,
            d.SupportPersonId, d.BoundaryId, description, review, resolution);
    }
}
