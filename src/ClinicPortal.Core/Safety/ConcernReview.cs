using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Safety;

/// <summary>What the review rule reads: a concern, or a row that carries its status and review date.</summary>
public interface IConcernReview
{
    ConcernStatus Status { get; }
    DateOnly? NextReviewDate { get; }
}

/// <summary>A concern's review is overdue while the concern is open and its next review date has passed.</summary>
public static class ConcernReview
{
    public static bool IsReviewOverdue<T>(this T concern, DateOnly today) where T : IConcernReview => Rule<T>.Overdue.Holds(concern, today);

    /// <summary>The same rule as a query filter, e.g. for the job that raises overdue-review alerts.</summary>
    public static System.Linq.Expressions.Expression<Func<T, bool>> OverdueOn<T>(DateOnly today) where T : IConcernReview => Rule<T>.Overdue.For(today);

    private static class Rule<T> where T : IConcernReview
    {
        public static readonly QueryRule<T, DateOnly> Overdue =
            new((c, today) => c.Status != ConcernStatus.Resolved && c.NextReviewDate != null && c.NextReviewDate < today);
    }
}
