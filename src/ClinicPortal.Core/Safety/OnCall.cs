using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Safety;

/// <summary>One day of the clinic's weekly on-call rota: the clinician on call that whole day (clinic time).</summary>
public sealed class OnCallDay
{
    public DayOfWeek Day { get; private set; }
    public Guid ClinicianId { get; private set; }

    private OnCallDay() { }

    public OnCallDay(DayOfWeek day, Guid clinicianId) => (Day, ClinicianId) = (day, clinicianId);
}

/// <summary>
/// Who an unacknowledged imminent alert goes to first (<see cref="Escalation"/>): the clinician on call at that moment when
/// the rota names an active one other than the client's own clinician, otherwise that clinician's backup; with neither, the
/// administrators.
/// </summary>
public static class OnCall
{
    /// <summary>The rota's day for a moment: the day of the week in the clinic's time zone.</summary>
    public static DayOfWeek DayAt(DateTimeOffset now, TimeZoneInfo zone) => ClinicTime.DayOf(now, zone).DayOfWeek;

    /// <param name="onCall">The active clinician on call now, if the rota names one.</param>
    /// <param name="backup">The client's clinician's usable backup, if any.</param>
    /// <returns>The first step's recipient, or null when the alert goes straight to the administrators.</returns>
    public static Guid? FirstStepRecipient(Guid clientsClinicianId, Guid? onCall, Guid? backup) =>
        onCall is { } on && on != clientsClinicianId ? on : backup;

    /// <summary>A rota names only active clinicians.</summary>
    public static void CheckRota(IReadOnlyDictionary<DayOfWeek, Guid> rota, IReadOnlySet<Guid> activeClinicians)
    {
        if (rota.Values.Any(id => !activeClinicians.Contains(id)))
            throw new DomainRuleException("Choose active clinicians for the rota (or nobody for a day).");
    }
}
