using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Tests.Clinics;

public sealed class MessageAndVideoSettingsRulesTests
{
    private static ClinicSettingsChange Change(int? replyDays, int? videoMinutes, bool? inEmail) =>
        new("Clinic", "America/Chicago", "24h", 20, MessageReplyDays: replyDays, VideoLinkMinutesBefore: videoMinutes, VideoLinkInEmail: inEmail);

    [Fact]
    public void The_defaults_are_two_working_days_fifteen_minutes_and_no_link_in_mail()
    {
        var settings = new ClinicSettings();
        Assert.Equal((2, 15, false), (settings.MessageReplyDays, settings.VideoLinkMinutesBefore, settings.VideoLinkInEmail));
        ClinicSettingsRules.Apply(settings, Change(null, null, null)); // left out: kept
        Assert.Equal((2, 15, false), (settings.MessageReplyDays, settings.VideoLinkMinutesBefore, settings.VideoLinkInEmail));
    }

    [Fact]
    public void The_clinic_may_choose_its_own()
    {
        var settings = new ClinicSettings();
        ClinicSettingsRules.Apply(settings, Change(0, 30, true));
        Assert.Equal((0, 30, true), (settings.MessageReplyDays, settings.VideoLinkMinutesBefore, settings.VideoLinkInEmail));
    }

    [Theory]
    [InlineData(-1, 15, "usual reply time")]
    [InlineData(11, 15, "usual reply time")]
    [InlineData(2, -1, "video link")]
    [InlineData(2, 61, "video link")]
    [InlineData(2, 15, "notice", -1)]
    [InlineData(2, 15, "notice", 169)]
    public void Out_of_range_values_are_refused_and_nothing_changes(int replyDays, int videoMinutes, string named, int noticeHours = 24)
    {
        var settings = new ClinicSettings();
        var e = Assert.Throws<DomainRuleException>(() => ClinicSettingsRules.Apply(settings, Change(replyDays, videoMinutes, true) with { RequestNoticeHours = noticeHours }));
        Assert.Contains(named, e.Message);
        Assert.Equal(("ClinicPortal", 2, 15, false, 24), (settings.Name, settings.MessageReplyDays, settings.VideoLinkMinutesBefore, settings.VideoLinkInEmail, settings.RequestNoticeHours));
    }
}
