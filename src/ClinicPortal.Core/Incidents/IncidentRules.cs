using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Incidents;

/// <summary>
/// The rules an incident entry keeps to stand up as evidence: a short window for corrections (afterwards only addenda),
/// a time that is not in the future, limits on every field, and at most one person named.
/// </summary>
public static class IncidentRules
{
    /// <summary>How long after it was written an entry can still be corrected; afterwards corrections are addenda.</summary>
    public static readonly TimeSpan CorrectionWindow = TimeSpan.FromMinutes(30);

    /// <summary>How far ahead of the server's clock "when it happened" may be (a phone's clock runs a little fast).</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(2);

    public const int AccountMax = 4000;
    public const int PlaceMax = 200;
    public const int WitnessesMax = 1000;
    public const int PoliceReportNumberMax = 60;
    public const int PoliceOfficerMax = 120;
    public const int PoliceBadgeMax = 40;
    public const int FeelingMax = 1000;
    public const int AddendumMax = 4000;

    public const string WhenMessage = "Enter when it happened: a date and a time.";
    public const string FutureMessage = "When it happened cannot be in the future. Check the date and the time.";
    public const string ChannelMessage = "Choose how the contact happened from the list.";
    public const string OnePersonMessage = "Choose one person: someone from the plan, or someone passing things on, not both.";
    public const string UnknownPersonMessage = "That person is not one of the people you can choose here. Choose from the list.";
    public const string WindowClosedMessage =
        "This entry can no longer be corrected: corrections are possible for 30 minutes after writing. Add an addendum instead.";
    public const string NotAuthorMessage = "Only the person who wrote this entry can correct it. Add an addendum instead.";
    public const string ClinicianPrivateMessage = "Only the client can keep an entry private.";

    public static DateTimeOffset CorrectableUntil(DateTimeOffset writtenAt) => writtenAt + CorrectionWindow;

    public static bool IsCorrectable(DateTimeOffset writtenAt, DateTimeOffset now) => now < CorrectableUntil(writtenAt);

    /// <summary>When it happened, in UTC to the microsecond PostgreSQL keeps; refused when missing or in the future.</summary>
    public static DateTimeOffset OccurredAt(DateTimeOffset? occurredAt, DateTimeOffset now)
    {
        if (occurredAt is not { } at || at == default) throw new DomainRuleException(WhenMessage);
        if (at > now + ClockTolerance) throw new DomainRuleException(FutureMessage);
        return Stored(at);
    }

    /// <summary>At most one person: a boundary person of the client, or a support-network person passing things on.</summary>
    public static void OnePerson(Guid? boundaryId, Guid? supportPersonId)
    {
        if (boundaryId is not null && supportPersonId is not null) throw new DomainRuleException(OnePersonMessage);
    }

    /// <summary>A moment as the database stores it (UTC, whole microseconds), so the hash made at write is the hash read back.</summary>
    public static DateTimeOffset Stored(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    internal static string Account(string? text) => Guard.Required(text, "What was said or done", AccountMax);
}
