using ClinicPortal.Core.Common;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Core.Tests.Sessions;

public sealed class VideoLinkTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("https://meet.example.com/room-42", "https://meet.example.com/room-42")]
    [InlineData("  https://Meet.Example.com/r?pwd=1  ", "https://meet.example.com/r?pwd=1")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void An_https_address_on_a_video_session_is_kept(string? typed, string? stored) =>
        Assert.Equal(stored, VideoLink.Parse(typed, SessionModality.Video));

    [Theory]
    [InlineData("http://meet.example.com/room")]
    [InlineData("javascript:alert(1)")]
    [InlineData("meet.example.com/room")]
    [InlineData("/room/42")]
    [InlineData("https://someone:secret@meet.example.com/room")]
    [InlineData("ftp://meet.example.com/room")]
    public void Anything_but_a_full_https_address_is_refused(string typed)
    {
        var e = Assert.Throws<DomainRuleException>(() => VideoLink.Parse(typed, SessionModality.Video));
        Assert.StartsWith("The video link must be a full address starting with https://", e.Message);
    }

    [Fact]
    public void A_link_is_for_video_sessions_only_and_has_a_length_limit()
    {
        Assert.Contains("video sessions", Assert.Throws<DomainRuleException>(() => VideoLink.Parse("https://meet.example.com/r", SessionModality.InPerson)).Message);
        var tooLong = "https://meet.example.com/" + new string('a', VideoLink.Max);
        Assert.Equal($"Video link must be at most {VideoLink.Max} characters.", Assert.Throws<DomainRuleException>(() => VideoLink.Parse(tooLong, SessionModality.Video)).Message);
    }

    [Theory]
    [InlineData(-16, false)]
    [InlineData(-15, true)]
    [InlineData(0, true)]
    [InlineData(49, true)]
    [InlineData(50, false)]
    public void The_link_shows_from_the_set_minutes_before_the_start_until_the_session_ends(int minutesFromStart, bool shown) =>
        Assert.Equal(shown, VideoLink.IsShown(Start, Start.AddMinutes(50), 15, Start.AddMinutes(minutesFromStart)));

    [Fact]
    public void A_session_keeps_its_link_and_a_move_can_change_it()
    {
        var session = TherapySession.Schedule(Guid.NewGuid(), Guid.NewGuid(), Start, 50, SessionModality.Video, null, Start.AddDays(-1), "https://meet.example.com/a");
        Assert.Equal("https://meet.example.com/a", session.VideoLink);
        session.Reschedule(Start.AddHours(1), 50, SessionModality.Video, null, Start.AddDays(-1), "https://meet.example.com/b");
        Assert.Equal("https://meet.example.com/b", session.VideoLink);
        Assert.Throws<DomainRuleException>(() => session.Reschedule(Start, 50, SessionModality.Phone, null, Start.AddDays(-1), "https://meet.example.com/b"));
    }
}
