using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Core.Appointments;

public enum RequestKind { NewTime = 0, Move = 1, Cancel = 2 }

public enum RequestStatus { Pending = 0, Approved = 1, Declined = 2 }

/// <summary>
/// A client's request for a time from their clinician's published availability, or to move or cancel one of their
/// sessions, decided by the clinician. The clinic's notice rule (<see cref="RequestRules.NoticeHours"/>) applies to the
/// requested time and to the session being moved or cancelled. Client-visible: the client sees their own requests.
/// </summary>
public sealed class AppointmentRequest : IClientVisibleRecord
{
    public const int ReasonMax = 500;

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ClinicianId { get; private set; }
    public RequestKind Kind { get; private set; }
    /// <summary>The session to move or cancel; the new session once a new-time request is approved.</summary>
    public Guid? SessionId { get; private set; }
    /// <summary>The requested time (new time and move); null for a cancellation.</summary>
    public DateTimeOffset? StartsAt { get; private set; }
    public int DurationMinutes { get; private set; }
    public RequestStatus Status { get; private set; }
    /// <summary>The clinician's reason when declining, shown to the client.</summary>
    public string? DeclineReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedById { get; private set; }

    private AppointmentRequest() { }

    public static AppointmentRequest ForNewTime(Guid clientId, Guid clinicianId, DateTimeOffset startsAt, IReadOnlyList<AvailabilityWindow> availability,
        RequestRules rules, DateTimeOffset now)
    {
        rules.RefuseTime(startsAt, availability, now);
        return New(clientId, clinicianId, RequestKind.NewTime, null, startsAt, rules.DurationMinutes, now);
    }

    public static AppointmentRequest ToMove(TherapySession session, DateTimeOffset startsAt, IReadOnlyList<AvailabilityWindow> availability,
        RequestRules rules, DateTimeOffset now)
    {
        rules.RefuseChange(session, now);
        rules.RefuseTime(startsAt, availability, now);
        return New(session.ClientId, session.ClinicianId, RequestKind.Move, session.Id, startsAt, session.DurationMinutes, now);
    }

    public static AppointmentRequest ToCancel(TherapySession session, RequestRules rules, DateTimeOffset now)
    {
        rules.RefuseChange(session, now);
        return New(session.ClientId, session.ClinicianId, RequestKind.Cancel, session.Id, null, session.DurationMinutes, now);
    }

    public const string TimePassedMessage = "The time asked for has passed, so the request cannot be approved. Decline it with a reason.";

    /// <summary>
    /// Approval, while the time asked for is still ahead; the caller creates, moves or cancels the session (and its
    /// reminders) in the same unit of work.
    /// </summary>
    public void Approve(Guid clinicianId, Guid? sessionId, DateTimeOffset now)
    {
        EnsurePending();
        if (StartsAt <= now) throw new DomainRuleException(TimePassedMessage);
        (Status, DecidedById, DecidedAt, SessionId) = (RequestStatus.Approved, clinicianId, now, sessionId ?? SessionId);
    }

    public void Decline(Guid clinicianId, string? reason, DateTimeOffset now)
    {
        EnsurePending();
        DeclineReason = Guard.Required(reason, "A reason for the client", ReasonMax);
        (Status, DecidedById, DecidedAt) = (RequestStatus.Declined, clinicianId, now);
    }

    private void EnsurePending()
    {
        if (Status != RequestStatus.Pending) throw new DomainRuleException("This request has already been answered.");
    }

    private static AppointmentRequest New(Guid clientId, Guid clinicianId, RequestKind kind, Guid? sessionId, DateTimeOffset? startsAt, int minutes,
        DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), ClientId = clientId, ClinicianId = clinicianId, Kind = kind, SessionId = sessionId,
        StartsAt = startsAt?.ToUniversalTime(), DurationMinutes = minutes, Status = RequestStatus.Pending, CreatedAt = now,
    };
}

/// <summary>The clinic's rules for requests: the notice period (a setting, default 24 hours) and the length of a requested session.</summary>
public sealed record RequestRules(int NoticeHours, int DurationMinutes, TimeZoneInfo Zone)
{
    public const int DefaultNoticeHours = 24, DefaultDurationMinutes = 50;

    public const string OutsideAvailability = "That time is not one your clinician offers. Choose a time from the list.";

    public string InsideNotice => $"Requests need at least {NoticeHours} hours' notice. For anything sooner, send your clinician a message or call the clinic.";

    /// <summary>A requested time: far enough ahead, and wholly inside one of the clinician's weekly windows.</summary>
    public void RefuseTime(DateTimeOffset startsAt, IReadOnlyList<AvailabilityWindow> availability, DateTimeOffset now)
    {
        if (startsAt < now.AddHours(NoticeHours)) throw new DomainRuleException(InsideNotice);
        if (!availability.Any(w => w.Covers(startsAt, DurationMinutes, Zone))) throw new DomainRuleException(OutsideAvailability);
    }

    /// <summary>
    /// The times a client is offered: every <paramref name="stepMinutes"/> inside the weekly windows over the next
    /// <paramref name="days"/> days, past the notice period, each long enough for a whole session. Clinic time.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Offered(IReadOnlyList<AvailabilityWindow> availability, DateTimeOffset now, int days = 21, int stepMinutes = 30)
    {
        var earliest = now.AddHours(NoticeHours);
        var today = TimeZoneInfo.ConvertTime(now, Zone).Date;
        var times = new List<DateTimeOffset>();
        for (var d = 0; d <= days; d++)
        {
            var date = today.AddDays(d);
            foreach (var w in availability.Where(w => w.Day == date.DayOfWeek).OrderBy(w => w.Opens))
                for (var t = date + w.Opens.ToTimeSpan(); t.AddMinutes(DurationMinutes) <= date + w.Closes.ToTimeSpan(); t = t.AddMinutes(stepMinutes))
                {
                    if (Zone.IsInvalidTime(t)) continue; // a clock change skips it
                    var at = new DateTimeOffset(t, Zone.GetUtcOffset(t)).ToUniversalTime();
                    if (at >= earliest && !times.Contains(at)) times.Add(at);
                }
        }
        return times.Order().ToList();
    }

    /// <summary>A session to move or cancel: still scheduled, and not inside the notice period.</summary>
    public void RefuseChange(TherapySession session, DateTimeOffset now)
    {
        if (session.Status != SessionStatus.Scheduled) throw new DomainRuleException("Only a booked session can be moved or cancelled.");
        if (session.StartsAt < now.AddHours(NoticeHours)) throw new DomainRuleException(InsideNotice);
    }
}
