using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Sessions;

/// <summary>
/// A video session's link: a full https:// address, on video sessions only. The client sees it in their upcoming
/// sessions from the clinic's set time before the start (default 15 minutes) until the session ends, and never
/// earlier, so a link read over their shoulder days ahead gives nothing away; mail carries it only when the clinic
/// turns that on (and the message passes the client's contact-safety profile like every other).
/// </summary>
public static class VideoLink
{
    public const int Max = 500, DefaultMinutesBefore = 15, MaxMinutesBefore = 60;

    /// <summary>The link as stored, or null for none; refuses anything but an https:// address on a video session.</summary>
    public static string? Parse(string? value, SessionModality modality)
    {
        var link = Guard.Optional(value, "Video link", Max);
        if (link is null) return null;
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.UserInfo))
            throw new DomainRuleException("The video link must be a full address starting with https://, e.g. https://meet.example.com/room.");
        if (modality != SessionModality.Video)
            throw new DomainRuleException("A video link is for video sessions: choose Video as the format, or leave the link empty.");
        return uri.AbsoluteUri;
    }

    /// <summary>
    /// The latest start whose link the client sees <paramref name="now"/>: a session starting by then has its link shown
    /// (until it ends). As a bound on the start, a query can read the link only for those sessions.
    /// </summary>
    public static DateTimeOffset ShownForStartsBy(DateTimeOffset now, int minutesBefore) => now.AddMinutes(minutesBefore);

    /// <summary>Whether the client sees the link now: from the set minutes before the start until the session ends.</summary>
    public static bool IsShown(DateTimeOffset startsAt, DateTimeOffset endsAt, int minutesBefore, DateTimeOffset now) =>
        startsAt <= ShownForStartsBy(now, minutesBefore) && now < endsAt;
}
