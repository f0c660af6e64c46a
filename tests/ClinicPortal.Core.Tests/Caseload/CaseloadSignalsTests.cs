using ClinicPortal.Core.Caseload;
using ClinicPortal.Core.CheckIns;

namespace ClinicPortal.Core.Tests.Caseload;

/// <summary>The database's caseload filters and the page's signal badges must agree for every combination of facts.</summary>
public sealed class CaseloadSignalsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly CheckInRules Rules = new(7, 7);

    private static IEnumerable<CheckInFacts> AllFacts()
    {
        int?[] urges = [null, 2, 5, 7, 9];
        DateTimeOffset?[] times = [null, Now.AddDays(-30), Now.AddDays(-7), Now.AddDays(-6.9), Now.AddHours(-1)];
        foreach (var latest in urges)
        foreach (var previous in urges)
        foreach (var earlier in urges)
            yield return new CheckInFacts(latest is null ? null : Now.AddDays(-1), latest, previous, earlier, null, null, null, null, true);
        foreach (var last in times)
        foreach (var setback in times)
        foreach (var session in times)
        foreach (var since in times)
        foreach (var expected in new[] { true, false })
            yield return new CheckInFacts(last, 3, 3, 3, setback, last, session, since, expected);
    }

    [Fact]
    public void Each_check_in_filter_selects_exactly_the_clients_whose_badge_shows()
    {
        var checkedCount = 0;
        foreach (var facts in AllFacts())
        {
            var summary = ClientSummary.Of(facts);
            var badges = CheckInSignals.Evaluate(facts, Rules, Now);
            bool Filter(CaseloadSignal s) => CaseloadSignals.Where(s, Rules, Now, Today).Compile()(summary);
            Assert.Equal(badges.RisingUrge, Filter(CaseloadSignal.RisingUrge));
            Assert.Equal(badges.Setback, Filter(CaseloadSignal.Setback));
            Assert.Equal(badges.ContactAttempt, Filter(CaseloadSignal.ContactAttempt));
            Assert.Equal(badges.QuietDays is not null, Filter(CaseloadSignal.NoRecentCheckIn));
            checkedCount++;
        }
        Assert.True(checkedCount > 1000);
    }

    [Theory]
    [InlineData(0, 0, 0, null, false, false, false, false)]
    [InlineData(1, 2, 1, "2026-11-28", true, true, true, true)]
    [InlineData(0, 1, 0, "2026-11-29", false, true, false, false)]
    public void The_record_filters_read_the_summary_counts(int imminent, int concerns, int drafts, string? review,
        bool imminentShown, bool concernsShown, bool draftsShown, bool overdueShown)
    {
        var summary = ClientSummary.Of(CheckInFacts.None, imminent, concerns, drafts, review is null ? null : DateOnly.Parse(review));
        bool Filter(CaseloadSignal s) => CaseloadSignals.Where(s, Rules, Now, Today).Compile()(summary);
        Assert.Equal(imminentShown, Filter(CaseloadSignal.ImminentAlert));
        Assert.Equal(concernsShown, Filter(CaseloadSignal.OpenConcerns));
        Assert.Equal(draftsShown, Filter(CaseloadSignal.DraftNotes));
        Assert.Equal(overdueShown, Filter(CaseloadSignal.OverdueReview));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(3, true)]
    public void The_unread_messages_filter_reads_the_summary_count(int unread, bool shown) =>
        Assert.Equal(shown, CaseloadSignals.Where(CaseloadSignal.UnreadMessages, Rules, Now, Today).Compile()(ClientSummary.Of(CheckInFacts.None, unreadMessages: unread)));

    [Fact]
    public void Every_signal_has_a_label() =>
        Assert.All(Enum.GetValues<CaseloadSignal>(), s => Assert.NotEqual(s.ToString(), CaseloadSignals.Label(s)));
}
