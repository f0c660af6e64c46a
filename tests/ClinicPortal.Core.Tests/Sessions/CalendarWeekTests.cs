using ClinicPortal.Core.Common;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Core.Tests.Sessions;

public sealed class CalendarWeekTests
{
    private static readonly DateOnly Today = new(2026, 11, 30); // a Monday

    [Fact]
    public void No_week_asked_means_this_week_and_any_day_means_its_monday()
    {
        Assert.Equal(Today, CalendarWeek.StartOf(null, Today));
        Assert.Equal(new DateOnly(2027, 3, 1), CalendarWeek.StartOf(new DateOnly(2027, 3, 7), Today));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2036-12-01")]
    [InlineData("2016-11-29")]
    public void A_week_more_than_ten_years_away_is_refused_with_a_message(string day)
    {
        var e = Assert.Throws<DomainRuleException>(() => CalendarWeek.StartOf(DateOnly.Parse(day), Today));
        Assert.Equal(CalendarWeek.OutOfRangeMessage, e.Message);
    }

    [Fact]
    public void The_edges_of_the_range_are_allowed()
    {
        Assert.Equal(new DateOnly(2036, 11, 24), CalendarWeek.StartOf(new DateOnly(2036, 11, 30), Today));
        Assert.Equal(new DateOnly(2016, 11, 28), CalendarWeek.StartOf(new DateOnly(2016, 11, 30), Today));
    }
}
