using ClinicPortal.Core.Common;
using ClinicPortal.Core.Cover;

namespace ClinicPortal.Core.Tests.Cover;

public sealed class CoverGrantTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero); // 09:00 in Chicago
    private static readonly Guid Morgan = Guid.NewGuid(), Riley = Guid.NewGuid(), Client = Guid.NewGuid();

    private static CoverGrant Give(CoverTerms terms, Guid? clientsClinician = null, bool active = true, IEnumerable<CoverGrant>? existing = null,
        CoverActor? by = null) =>
        CoverGrant.Give(Client, clientsClinician ?? Morgan, Morgan, terms, active, existing ?? [], by ?? new CoverActor(Morgan, false), Today, Zone, Now);

    private static CoverTerms Days(int from, int to) => new(Riley, Today.AddDays(from), Today.AddDays(to));

    [Fact]
    public void A_cover_runs_from_the_start_of_its_first_day_to_the_end_of_its_last_in_clinic_time()
    {
        var grant = Give(Days(1, 3));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), grant.StartsAt); // midnight in Chicago (UTC-6)
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 6, 0, 0, TimeSpan.Zero), grant.EndsAt);
        Assert.Equal(CoverState.Upcoming, grant.StateAt(grant.StartsAt.AddTicks(-1)));
        Assert.Equal(CoverState.Active, grant.StateAt(grant.StartsAt));
        Assert.Equal(CoverState.Active, grant.StateAt(grant.EndsAt.AddTicks(-1)));
        Assert.Equal(CoverState.Ended, grant.StateAt(grant.EndsAt)); // by itself, from the clock
        Assert.Equal(grant.EndsAt, grant.ReachEndsAt);
    }

    [Fact]
    public void A_one_day_cover_starting_today_is_running_now()
    {
        var grant = Give(Days(0, 0));
        Assert.Equal(CoverState.Active, grant.StateAt(Now));
    }

    [Fact]
    public void Revoking_ends_the_cover_at_once_and_only_once()
    {
        var grant = Give(Days(0, 5));
        var at = Now.AddHours(2);

        grant.Revoke(new CoverActor(Morgan, false), at);

        Assert.Equal(CoverState.Revoked, grant.StateAt(at));
        Assert.Equal(at, grant.ReachEndsAt);
        Assert.Equal(Morgan, grant.RevokedById);
        var again = Assert.Throws<DomainRuleException>(() => grant.Revoke(new CoverActor(Morgan, false), at.AddMinutes(1)));
        Assert.Contains("already ended", again.Message);
    }

    [Fact]
    public void An_ended_cover_cannot_be_revoked()
    {
        var grant = Give(Days(0, 0));
        Assert.Throws<DomainRuleException>(() => grant.Revoke(new CoverActor(Morgan, false), grant.EndsAt));
        Assert.Null(grant.RevokedAt);
    }

    [Theory]
    [InlineData(3, 2, "on or after its first day")]
    [InlineData(-5, -1, "already passed")]
    [InlineData(0, CoverGrant.MaxDays, "at most")]
    public void Bad_dates_are_refused_with_a_reason(int from, int to, string reason)
    {
        var refused = Assert.Throws<DomainRuleException>(() => Give(Days(from, to)));
        Assert.Contains(reason, refused.Message);
    }

    [Fact]
    public void The_longest_cover_and_one_that_began_in_the_past_are_allowed()
    {
        Assert.Equal(CoverState.Active, Give(Days(0, CoverGrant.MaxDays - 1)).StateAt(Now));
        Assert.Equal(CoverState.Active, Give(Days(-3, 0)).StateAt(Now));
    }

    [Fact]
    public void The_covering_clinician_must_be_another_active_clinician()
    {
        Assert.Contains("cannot cover their own", Assert.Throws<DomainRuleException>(() => Give(new CoverTerms(Morgan, Today, Today))).Message);
        Assert.Contains("active clinician", Assert.Throws<DomainRuleException>(() => Give(Days(0, 1), active: false)).Message);
        Assert.Contains("Choose the clinician", Assert.Throws<DomainRuleException>(() => Give(new CoverTerms(Guid.Empty, Today, Today))).Message);
    }

    [Fact]
    public void Only_a_client_of_the_grantors_caseload_can_be_covered()
    {
        var refused = Assert.Throws<DomainRuleException>(() => Give(Days(0, 1), clientsClinician: Riley));
        Assert.Contains("caseload", refused.Message);
        Assert.Throws<DomainRuleException>(() => Give(Days(0, 1), clientsClinician: Guid.Empty)); // a client the grantor cannot reach at all
    }

    [Fact]
    public void The_clients_clinician_or_an_administrator_may_give_cover_and_nobody_else()
    {
        var admin = Guid.NewGuid();
        Assert.Equal(admin, Give(Days(0, 1), by: new CoverActor(admin, IsAdministrator: true)).GrantedById);
        Assert.Equal(Morgan, Give(Days(0, 1)).GrantedById);
        var refused = Assert.Throws<DomainRuleException>(() => Give(Days(0, 1), by: new CoverActor(Guid.NewGuid(), IsAdministrator: false)));
        Assert.Contains("Only the client's clinician or an administrator", refused.Message);

        var grant = Give(Days(0, 1));
        Assert.Throws<DomainRuleException>(() => grant.Revoke(new CoverActor(Riley, false), Now)); // not even the covering clinician
        grant.Revoke(new CoverActor(admin, true), Now);
        Assert.Equal(CoverState.Revoked, grant.StateAt(Now));
    }

    [Fact]
    public void An_overlapping_cover_by_the_same_clinician_is_refused_but_a_revoked_or_ended_one_is_not_in_the_way()
    {
        var first = Give(Days(0, 4));
        var refused = Assert.Throws<DomainRuleException>(() => Give(Days(4, 6), existing: [first]));
        Assert.Contains("already covers", refused.Message);
        Assert.Equal(CoverState.Upcoming, Give(Days(5, 6), existing: [first]).StateAt(Now)); // the next days: fine

        var past = Give(Days(-3, 0));
        var other = CoverGrant.Give(Client, Morgan, Morgan, Days(0, 4) with { CoveringClinicianId = Guid.NewGuid() }, true, [], new CoverActor(Morgan, false), Today, Zone, Now);
        first.Revoke(new CoverActor(Morgan, false), Now);
        Give(Days(0, 4), existing: [first, other]); // revoked, and another clinician's
        Assert.Throws<DomainRuleException>(() => Give(Days(0, 1), existing: [past])); // still running today
    }
}
