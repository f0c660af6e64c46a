using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Tests.Safety;

public sealed class ConcernReviewTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private sealed record Row(ConcernStatus Status, DateOnly? NextReviewDate) : IConcernReview;

    [Theory]
    [InlineData(ConcernStatus.Open, -1, true)]
    [InlineData(ConcernStatus.Monitoring, -30, true)]
    [InlineData(ConcernStatus.Open, 0, false)] // due today is not overdue yet
    [InlineData(ConcernStatus.Open, 3, false)]
    [InlineData(ConcernStatus.Resolved, -1, false)]
    public void A_review_is_overdue_while_open_and_past_its_date(ConcernStatus status, int reviewInDays, bool overdue) =>
        Assert.Equal(overdue, new Row(status, Today.AddDays(reviewInDays)).IsReviewOverdue(Today));

    [Fact]
    public void No_review_date_is_never_overdue() => Assert.False(new Row(ConcernStatus.Open, null).IsReviewOverdue(Today));

    [Fact]
    public void The_query_filter_is_the_same_rule()
    {
        var rows = new[]
        {
            new Row(ConcernStatus.Open, Today.AddDays(-1)), new Row(ConcernStatus.Open, Today), new Row(ConcernStatus.Resolved, Today.AddDays(-5)),
            new Row(ConcernStatus.Monitoring, Today.AddDays(-2)), new Row(ConcernStatus.Open, null),
        };
        Assert.Equal(rows.Where(r => r.IsReviewOverdue(Today)), rows.AsQueryable().Where(ConcernReview.OverdueOn<Row>(Today)));
        Assert.Equal(2, rows.AsQueryable().Count(ConcernReview.OverdueOn<Row>(Today)));
    }
}
