using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.Reconnecting;

public sealed class ClientReflectionTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static BoundaryDetails Mother(bool doorOpen = true) => BoundaryArrange.Plan("Mother") with
    {
        Relationship = RelationshipType.Parent, ContactLevel = ContactLevel.LowContact, DoorOpen = doorOpen,
        Conditions = [new ConditionItem("SHARED she calls once a fortnight", true, ConditionStatus.Met, BoundaryArrange.Today, "EVIDENCE four calls")],
    };

    [Fact]
    public async Task A_client_writes_a_dated_reflection_the_clinician_reads_on_the_boundary()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Rhea Reflects");
        var boundary = await BoundaryArrange.BoundaryAsync(app, login.Client, Mother());
        var client = await CheckInArrange.SignedInAsync(app, login);

        var home = WebUtility.HtmlDecode(await client.GetPageAsync("/client"));
        Assert.Contains("SHARED she calls once a fortnight", home);
        Assert.Contains("EVIDENCE four calls", home); // a shared condition shows its status and evidence to the client
        Assert.Contains("data-testid=\"open-reflection\"", home);

        var saved = await client.PostFormAsync("/client/reflection", "/client/reflection",
            [new("BoundaryId", boundary.Id.ToString()), new("Resentment", " Mostly worked through. "), new("WontAccept", "Being shouted at.")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reflection = await ReconnectingArrange.SingleAsync<ReadinessReflection>(app, q => q.Where(r => r.ClientId == login.Client.Id));
        Assert.Equal([(ReadinessQuestion.Resentment, "Mostly worked through."), (ReadinessQuestion.WontAccept, "Being shouted at.")],
            reflection.Answers.Select(a => (a.Question, a.Text)));
        Assert.Equal(boundary.Id, reflection.BoundaryId);
        Assert.Contains("Being shouted at.", await client.GetPageAsync("/client/reflection"));

        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = await clinician.GetPageAsync($"/clinician/clients/{login.Client.Id}/boundaries/{boundary.Id}");
        Assert.Contains("Being shouted at.", page);
        Assert.Contains("mark-reviewed", page);
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id),
            a => a is { Action: AuditActions.Create, RecordType: AuditRecords.ReadinessReflection } && a.RecordId == reflection.Id.ToString());
    }

    [Fact]
    public async Task An_empty_reflection_or_one_about_a_boundary_not_open_or_not_theirs_saves_nothing()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Rory Refused");
        var open = await BoundaryArrange.BoundaryAsync(app, login.Client, Mother());
        var closed = await BoundaryArrange.BoundaryAsync(app, login.Client, Mother(doorOpen: false) with { PersonName = "Brother" });
        var someoneElse = await BoundaryArrange.BoundaryAsync(app, await Arrange.ClientAsync(app, Arrange.MorganEmail), Mother());
        var client = await CheckInArrange.SignedInAsync(app, login);
        var before = await Arrange.FingerprintAsync(app);

        var cases = new (string Message, List<KeyValuePair<string, string>> Fields)[]
        {
            (ReflectionAnswers.NeedsOneAnswer, [new("BoundaryId", open.Id.ToString()), new("Resentment", "  ")]),
            ("Choose who this reflection is about.", [new("BoundaryId", closed.Id.ToString()), new("Resentment", "Yes")]),
            ("Choose who this reflection is about.", [new("BoundaryId", someoneElse.Id.ToString()), new("Resentment", "Yes")]),
            ("Choose who this reflection is about.", [new("BoundaryId", "tampered"), new("Resentment", "Yes")]),
        };
        foreach (var (message, fields) in cases)
        {
            var response = await client.PostFormAsync("/client/reflection", "/client/reflection", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task After_a_trial_ends_the_next_visit_offers_a_short_debrief_once_and_the_clinician_sees_it()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Dee Debrief");
        var boundary = await BoundaryArrange.BoundaryAsync(app, login.Client, Mother());
        var friend = await BoundaryArrange.PersonAsync(app, login.Client, "Priya Standby", SupportRole.Supportive);
        var (trial, _) = await ReconnectingArrange.TrialAndReflectionAsync(app, login.Client.Id, boundary.Id, friend.Id, "Debrief");
        var client = await CheckInArrange.SignedInAsync(app, login);

        Assert.DoesNotContain("debrief-offer", await client.GetPageAsync("/client"));
        var before = await Arrange.FingerprintAsync(app);
        var early = await client.PostFormAsync("/client/debrief", "/client/debrief", [new("HowItFelt", "Too early")]);
        Assert.Contains("There is nothing waiting here right now.", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var end = $"/clinician/clients/{login.Client.Id}/boundaries/{boundary.Id}/trial/{trial}/end";
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync(end, end, await ReconnectingArrange.EndFieldsAsync(clinician, end, [new("Criterion", "1")]))).StatusCode);

        var home = await client.GetPageAsync("/client");
        Assert.Contains("A few optional questions are waiting for you", home);
        Assert.DoesNotContain("Debrief criterion", home); // the offer names nothing of the trial

        var empty = await client.PostFormAsync("/client/debrief", "/client/debrief", [new("HowItFelt", " ")]);
        Assert.Contains(ReflectionAnswers.NeedsOneAnswer, WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        var saved = await client.PostFormAsync("/client/debrief", "/client/debrief", [new("HowItFelt", "Relieved, then sad."), new("WhatYouNeedNow", "Rest.")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.DoesNotContain("debrief-offer", await client.GetPageAsync("/client"));
        var debrief = await ReconnectingArrange.SingleAsync<TrialDebrief>(app, q => q.Where(d => d.PlanId == trial));
        Assert.Equal(["Relieved, then sad.", "Rest."], debrief.Answers.Select(a => a.Text));
        var page = await clinician.GetPageAsync($"/clinician/clients/{login.Client.Id}/boundaries/{boundary.Id}");
        Assert.Contains("Relieved, then sad.", page);
        Assert.Contains("Debrief criterion", page);

        // Offered once: a second answer or a skip is refused.
        var again = await client.PostFormAsync("/client/debrief", "/client/debrief/skip", []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(debrief.Id, (await ReconnectingArrange.SingleAsync<TrialDebrief>(app, q => q.Where(d => d.PlanId == trial))).Id);
    }
}
