using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Safety;

/// <summary>
/// Something the client's clinician must look at. It stays on their alert list (and imminent ones at the
/// top of their caseload) until they acknowledge it. It names the kind of event, never its content.
/// </summary>
public sealed class ClinicianAlert : IClinicalRecord
{
    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public AlertKind Kind { get; private set; }
    public ConcernSeverity Severity { get; private set; }
    /// <summary>The concern it is about, for concern and review alerts.</summary>
    public Guid? ConcernId { get; private set; }
    /// <summary>For overdue reviews: the review date that passed (one alert per concern per date).</summary>
    public DateOnly? ReviewDate { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public Guid? AcknowledgedById { get; private set; }
    /// <summary>What was done, recorded with the acknowledgement.</summary>
    public AlertResponse? Response { get; private set; }
    public string? ResponseNote { get; private set; }

    /// <summary>How far it has been passed on while unacknowledged, and when the last step was taken.</summary>
    public EscalationLevel EscalationLevel { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }

    public const int ResponseNoteMax = 1000;
    public const string ChooseResponse = "Choose what was done: called the client, called with no answer, emergency services contacted, safety plan reviewed, or other (with a note).";

    private ClinicianAlert() { }

    public static ClinicianAlert Raise(Guid clientId, AlertKind kind, ConcernSeverity severity, DateTimeOffset now, Guid? concernId = null, DateOnly? reviewDate = null)
    {
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("Unknown alert kind.");
        if (!Enum.IsDefined(severity)) throw new DomainRuleException("Choose a severity: low, moderate, high or imminent.");
        if (kind is AlertKind.ConcernRaised or AlertKind.ReviewOverdue && concernId is null)
            throw new DomainRuleException("A concern alert must name its concern.");
        if (kind == AlertKind.ReviewOverdue && reviewDate is null)
            throw new DomainRuleException("An overdue-review alert must name the review date.");
        return new ClinicianAlert
        {
            Id = Guid.NewGuid(), ClientId = clientId, Kind = kind, Severity = severity, ConcernId = concernId,
            ReviewDate = kind == AlertKind.ReviewOverdue ? reviewDate : null, RaisedAt = now,
        };
    }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    /// <summary>Records an escalation step taken now (see <see cref="Escalation.DueStep"/>).</summary>
    public void Escalate(EscalationLevel to, DateTimeOffset now)
    {
        if (IsAcknowledged || to <= EscalationLevel) throw new InvalidOperationException("An escalation only moves an open alert up.");
        (EscalationLevel, EscalatedAt) = (to, now);
    }

    /// <summary>Closes the alert with what was done about it; "other" needs a note saying what.</summary>
    public void Acknowledge(Guid userId, DateTimeOffset now, AlertResponse? response, string? note)
    {
        if (IsAcknowledged) throw new DomainRuleException("This alert was already acknowledged.");
        if (response is not { } r || !Enum.IsDefined(r)) throw new DomainRuleException(ChooseResponse);
        var text = Guard.Optional(note, "The note", ResponseNoteMax);
        if (r == AlertResponse.Other && text is null) throw new DomainRuleException("Say what was done in the note (required for \u201cOther\u201d).");
        (AcknowledgedAt, AcknowledgedById, Response, ResponseNote) = (now, userId, r, text);
    }
}
