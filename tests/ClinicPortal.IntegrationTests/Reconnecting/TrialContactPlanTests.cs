using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.Reconnecting;

public sealed class TrialContactPlanTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static BoundaryDetails LowContact() => BoundaryArrange.Plan("Father") with
    {
        Relationship = RelationshipType.Parent, ContactLevel = ContactLevel.LowContact, DoorOpen = true,
    };

    [Fact]
    public async Task A_trial_plan_comes_before_reconnecting_and_the_return_to_no_contact_keeps_the_exit_criterion_met()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var boundary = await BoundaryArrange.BoundaryAsync(app, client, LowContact());
        var friend = await BoundaryArrange.PersonAsync(app, client, "Priya Standby", SupportRole.Supportive);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/boundaries/{boundary.Id}";
        var reconnecting = BoundaryArrange.Fields(LowContact() with { ContactLevel = ContactLevel.Reconnecting });

        // Without a plan, the move is refused on the page and nothing is saved.
        var before = await Arrange.FingerprintAsync(app);
        var refused = await session.PostFormAsync($"{path}/edit", $"{path}/edit", reconnecting);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Boundary.ReconnectingNeedsPlan, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        // The plan, then the move.
        var created = await session.PostFormAsync($"{path}/trial/new", $"{path}/trial/new", ReconnectingArrange.TrialFields(friend.Id));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var plan = Assert.Single(await ReconnectingArrange.PlansAsync(app, boundary.Id));
        Assert.Equal((friend.Id, TrialChannel.PhoneCall, 45), (plan.StandbyPersonId, plan.Channel, plan.FirstMeetingMinutes));
        Assert.Equal(ReconnectingArrange.Criteria, plan.ExitCriteria);
        var moved = await session.PostFormAsync($"{path}/edit", $"{path}/edit", reconnecting);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var shown = WebUtility.HtmlDecode(await session.GetPageAsync(path));
        Assert.Contains("Priya Standby", shown);
        Assert.Contains(ReconnectingArrange.Criteria[1], shown);

        // While the plan is in force, the edit form cannot return to no contact: the plan's own page asks which criterion was met.
        var direct = await session.PostFormAsync($"{path}/edit", $"{path}/edit", BoundaryArrange.Fields(LowContact() with { ContactLevel = ContactLevel.NoContact }));
        Assert.Contains(Boundary.ReturnThroughPlan, WebUtility.HtmlDecode(await direct.Content.ReadAsStringAsync()));
        var end = $"{path}/trial/{plan.Id}/end";
        var ended = await session.PostFormAsync(end, end, await ReconnectingArrange.EndFieldsAsync(session, end, [new("Criterion", "2")]));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        var revisions = await BoundaryArrange.RevisionsAsync(app, boundary.Id);
        Assert.Equal([1, 2, 3], revisions.Select(r => r.Number));
        Assert.Equal((ContactLevel.Reconnecting, ContactLevel.NoContact), (revisions[2].PreviousContactLevel!.Value, revisions[2].ContactLevel));
        Assert.Equal($"Trial ended, exit criterion met: \"{ReconnectingArrange.Criteria[1]}\"", revisions[2].Note);
        var history = WebUtility.HtmlDecode(await session.GetPageAsync($"{path}/history"));
        Assert.Contains(revisions[2].Note!, history);
        var endedPlan = Assert.Single(await ReconnectingArrange.PlansAsync(app, boundary.Id));
        Assert.False(endedPlan.InForce);
        Assert.Equal(ReconnectingArrange.Criteria[1], endedPlan.MetCriterion);

        var audit = await Arrange.AuditAsync(app, client.Id);
        Assert.Contains(audit, a => a is { Action: AuditActions.Create, RecordType: AuditRecords.TrialContactPlan } && a.RecordId == plan.Id.ToString());
        Assert.Contains(audit, a => a is { Action: AuditActions.EndTrial, RecordType: AuditRecords.TrialContactPlan } && a.RecordId == plan.Id.ToString());
        Assert.Contains(audit, a => a is { Action: AuditActions.View, RecordType: AuditRecords.TrialContactPlan } && a.RecordId == plan.Id.ToString());
    }

    [Fact]
    public async Task Bad_trial_plans_get_a_clear_message_and_nothing_is_saved()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var other = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var boundary = await BoundaryArrange.BoundaryAsync(app, client, LowContact());
        var risk = await BoundaryArrange.PersonAsync(app, client, "Dana Relay", SupportRole.Risk);
        var someoneElses = await BoundaryArrange.PersonAsync(app, other, "Not Theirs", SupportRole.Supportive);
        var friend = await BoundaryArrange.PersonAsync(app, client, "Priya Standby", SupportRole.Supportive);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/boundaries/{boundary.Id}/trial/new";
        var before = await Arrange.FingerprintAsync(app);

        var cases = new (string Message, List<KeyValuePair<string, string>> Fields)[]
        {
            ("Dana Relay has the risk role and cannot be the support person on standby", ReconnectingArrange.TrialFields(risk.Id)),
            (TrialContactPlan.NeedsExitCriteria, ReconnectingArrange.TrialFields(friend.Id, "", " ")),
            ("Choose a support person on standby from the client's support network.", ReconnectingArrange.TrialFields(someoneElses.Id)),
            ("Choose a support person on standby from the client's support network.", ReconnectingArrange.TrialFields(null)),
            ("Choose a support person on standby from the client's support network.",
                ReconnectingArrange.TrialFields(null).Select(f => f.Key == "StandbyPersonId" ? new KeyValuePair<string, string>(f.Key, "not-an-id") : f).ToList()),
            ("Give the first meeting's length as a number of minutes.",
                ReconnectingArrange.TrialFields(risk.Id).Select(f => f.Key == "FirstMeetingMinutes" ? new KeyValuePair<string, string>(f.Key, "an hour") : f).ToList()),
        };
        foreach (var (message, fields) in cases)
        {
            var response = await session.PostFormAsync(path, path, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        Assert.Empty(await ReconnectingArrange.PlansAsync(app, boundary.Id));
    }

    [Fact]
    public async Task A_return_from_a_page_shown_before_the_plan_was_edited_is_refused_rather_than_record_another_criterion()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var boundary = await BoundaryArrange.BoundaryAsync(app, client, LowContact());
        var friend = await BoundaryArrange.PersonAsync(app, client, "Priya Standby", SupportRole.Supportive);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/boundaries/{boundary.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync($"{path}/trial/new", $"{path}/trial/new", ReconnectingArrange.TrialFields(friend.Id))).StatusCode);
        var plan = Assert.Single(await ReconnectingArrange.PlansAsync(app, boundary.Id));
        var end = $"{path}/trial/{plan.Id}/end";
        var shownFirst = await ReconnectingArrange.EndFieldsAsync(session, end, [new("Criterion", "1")]); // the first criterion, as the page showed it

        var edit = $"{path}/trial/{plan.Id}/edit"; // another window puts the criteria the other way round
        var reordered = ReconnectingArrange.TrialFields(friend.Id, ReconnectingArrange.Criteria[1], ReconnectingArrange.Criteria[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(edit, edit, reordered)).StatusCode);
        var before = await Arrange.FingerprintAsync(app);

        var stale = await session.PostFormAsync(end, end, shownFirst);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(Web.Mvc.Refusals.ChangedElsewhere, WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        Assert.True(Assert.Single(await ReconnectingArrange.PlansAsync(app, boundary.Id)).InForce);
    }

    [Fact]
    public async Task A_return_without_a_criterion_or_with_a_tampered_plan_id_saves_nothing()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var boundary = await BoundaryArrange.BoundaryAsync(app, client, LowContact());
        var otherBoundary = await BoundaryArrange.BoundaryAsync(app, client, LowContact() with { PersonName = "Uncle" });
        var friend = await BoundaryArrange.PersonAsync(app, client, "Priya Standby", SupportRole.Supportive);
        var (trial, _) = await ReconnectingArrange.TrialAndReflectionAsync(app, client.Id, boundary.Id, friend.Id, "Mark");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/boundaries/{boundary.Id}/trial/{trial}/end";
        var before = await Arrange.FingerprintAsync(app);

        foreach (var fields in new KeyValuePair<string, string>[][] { [], [new("Criterion", "0"), new("OtherReason", " ")], [new("Criterion", "7")] })
        {
            var response = await session.PostFormAsync(path, path, await ReconnectingArrange.EndFieldsAsync(session, path, fields));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(TrialExit.ChooseOne, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
        var tampered = $"/clinician/clients/{client.Id}/boundaries/{otherBoundary.Id}/trial/{trial}/end";
        Assert.Equal(HttpStatusCode.NotFound, (await session.PostFormAsync(path, tampered, [new("Criterion", "1")])).StatusCode);

        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task The_clinician_marks_a_reflection_reviewed_with_the_time_and_a_discharged_client_is_read_only()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var boundary = await BoundaryArrange.BoundaryAsync(app, client, LowContact());
        var friend = await BoundaryArrange.PersonAsync(app, client, "Priya Standby", SupportRole.Supportive);
        var (_, reflection) = await ReconnectingArrange.TrialAndReflectionAsync(app, client.Id, boundary.Id, friend.Id, "Reflect");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/boundaries/{boundary.Id}";

        Assert.Contains("Reflect answer", await session.GetPageAsync(path));
        var reviewed = await session.PostFormAsync(path, $"{path}/reflections/{reflection}/reviewed", []);
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        var row = await ReconnectingArrange.SingleAsync<ReadinessReflection>(app, q => q.Where(r => r.Id == reflection));
        Assert.NotNull(row.ReviewedAt);
        Assert.Equal(await Arrange.UserIdAsync(app, Arrange.MorganEmail), row.ReviewedById);
        Assert.Contains("Reviewed with the clinician", await session.GetPageAsync(path));
        Assert.Contains(await Arrange.AuditAsync(app, client.Id),
            a => a is { Action: AuditActions.Review, RecordType: AuditRecords.ReadinessReflection } && a.RecordId == reflection.ToString());

        // Once discharged, no plan can be written.
        var uncle = await BoundaryArrange.BoundaryAsync(app, client, LowContact() with { PersonName = "Uncle" });
        await session.PostFormAsync($"/clinician/clients/{client.Id}", $"/clinician/clients/{client.Id}/status", [new("status", "Discharged")]);
        var before = await Arrange.FingerprintAsync(app);
        var uncles = $"/clinician/clients/{client.Id}/boundaries/{uncle.Id}";
        var refused = await session.PostFormAsync(uncles, $"{uncles}/trial/new", ReconnectingArrange.TrialFields(friend.Id));
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }
}
