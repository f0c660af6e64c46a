using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Areas.ClientSpace.SharedPlan;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.BoundaryPlans;

/// <summary>The client-visible subset, run as the client would run it: under the client's own access scope.</summary>
public sealed class ClientSharedPlanTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task The_client_sees_only_shared_reasons_conditions_and_supportive_contacts_of_their_own()
    {
        var (client, userId) = await ClientWithSignInAsync("Cleo Client");
        var (other, otherUserId) = await ClientWithSignInAsync("Omar Other");
        var boundary = await BoundaryArrange.BoundaryAsync(app, client, BoundaryArrange.Plan("Ex-partner"));
        await BoundaryArrange.BoundaryAsync(app, client, BoundaryArrange.Plan("Nothing shared here") with
        {
            Reasons = [new("PRIVATE only reason", false)], Conditions = [],
        });
        await BoundaryArrange.PersonAsync(app, client, "Shared Supporter", SupportRole.Supportive, crisis: true, shared: true);
        await BoundaryArrange.PersonAsync(app, client, "Unshared Supporter", SupportRole.Supportive);
        await BoundaryArrange.PersonAsync(app, client, "Risky Relay", SupportRole.Risk, boundaryId: boundary.Id, notes: "Relays messages");
        await BoundaryArrange.PersonAsync(app, client, "Neutral Neighbour", SupportRole.MutualNeutral);
        await BoundaryArrange.PersonAsync(app, client, "Unknown Uncle", SupportRole.Unknown);
        await BoundaryArrange.BoundaryAsync(app, other, BoundaryArrange.Plan("Other client's ex") with { Reasons = [new("OTHER CLIENT reason", true)] });
        await BoundaryArrange.PersonAsync(app, other, "Other Client's Friend", SupportRole.Supportive, shared: true);

        var plan = await SharedPlanAsAsync(userId, userId);

        var shared = Assert.Single(plan.Boundaries);
        Assert.Equal("Ex-partner", shared.PersonName);
        Assert.Equal(["SHARED reason one", "SHARED reason three"], shared.Reasons);
        Assert.Equal(["SHARED condition one"], shared.Conditions.Select(c => c.Text));
        var contact = Assert.Single(plan.Contacts);
        Assert.Equal("Shared Supporter", contact.Name);
        Assert.True(contact.IsCrisisContact);
        var everything = string.Join("|", plan.Boundaries.SelectMany(b => b.Reasons.Concat(b.Conditions.Select(c => c.Text + c.Evidence))).Concat(plan.Contacts.Select(c => c.Name)));
        Assert.DoesNotContain("PRIVATE", everything);
        Assert.DoesNotContain("OTHER CLIENT", everything);
        Assert.DoesNotContain("Risky", everything);

        // The other client gets only their own items.
        var theirs = await SharedPlanAsAsync(otherUserId, otherUserId);
        Assert.Equal(["OTHER CLIENT reason"], Assert.Single(theirs.Boundaries).Reasons);
        Assert.Equal("Other Client's Friend", Assert.Single(theirs.Contacts).Name);
    }

    [Fact]
    public async Task Asking_for_another_clients_plan_under_your_own_sign_in_returns_nothing()
    {
        var (client, userId) = await ClientWithSignInAsync("Vera Victim");
        var (_, intruderId) = await ClientWithSignInAsync("Ivan Intruder");
        await BoundaryArrange.BoundaryAsync(app, client);
        await BoundaryArrange.PersonAsync(app, client, "Vera's Friend", SupportRole.Supportive, shared: true);

        Assert.True((await SharedPlanAsAsync(intruderId, userId)).IsEmpty);
        Assert.False((await SharedPlanAsAsync(userId, userId)).IsEmpty);
    }

    [Fact]
    public void The_result_carries_no_role_risk_label_or_clinician_notes()
    {
        var types = new[] { typeof(SharedPlan), typeof(SharedBoundary), typeof(SharedContact) };
        var properties = types.SelectMany(t => t.GetProperties()).ToList();

        Assert.DoesNotContain(properties, p => p.PropertyType == typeof(SupportRole) || p.PropertyType == typeof(SupportRole?));
        Assert.DoesNotContain(properties, p => p.Name.Contains("Role") || p.Name.Contains("Risk") || p.Name.Contains("Notes"));
        Assert.DoesNotContain(properties, p => p.PropertyType == typeof(SupportPerson) || p.PropertyType == typeof(Boundary));
    }

    /// <summary>Runs the query with a database context scoped to <paramref name="signedIn"/>, as the client area would.</summary>
    private async Task<SharedPlan> SharedPlanAsAsync(Guid signedIn, Guid askedFor)
    {
        var options = new DbContextOptionsBuilder<ClinicDbContext>().UseNpgsql(app.ConnectionString).Options;
        await using var db = new ClinicDbContext(options, new AccessScope(AccessKind.Client, signedIn));
        return await new SharedPlanQuery(db).ForUserAsync(askedFor);
    }

    private async Task<(Client Client, Guid UserId)> ClientWithSignInAsync(string name)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, name);
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var email = $"{Guid.NewGuid():N}@example.org";
        var user = new ApplicationUser
        {
            Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), DisplayName = name, CreatedAt = DateTimeOffset.UtcNow, SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        var tracked = await db.Clients.SingleAsync(c => c.Id == client.Id);
        tracked.LinkAccount(user.Id, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return (tracked, user.Id);
    }
}
