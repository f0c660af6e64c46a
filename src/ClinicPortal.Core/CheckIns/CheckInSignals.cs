using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.CheckIns;

/// <summary>The clinic's two check-in settings: when an urge is high enough to flag, and how long a silence is.</summary>
public sealed record CheckInRules(int UrgeThreshold, int NoCheckInDays)
{
    public const int DefaultUrgeThreshold = 7, DefaultNoCheckInDays = 7, MaxNoCheckInDays = 90;

    public static readonly CheckInRules Default = new(DefaultUrgeThreshold, DefaultNoCheckInDays);

    /// <summary>For the clinic settings screen: a threshold from 1 to 10 and a silence of 1 to 90 days.</summary>
    public static CheckInRules Create(int urgeThreshold, int noCheckInDays)
    {
        if (urgeThreshold is < 1 or > CheckIn.ScaleMax)
            throw new DomainRuleException($"The urge threshold must be from 1 to {CheckIn.ScaleMax}.");
        if (noCheckInDays is < 1 or > MaxNoCheckInDays)
            throw new DomainRuleException($"Days without a check-in must be from 1 to {MaxNoCheckInDays}.");
        return new CheckInRules(urgeThreshold, noCheckInDays);
    }
}

/// <summary>
/// What the caseload knows about one client's check-ins, read in the caseload's single query.
/// Urges are the three most recent check-ins', newest first.
/// </summary>
public sealed record CheckInFacts(
    DateTimeOffset? LastCheckInAt,
    int? LatestUrge,
    int? PreviousUrge,
    int? EarlierUrge,
    DateTimeOffset? LastSetbackAt,
    DateTimeOffset? LastContactAttemptAt,
    DateTimeOffset? LastSessionAt,
    DateTimeOffset? SignInSince,
    bool ExpectedToCheckIn)
{
    public static readonly CheckInFacts None = new(null, null, null, null, null, null, null, null, false);
}

/// <summary>The signals a clinician sees for a client. <see cref="QuietDays"/> is set only when the silence is long enough to flag.</summary>
public sealed record CheckInSignalSet(bool RisingUrge, int? LatestUrge, bool UrgeAtThreshold, bool Setback, bool ContactAttempt, int? QuietDays)
{
    public static readonly CheckInSignalSet None = new(false, null, false, false, false, null);

    public bool Any => RisingUrge || Setback || ContactAttempt || QuietDays is not null;
}

/// <summary>
/// The caseload's check-in signals:
/// <list type="bullet">
/// <item>rising urge: the latest urge is at or above the clinic's threshold, or the last three check-ins trend up
/// (each at least as high as the one before, and the latest higher than the earliest);</item>
/// <item>a setback, and a contact attempt, reported since the client's last held session (or ever, before the first one);</item>
/// <item>no check-in for the clinic's number of days, counted from the last check-in or, before the first one, from
/// when the client got their sign-in; only for active clients who have one.</item>
/// </list>
/// </summary>
public static class CheckInSignals
{
    public static bool UrgeTrendingUp(int? latest, int? previous, int? earlier) =>
        latest is { } c && previous is { } b && earlier is { } a && a <= b && b <= c && c > a;

    public static bool UrgeAtThreshold(int? latest, int threshold) => latest is { } u && u >= threshold;

    public static bool SinceLastSession(DateTimeOffset? reportedAt, DateTimeOffset? lastSessionAt) =>
        reportedAt is { } at && (lastSessionAt is not { } session || at > session);

    public static int? QuietDays(DateTimeOffset? lastCheckInAt, DateTimeOffset? signInSince, bool expected, DateTimeOffset now, int days)
    {
        if (!expected || (lastCheckInAt ?? signInSince) is not { } from) return null;
        var quiet = (int)Math.Floor((now - from).TotalDays);
        return quiet >= days ? quiet : null;
    }

    public static CheckInSignalSet Evaluate(CheckInFacts f, CheckInRules rules, DateTimeOffset now)
    {
        var high = UrgeAtThreshold(f.LatestUrge, rules.UrgeThreshold);
        return new CheckInSignalSet(
            high || UrgeTrendingUp(f.LatestUrge, f.PreviousUrge, f.EarlierUrge),
            f.LatestUrge,
            high,
            SinceLastSession(f.LastSetbackAt, f.LastSessionAt),
            SinceLastSession(f.LastContactAttemptAt, f.LastSessionAt),
            QuietDays(f.LastCheckInAt, f.SignInSince, f.ExpectedToCheckIn, now, rules.NoCheckInDays));
    }
}

/// <summary>
/// "I feel unsafe" raises an imminent alert (and an email) for the clinician. Pressing it again while an
/// unacknowledged one from the last <see cref="Window"/> is open shows the numbers but raises nothing new,
/// so a distressed client tapping repeatedly does not flood the clinician's inbox. After the window a new
/// press alerts again (the situation may have changed); once the clinician acknowledges, the next press alerts at once.
/// </summary>
public static class UnsafeAlertRule
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    public static bool ShouldRaise(DateTimeOffset? latestOpenRaisedAt, DateTimeOffset now) =>
        latestOpenRaisedAt is not { } at || now - at >= Window;
}
