using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Sessions;

public enum SessionModality { InPerson = 0, Video = 1, Phone = 2 }

public enum SessionStatus { Scheduled = 0, Completed = 1, Cancelled = 2, NoShow = 3 }

/// <summary>
/// An appointment between a client and their clinician. Times are stored in UTC; pages show them in
/// the clinic's time zone. The client may see their own sessions, so it is client-visible.
/// </summary>
public sealed class TherapySession : IClientVisibleRecord
{
    public const int MinMinutes = 10, MaxMinutes = 480, LocationMax = 300;

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ClinicianId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public int DurationMinutes { get; private set; }
    public SessionModality Modality { get; private set; }
    public string? Location { get; private set; }
    /// <summary>A video session's https link (<see cref="Sessions.VideoLink"/>), shown to the client shortly before the start.</summary>
    public string? VideoLink { get; private set; }
    public SessionStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private TherapySession() { }

    public static TherapySession Schedule(Guid clientId, Guid clinicianId, DateTimeOffset startsAt, int durationMinutes,
        SessionModality modality, string? location, DateTimeOffset now, string? videoLink = null)
    {
        var session = new TherapySession { Id = Guid.NewGuid(), ClientId = clientId, ClinicianId = clinicianId, Status = SessionStatus.Scheduled, CreatedAt = now };
        session.Apply(startsAt, durationMinutes, modality, location, videoLink, now);
        return session;
    }

    public void Reschedule(DateTimeOffset startsAt, int durationMinutes, SessionModality modality, string? location, DateTimeOffset now, string? videoLink = null)
    {
        if (Status != SessionStatus.Scheduled)
            throw new DomainRuleException("Only a scheduled session can be changed.");
        Apply(startsAt, durationMinutes, modality, location, videoLink, now);
    }

    public void Cancel(DateTimeOffset now) => Move(SessionStatus.Cancelled, now);

    public void MarkCompleted(DateTimeOffset now)
    {
        if (StartsAt > now) throw new DomainRuleException("A session can be marked completed once it has started.");
        Move(SessionStatus.Completed, now);
    }

    public void MarkNoShow(DateTimeOffset now)
    {
        if (StartsAt > now) throw new DomainRuleException("A session can be marked as a no-show once its start time has passed.");
        Move(SessionStatus.NoShow, now);
    }


    private void Move(SessionStatus to, DateTimeOffset now)
    {
        if (Status != SessionStatus.Scheduled)
            throw new DomainRuleException($"This session is already {Describe(Status)}.");
        Status = to;
        UpdatedAt = now;
    }

    private void Apply(DateTimeOffset startsAt, int durationMinutes, SessionModality modality, string? location, string? videoLink, DateTimeOffset now)
    {
        if (!Enum.IsDefined(modality)) throw new DomainRuleException("Choose in person, video or phone.");
        if (durationMinutes is < MinMinutes or > MaxMinutes)
            throw new DomainRuleException($"Duration must be between {MinMinutes} and {MaxMinutes} minutes.");
        if (startsAt < now.AddYears(-2) || startsAt > now.AddYears(2))
            throw new DomainRuleException("The start time must be within two years of today.");
        StartsAt = startsAt.ToUniversalTime();
        DurationMinutes = durationMinutes;
        EndsAt = StartsAt.AddMinutes(durationMinutes);
        Modality = modality;
        Location = Guard.Optional(location, "Location or video link", LocationMax);
        VideoLink = Sessions.VideoLink.Parse(videoLink, modality);
        UpdatedAt = now;
    }

    public static string Describe(SessionStatus status) => status switch
    {
        SessionStatus.Scheduled => "scheduled",
        SessionStatus.Completed => "completed",
        SessionStatus.Cancelled => "cancelled",
        _ => "marked as a no-show",
    };

    public static string Describe(SessionModality modality) => modality switch
    {
        SessionModality.InPerson => "In person",
        SessionModality.Video => "Video",
        _ => "Phone",
    };
}
