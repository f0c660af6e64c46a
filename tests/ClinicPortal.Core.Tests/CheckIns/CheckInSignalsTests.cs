using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Tests.CheckIns;

public sealed class CheckInSignalsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2, 4, 6, true)]     // steadily up
    [InlineData(3, 3, 5, true)]     // flat, then up
    [InlineData(3, 5, 5, true)]     // up, then flat
    [InlineData(5, 5, 5, false)]    // flat is not rising
    [InlineData(6, 4, 7, false)]    // a dip breaks the trend
    [InlineData(6, 4, 2, false)]    // falling
    public void Urge_trends_up_over_three_check_ins(int earlier, int previous, int latest, bool rising) =>
        Assert.Equal(rising, CheckInSignals.UrgeTrendingUp(latest, previous, earlier));

    [Fact]
    public void Fewer_than_three_check_ins_show_no_trend()
    {
        Assert.False(CheckInSignals.UrgeTrendingUp(8, 3, null));
        Assert.False(CheckInSignals.UrgeTrendingUp(null, null, null));
    }

    [Theory]
    [InlineData(6, 7, false)]
    [InlineData(7, 7, true)]
    [InlineData(10, 7, true)]
    [InlineData(3, 3, true)]
    public void An_urge_at_or_above_the_clinic_threshold_is_flagged(int urge, int threshold, bool flagged) =>
        Assert.Equal(flagged, CheckInSignals.UrgeAtThreshold(urge, threshold));

    [Fact]
    public void Rising_urge_is_either_a_high_latest_urge_or_an_upward_trend()
    {
        var high = Facts(latest: 8, previous: 9, earlier: 9);
        var trending = Facts(latest: 5, previous: 4, earlier: 2);
        var calm = Facts(latest: 3, previous: 4, earlier: 6);

        Assert.True(CheckInSignals.Evaluate(high, CheckInRules.Default, Now) is { RisingUrge: true, UrgeAtThreshold: true, LatestUrge: 8 });
        Assert.True(CheckInSignals.Evaluate(trending, CheckInRules.Default, Now) is { RisingUrge: true, UrgeAtThreshold: false });
        Assert.False(CheckInSignals.Evaluate(calm, CheckInRules.Default, Now).RisingUrge);
        Assert.True(CheckInSignals.Evaluate(high, new CheckInRules(9, 7), Now) is { RisingUrge: false });
    }

    [Fact]
    public void Setbacks_and_contact_attempts_count_since_the_last_session_or_ever_before_the_first()
    {
        var session = Now.AddDays(-3);
        Assert.True(CheckInSignals.SinceLastSession(Now.AddDays(-1), session));
        Assert.False(CheckInSignals.SinceLastSession(Now.AddDays(-5), session));
        Assert.False(CheckInSignals.SinceLastSession(session, session));
        Assert.True(CheckInSignals.SinceLastSession(Now.AddDays(-60), null));
        Assert.False(CheckInSignals.SinceLastSession(null, session));
        Assert.False(CheckInSignals.SinceLastSession(null, null));

        var set = CheckInSignals.Evaluate(Facts(setbackAt: Now.AddDays(-1), contactAt: Now.AddDays(-4), sessionAt: session), CheckInRules.Default, Now);
        Assert.True(set is { Setback: true, ContactAttempt: false, Any: true });
    }

    [Fact]
    public void Silence_is_flagged_after_the_clinics_number_of_days()
    {
        Assert.Null(CheckInSignals.QuietDays(Now.AddDays(-6.9), null, true, Now, 7));
        Assert.Equal(7, CheckInSignals.QuietDays(Now.AddDays(-7), null, true, Now, 7));
        Assert.Equal(12, CheckInSignals.QuietDays(Now.AddDays(-12.5), null, true, Now, 7));
        Assert.Equal(3, CheckInSignals.QuietDays(Now.AddDays(-3), null, true, Now, 3));
    }

    [Fact]
    public void Before_the_first_check_in_silence_counts_from_the_sign_in_and_only_for_clients_expected_to_check_in()
    {
        Assert.Equal(10, CheckInSignals.QuietDays(null, Now.AddDays(-10), true, Now, 7));
        Assert.Null(CheckInSignals.QuietDays(null, Now.AddDays(-2), true, Now, 7));
        Assert.Null(CheckInSignals.QuietDays(null, null, true, Now, 7));               // no sign-in: cannot check in
        Assert.Null(CheckInSignals.QuietDays(Now.AddDays(-30), Now.AddDays(-60), false, Now, 7)); // on hold or discharged
    }

    [Fact]
    public void No_check_ins_at_all_gives_no_signal()
    {
        Assert.False(CheckInSignals.Evaluate(CheckInFacts.None, CheckInRules.Default, Now).Any);
    }

    [Theory]
    [InlineData(0, 7)]
    [InlineData(11, 7)]
    [InlineData(7, 0)]
    [InlineData(7, 91)]
    public void Clinic_settings_out_of_range_are_refused(int threshold, int days) =>
        Assert.Throws<DomainRuleException>(() => CheckInRules.Create(threshold, days));

    [Fact]
    public void The_default_settings_are_an_urge_of_7_and_7_quiet_days() =>
        Assert.Equal(new CheckInRules(7, 7), CheckInRules.Create(7, 7));

    [Fact]
    public void Unsafe_alerts_are_raised_at_most_once_per_window_while_open()
    {
        Assert.True(UnsafeAlertRule.ShouldRaise(null, Now));
        Assert.False(UnsafeAlertRule.ShouldRaise(Now.AddMinutes(-1), Now));
        Assert.False(UnsafeAlertRule.ShouldRaise(Now.AddMinutes(-29), Now));
        Assert.True(UnsafeAlertRule.ShouldRaise(Now - UnsafeAlertRule.Window, Now));
        Assert.True(UnsafeAlertRule.ShouldRaise(Now.AddHours(-3), Now));
    }

    private static CheckInFacts Facts(int? latest = null, int? previous = null, int? earlier = null,
        DateTimeOffset? setbackAt = null, DateTimeOffset? contactAt = null, DateTimeOffset? sessionAt = null) =>
        new(Now.AddDays(-1), latest, previous, earlier, setbackAt, contactAt, sessionAt, Now.AddDays(-90), true);
}
