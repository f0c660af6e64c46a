using ClinicPortal.Core.Common;
using ClinicPortal.Core.Reports;

namespace ClinicPortal.Core.Tests.Reports;

public sealed class ReportOptionsTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);

    [Fact]
    public void The_default_period_is_the_last_90_days_including_today()
    {
        var period = ReportPeriod.Default(Today);
        Assert.Equal(Today, period.End);
        Assert.Equal(90, period.Days);
        Assert.Equal(new DateOnly(2026, 4, 2), period.Start);
    }

    [Theory]
    [InlineData("2026-06-10", "2026-06-01", "ends before it starts")]
    [InlineData("2026-06-01", "2026-07-01", "cannot go beyond today (30 Jun 2026)")]
    [InlineData("2026-07-02", "2026-07-05", "cannot go beyond today")]
    [InlineData("2016-06-29", "2026-06-30", "at most 10 years")]
    public void A_bad_period_is_refused_with_a_message(string start, string end, string message)
    {
        var e = Assert.Throws<DomainRuleException>(() => ReportPeriod.Create(DateOnly.Parse(start), DateOnly.Parse(end), Today));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Missing_dates_are_refused_and_a_one_day_or_ten_year_period_is_fine()
    {
        Assert.Contains("first day", Assert.Throws<DomainRuleException>(() => ReportPeriod.Create(null, Today, Today)).Message);
        Assert.Contains("last day", Assert.Throws<DomainRuleException>(() => ReportPeriod.Create(Today, null, Today)).Message);
        Assert.Equal(1, ReportPeriod.Create(Today, Today, Today).Days);
        Assert.Equal(new DateOnly(2016, 6, 30), ReportPeriod.Create(new DateOnly(2016, 6, 30), Today, Today).Start);
    }

    [Fact]
    public void A_client_copy_never_carries_the_safety_section()
    {
        var period = ReportPeriod.Default(Today);
        var client = ReportOptions.Create(period, ReportSections.All, ReportAudience.Client, null);
        var provider = ReportOptions.Create(period, ReportSections.All, ReportAudience.Provider, null);

        Assert.False(client.Includes(ReportSections.SafetyConcerns));
        Assert.True(client.Includes(ReportSections.StagePath | ReportSections.Attendance));
        Assert.True(provider.Includes(ReportSections.SafetyConcerns));
        Assert.Contains("at least one section",
            Assert.Throws<DomainRuleException>(() => ReportOptions.Create(period, ReportSections.SafetyConcerns, ReportAudience.Client, null)).Message);
    }

    [Fact]
    public void Bad_options_are_refused_and_the_summary_is_tidied()
    {
        var period = ReportPeriod.Default(Today);
        Assert.Contains("at least one section", Assert.Throws<DomainRuleException>(() => ReportOptions.Create(period, ReportSections.None, ReportAudience.Provider, null)).Message);
        Assert.Contains("Unknown report section", Assert.Throws<DomainRuleException>(() => ReportOptions.Create(period, (ReportSections)(1 << 20), ReportAudience.Provider, null)).Message);
        Assert.Contains("who the report is for", Assert.Throws<DomainRuleException>(() => ReportOptions.Create(period, ReportSections.All, (ReportAudience)7, null)).Message);
        Assert.Contains("at most 6000", Assert.Throws<DomainRuleException>(() => ReportOptions.Create(period, ReportSections.All, ReportAudience.Provider, new string('x', 6001))).Message);

        Assert.Null(ReportOptions.Create(period, ReportSections.All, ReportAudience.Provider, "   ").ClinicianSummary);
        Assert.Equal("One.\n\nTwo.", ReportOptions.Create(period, ReportSections.All, ReportAudience.Provider, "  One.\r\n\r\nTwo. ").ClinicianSummary);
    }
}
