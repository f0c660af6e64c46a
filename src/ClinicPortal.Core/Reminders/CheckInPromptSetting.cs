using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Reminders;

/// <summary>A client's optional weekly check-in prompt, set by their clinician.</summary>
public sealed class CheckInPromptSetting : IClinicalRecord
{
    public Guid ClientId { get; private set; }
    public bool Enabled { get; private set; }
    public DayOfWeek Day { get; private set; }
    public TimeOnly Time { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private CheckInPromptSetting() { }

    public static CheckInPromptSetting For(Guid clientId) => new() { ClientId = clientId, Day = DayOfWeek.Sunday, Time = new TimeOnly(18, 0) };

    public void Set(bool enabled, DayOfWeek day, TimeOnly time, DateTimeOffset now)
    {
        if (!Enum.IsDefined(day)) throw new DomainRuleException("Choose a day of the week.");
        (Enabled, Day, Time, UpdatedAt) = (enabled, day, new TimeOnly(time.Hour, time.Minute), now);
    }

    public CheckInPromptSchedule? Schedule => Enabled ? new CheckInPromptSchedule(Day, Time) : null;
}
