using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Tests.Clinics;

public sealed class ClinicSettingsRulesTests
{
    [Theory]
    [InlineData("24h, 2h", new[] { 1440, 120 })]
    [InlineData("2d;30m", new[] { 2880, 30 })]
    [InlineData("30 minutes, 1 hour, 3 days", new[] { 4320, 60, 30 })]
    [InlineData("90m, 14d", new[] { 20160, 90 })]
    [InlineData("1H", new[] { 60 })]
    [InlineData("", new int[0])]
    [InlineData("  ,  ", new int[0])]
    public void Lead_times_are_read_longest_first(string text, int[] minutes) => Assert.Equal(minutes, ClinicSettingsRules.ParseLeadTimes(text));

    [Theory]
    [InlineData("-2h", "more than zero")]
    [InlineData("0d", "more than zero")]
    [InlineData("15d", "at most 14 days")]
    [InlineData("20161m", "at most 14 days")]
    [InlineData("999999999d", "at most 14 days")]
    [InlineData("1h, 2h, 3h, 4h, 5h, 6h", "at most 5")]
    [InlineData("24h, 1d", "listed twice")]
    [InlineData("2", "is not a reminder time")]
    [InlineData("2 weeks", "is not a reminder time")]
    [InlineData("1.5h", "is not a reminder time")]
    [InlineData("9999999999h", "is not a reminder time")]
    public void Bad_lead_times_are_refused_with_a_message(string text, string message) =>
        Assert.Contains(message, Assert.Throws<DomainRuleException>(() => ClinicSettingsRules.ParseLeadTimes(text)).Message);

    [Fact]
    public void Lead_times_are_written_back_the_way_people_type_them()
    {
        Assert.Equal("24h, 2h", ClinicSettingsRules.FormatLeadTimes([120, 1440]));
        Assert.Equal("2d, 90m", ClinicSettingsRules.FormatLeadTimes([2880, 90]));
        Assert.Equal([2880, 90], ClinicSettingsRules.ParseLeadTimes(ClinicSettingsRules.FormatLeadTimes([2880, 90])));
    }

    [Fact]
    public void A_valid_change_updates_every_setting()
    {
        var settings = new ClinicSettings();

        ClinicSettingsRules.Apply(settings, new ClinicSettingsChange(" Northside ", "Europe/Berlin", "1d, 1h", 30, 8, 10));
        Assert.Equal((8, 10), (settings.CheckInUrgeThreshold, settings.NoCheckInDays));

        Assert.Equal("Northside", settings.Name);
        Assert.Equal("Europe/Berlin", settings.TimeZoneId);
        Assert.Equal([1440, 60], settings.ReminderLeadMinutes);
        Assert.Equal(30, settings.IdleTimeoutMinutes);
    }

    [Fact]
    public void Contact_attempts_are_rated_as_the_clinic_chooses_and_a_refused_rating_changes_nothing()
    {
        var settings = new ClinicSettings();
        Assert.Equal(ConcernSeverity.Moderate, settings.ContactAttemptSeverity);

        ClinicSettingsRules.Apply(settings, new ClinicSettingsChange("C", "UTC", "1h", 20, ContactAttemptSeverity: ConcernSeverity.High));
        Assert.Equal(ConcernSeverity.High, settings.ContactAttemptSeverity);

        var e = Assert.Throws<DomainRuleException>(() => ClinicSettingsRules.Apply(settings,
            new ClinicSettingsChange("Renamed", "UTC", "1h", 20, ContactAttemptSeverity: ConcernSeverity.Low)));
        Assert.Equal(AlertRules.ContactAttemptSeverityMessage, e.Message);
        Assert.Equal((ConcernSeverity.High, "C"), (settings.ContactAttemptSeverity, settings.Name));
    }

    [Theory]
    [InlineData("", "UTC", "1h", 20, "Clinic name is required.")]
    [InlineData("C", "Nowhere/Special", "1h", 20, "is not a known time zone")]
    [InlineData("C", "", "1h", 20, "Time zone is required.")]
    [InlineData("C", "UTC", "-1h", 20, "more than zero")]
    [InlineData("C", "UTC", "1h", 4, "between 5 and 120 minutes")]
    [InlineData("C", "UTC", "1h", 121, "between 5 and 120 minutes")]
    [InlineData("C", "UTC", "1h", null, "Idle sign-out is required.")]
    public void A_bad_change_is_refused_and_changes_nothing(string name, string zone, string leads, int? idle, string message)
    {
        var settings = new ClinicSettings();
        var before = (settings.Name, settings.TimeZoneId, string.Join(",", settings.ReminderLeadMinutes), settings.IdleTimeoutMinutes);

        var e = Assert.Throws<DomainRuleException>(() => ClinicSettingsRules.Apply(settings, new ClinicSettingsChange(name, zone, leads, idle)));

        Assert.Contains(message, e.Message);
        Assert.Equal(before, (settings.Name, settings.TimeZoneId, string.Join(",", settings.ReminderLeadMinutes), settings.IdleTimeoutMinutes));
    }

    [Theory]
    [InlineData(0, 7, "urge threshold")]
    [InlineData(11, 7, "urge threshold")]
    [InlineData(7, 0, "Days without a check-in")]
    [InlineData(7, 91, "Days without a check-in")]
    public void Check_in_signal_settings_out_of_range_are_refused_and_change_nothing(int urge, int days, string message)
    {
        var settings = new ClinicSettings();

        var e = Assert.Throws<DomainRuleException>(() => ClinicSettingsRules.Apply(settings, new ClinicSettingsChange("C", "UTC", "1h", 20, urge, days)));

        Assert.Contains(message, e.Message);
        Assert.Equal(("ClinicPortal", 7, 7), (settings.Name, settings.CheckInUrgeThreshold, settings.NoCheckInDays));
    }

    [Fact]
    public void The_idle_sign_out_defaults_to_twenty_minutes() => Assert.Equal(20, new ClinicSettings().IdleTimeoutMinutes);
}
