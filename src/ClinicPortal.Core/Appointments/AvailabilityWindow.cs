using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Appointments;

/// <summary>
/// A weekly time a clinician offers for appointments (Tuesdays 09:00–12:00), in the clinic's time zone. Clients request
/// times inside these windows only; a booking still has to pass <see cref="Sessions.DoubleBooking"/> when it is approved.
/// </summary>
public sealed class AvailabilityWindow
{
    public Guid Id { get; private set; }
    public Guid ClinicianId { get; private set; }
    public DayOfWeek Day { get; private set; }
    public TimeOnly Opens { get; private set; }
    public TimeOnly Closes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private AvailabilityWindow() { }

    public static AvailabilityWindow Create(Guid clinicianId, DayOfWeek day, TimeOnly? from, TimeOnly? until, DateTimeOffset now)
    {
        if (!Enum.IsDefined(day)) throw new DomainRuleException("Choose a day of the week.");
        if (from is not { } start || until is not { } end) throw new DomainRuleException("Choose the start and the end of the available time.");
        if (end <= start) throw new DomainRuleException("The available time must end after it starts, on the same day.");
        return new AvailabilityWindow { Id = Guid.NewGuid(), ClinicianId = clinicianId, Day = day, Opens = start, Closes = end, CreatedAt = now };
    }

    /// <summary>Whether the whole appointment, in the clinic's time zone, falls inside this window.</summary>
    public bool Covers(DateTimeOffset startsAt, int minutes, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(startsAt, zone).DateTime;
        var end = local.AddMinutes(minutes);
        return local.DayOfWeek == Day && end.Date == local.Date
            && TimeOnly.FromDateTime(local) >= Opens && TimeOnly.FromDateTime(end) <= Closes;
    }
}
