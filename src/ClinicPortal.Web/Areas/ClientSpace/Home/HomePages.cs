using ClinicPortal.Infrastructure.ContactSafety;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Web.Areas.ClientSpace.SharedPlan;

namespace ClinicPortal.Web.Areas.ClientSpace.Home;

/// <param name="VideoLink">Only from shortly before the start until the end (<see cref="Core.Sessions.VideoLink"/>); null otherwise.</param>
public sealed record UpcomingSession(DateTimeOffset StartsAt, int DurationMinutes, SessionModality Modality, string? VideoLink = null);

/// <summary>A recent check-in on the home page: when, the two numbers, and whether it can still be changed.</summary>
public sealed record RecentCheckIn(Guid Id, DateTimeOffset CreatedAt, int Mood, int Urge, bool Editable);

/// <param name="Held">What was not emailed to the client because contact was not safe, shown here instead.</param>
/// <param name="UnreadMessages">Messages from the clinician the client has not opened yet.</param>
/// <param name="MeasuresWaiting">Questionnaires given to the client and not sent back yet.</param>
public sealed record ClientHomePage(
    IReadOnlyList<UpcomingSession> Sessions, TimeZoneInfo Zone, IReadOnlyList<RecentCheckIn> RecentCheckIns,
    SharedPlan.SharedPlan Plan, bool HasSafetyPlan, IReadOnlyList<HeldNotice> Held, int UnreadMessages = 0,
    ClientTasks.PlanAndTasksCard? Tasks = null, int MeasuresWaiting = 0)
{
    /// <summary>Days until the client's next hard date, when it is a few days away (<see cref="Core.HardDates.HardDate.PromptDays"/>).</summary>
    public int? HardDayIn { get; init; }
}
