using System.Text.RegularExpressions;
using ClinicPortal.Core.Email;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Core.Reminders;

public sealed record PlannedReminder(string Key, DateTimeOffset DueAt, int LeadMinutes);

/// <summary>The state a message goes to after a failed attempt, when it is tried next (if ever), and the reason to record.</summary>
public sealed record RetryDecision(OutboxStatus Status, DateTimeOffset? NextAttemptAt, string Reason);

/// <summary>Which reminders a session gets, and when retries happen. Pure rules, unit-tested.</summary>
public static partial class ReminderPlan
{
    public static readonly IReadOnlyList<int> DefaultLeadMinutes = [24 * 60, 2 * 60];

    /// <summary>
    /// One reminder per lead time that is still ahead of <paramref name="now"/>. The key includes the
    /// start time, so a rescheduled session gets fresh reminders while a repeated plan adds nothing.
    /// </summary>
    public static IReadOnlyList<PlannedReminder> ForSession(TherapySession session, IEnumerable<int> leadMinutes, DateTimeOffset now) =>
        session.Status != SessionStatus.Scheduled ? [] :
        leadMinutes.Where(m => m > 0).Distinct().OrderByDescending(m => m)
            .Select(m => new PlannedReminder(SessionKey(session.Id, session.StartsAt, m), session.StartsAt.AddMinutes(-m), m))
            .Where(r => r.DueAt > now)
            .ToList();

    public static string SessionKey(Guid sessionId, DateTimeOffset startsAt, int leadMinutes) =>
        $"session:{sessionId:N}:{startsAt.UtcDateTime:yyyyMMddHHmm}:{leadMinutes}";

    public static string PromptKey(Guid clientId, DateOnly localDate) => $"prompt:{clientId:N}:{localDate:yyyyMMdd}";

    /// <summary>Exponential backoff: 1, 2, 4, 8 ... times the base, capped at one hour.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan baseDelay) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, baseDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));

    /// <summary>
    /// What happens to a message after a failed attempt: a transient failure is retried after the backoff
    /// until <paramref name="maxAttempts"/> is reached, a permanent one fails at once.
    /// </summary>
    public static RetryDecision AfterFailure(DeliveryFailure failure, int attempts, int maxAttempts, TimeSpan baseDelay, DateTimeOffset now, string reason) =>
        failure == DeliveryFailure.Permanent ? new(OutboxStatus.Failed, null, reason)
        : attempts >= maxAttempts ? new(OutboxStatus.Failed, null, $"Gave up after {attempts} attempts. {reason}")
        : new(OutboxStatus.Pending, now + Backoff(attempts, baseDelay), reason);

    /// <summary>Every address in a text (an SMTP server's reply, say) masked with <see cref="MaskEmail"/>.</summary>
    public static string MaskEmailsIn(string text) => EmailLike().Replace(text, m => MaskEmail(m.Value));

    [GeneratedRegex(@"[^\s<>()\[\]:;,""']+@[^\s<>()\[\]:;,""']+")]
    private static partial Regex EmailLike();

    /// <summary>"j***@example.org": enough for an administrator to recognise, not to read.</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@')) return "(no email)";
        var at = email.IndexOf('@');
        return $"{email[0]}***{email[at..]}";
    }
}

/// <summary>A weekly "time for your check-in" prompt, in the client's own time zone.</summary>
public sealed record CheckInPromptSchedule(DayOfWeek Day, TimeOnly Time)
{
    /// <summary>The first prompt time strictly after <paramref name="after"/>, as a UTC instant.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var i = 0; i < 8; i++)
        {
            var day = date.AddDays(i);
            if (day.DayOfWeek != Day) continue;
            var candidate = day.ToDateTime(Time);
            if (zone.IsInvalidTime(candidate)) candidate = candidate.AddHours(1); // a spring-forward gap
            var instant = new DateTimeOffset(candidate, zone.GetUtcOffset(candidate));
            if (instant > after) return instant.ToUniversalTime();
        }
        throw new InvalidOperationException("unreachable: a weekday recurs within 8 days");
    }
}
