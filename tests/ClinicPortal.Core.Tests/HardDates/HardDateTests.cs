using ClinicPortal.Core.Common;
using ClinicPortal.Core.HardDates;

namespace ClinicPortal.Core.Tests.HardDates;

public sealed class HardDateTests
{
    private static readonly Guid ClientId = Guid.NewGuid(), UserId = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("1990-12-03", true, "2026-12-03")]   // later this year
    [InlineData("1990-11-30", true, "2026-11-30")]   // today counts
    [InlineData("1990-11-29", true, "2027-11-29")]   // passed: next year
    [InlineData("2027-01-05", true, "2027-01-05")]   // a yearly date entered ahead
    [InlineData("2026-12-24", false, "2026-12-24")]  // once, ahead
    [InlineData("2026-11-29", false, null)]          // once, passed
    public void The_next_time_a_date_comes(string date, bool yearly, string? next) =>
        Assert.Equal(next is null ? null : DateOnly.Parse(next), HardDate.Next(DateOnly.Parse(date), yearly, Today));

    [Fact]
    public void A_29_February_falls_on_the_28th_in_other_years_and_on_the_29th_in_leap_years()
    {
        var leapDay = new DateOnly(2000, 2, 29);
        Assert.Equal(new DateOnly(2027, 2, 28), HardDate.Next(leapDay, true, Today));
        Assert.Equal(new DateOnly(2028, 2, 29), HardDate.Next(leapDay, true, new DateOnly(2027, 3, 1)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 3)]
    [InlineData(7, 7)]
    [InlineData(8, null)]
    [InlineData(-1, null)]
    public void Days_until_counts_only_within_the_window(int ahead, int? expected) =>
        Assert.Equal(expected, HardDate.DaysUntil(Today.AddDays(ahead), Today));

    [Fact]
    public void The_soonest_of_several_dates_within_the_window()
    {
        Assert.Equal(2, HardDate.Soonest([(new DateOnly(1980, 12, 5), true), (new DateOnly(1980, 12, 2), true)], Today, HardDate.PromptDays));
        Assert.Null(HardDate.Soonest([(new DateOnly(1980, 12, 25), true)], Today, HardDate.PromptDays));
        Assert.Null(HardDate.Soonest([], Today, HardDate.PromptDays));
    }

    [Fact]
    public void A_hard_date_keeps_what_was_entered_and_who_entered_it()
    {
        var d = HardDate.Add(ClientId, HardDateKind.CourtDate, "  Hearing ", new DateOnly(2027, 1, 12), false, UserId, true, Today, Now);
        Assert.Equal((ClientId, HardDateKind.CourtDate, "Hearing", new DateOnly(2027, 1, 12), false, UserId, true),
            (d.ClientId, d.Kind, d.Label, d.Date, d.Yearly, d.AddedById, d.AddedByClient));
    }

    [Fact]
    public void A_missing_date_a_passed_one_off_date_an_unknown_kind_or_a_long_label_are_refused()
    {
        Assert.Equal(HardDate.DateMessage, Assert.Throws<DomainRuleException>(() =>
            HardDate.Add(ClientId, HardDateKind.Birthday, null, null, true, UserId, false, Today, Now)).Message);
        Assert.Contains("passed", Assert.Throws<DomainRuleException>(() =>
            HardDate.Add(ClientId, HardDateKind.Other, null, Today.AddDays(-1), false, UserId, false, Today, Now)).Message);
        Assert.Throws<DomainRuleException>(() => HardDate.Add(ClientId, (HardDateKind)42, null, Today, true, UserId, false, Today, Now));
        Assert.Throws<DomainRuleException>(() => HardDate.Add(ClientId, HardDateKind.Other, new string('x', HardDate.LabelMax + 1), Today, true, UserId, false, Today, Now));
        // A yearly date may be any year's (a birthday).
        Assert.Equal(new DateOnly(1960, 5, 1), HardDate.Add(ClientId, HardDateKind.Birthday, null, new DateOnly(1960, 5, 1), true, UserId, false, Today, Now).Date);
    }

    [Theory]
    [InlineData(0, "today")]
    [InlineData(1, "tomorrow")]
    [InlineData(3, "in 3 days")]
    public void The_days_in_words(int days, string words) => Assert.Equal(words, HardDateLabels.In(days));
}
