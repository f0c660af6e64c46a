using ClinicPortal.Core.Caseload;
using ClinicPortal.Core.CheckIns;

namespace ClinicPortal.Core.Tests.Caseload;

public sealed class PlanReviewSignalTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(-1, true)]
    [InlineData(5, false)]
    public void The_caseload_filter_and_badge_agree_that_a_review_is_overdue_once_its_date_has_passed(int? reviewInDays, bool overdue)
    {
        var summary = ClientSummary.Of(CheckInFacts.None, planReviewDate: reviewInDays is { } d ? Today.AddDays(d) : null);
        Assert.Equal(overdue, CaseloadSignals.Where(CaseloadSignal.PlanReviewOverdue, CheckInRules.Default, Now, Today).Compile()(summary));
        Assert.Equal(overdue, summary.IsPlanReviewOverdue(Today));
    }
}
