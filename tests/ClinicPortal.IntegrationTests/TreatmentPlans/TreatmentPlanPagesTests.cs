using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Measures;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Concurrency;
using ClinicPortal.IntegrationTests.Measures;
using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.TreatmentPlans;

public sealed class TreatmentPlanPagesTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task The_same_revision_signed_several_times_at_once_is_signed_once()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Sid Simultaneous");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var (page, edit) = ($"/clinician/clients/{client.Id}/treatment-plan", $"/clinician/clients/{client.Id}/treatment-plan/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(edit, edit, TreatmentPlanArrange.Fields(goals: "Sleep through most nights"))).StatusCode);
        var token = await session.TokenFromAsync(page);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => session.Http.PostAsync($"{page}/sign",
            new FormUrlEncodedContent([new("revision", "1"), new("__RequestVerificationToken", token)]))));

        Assert.True((await TreatmentPlanArrange.RevisionsAsync(app, client.Id)).Single().IsSigned);
        Assert.Equal(1, (await Arrange.AuditAsync(app, client.Id)).Count(a => a is { Action: AuditActions.Sign, RecordType: AuditRecords.TreatmentPlan }));
    }

    [Fact]
    public async Task A_clinician_writes_signs_and_revises_a_plan_and_the_client_reads_and_acknowledges_the_signed_one()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Tess Treatment");
        var clientId = login.Client.Id;
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var (page, edit) = ($"/clinician/clients/{clientId}/treatment-plan", $"/clinician/clients/{clientId}/treatment-plan/edit");
        var client = await CheckInArrange.SignedInAsync(app, login);

        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(edit, edit, TreatmentPlanArrange.Fields(goals: "Sleep through most nights"))).StatusCode);
        Assert.Contains("Revision 1 is a draft", await session.GetPageAsync(page));
        Assert.Contains("data-testid=\"no-plan\"", await client.GetPageAsync("/client/plan")); // a draft is never shown to the client

        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(page, $"{page}/sign", [new("revision", "1")])).StatusCode);
        Assert.Contains("Revision 1 signed", await session.GetPageAsync(page));
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(page, $"{page}/sign", [new("revision", "1")])).StatusCode);
        Assert.Contains("Revision 1 is already signed", await session.GetPageAsync(page));

        // The client reads the signed plan in plain words and acknowledges it; a second time says so and changes nothing.
        var mine = await client.GetPageAsync("/client/plan");
        Assert.Contains("Sleep through most nights", mine);
        Assert.Contains("What we are working on", mine);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/client/plan", "/client/plan/acknowledge", [])).StatusCode);
        Assert.Contains("Your clinician can see that you have read your plan", await client.GetPageAsync("/client/plan"));
        var acknowledgedAt = (await TreatmentPlanArrange.RevisionsAsync(app, clientId)).Single().AcknowledgedAt;
        Assert.NotNull(acknowledgedAt);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/client/plan", "/client/plan/acknowledge", [])).StatusCode);
        Assert.Contains("You already said you have read this plan", await client.GetPageAsync("/client/plan"));
        Assert.Equal(acknowledgedAt, (await TreatmentPlanArrange.RevisionsAsync(app, clientId)).Single().AcknowledgedAt);
        Assert.Contains("The client acknowledged it on", await session.GetPageAsync(page));

        // Editing the signed plan makes a new draft; the client still reads revision 1 until it is signed.
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(edit, edit, TreatmentPlanArrange.Fields(goals: ["Sleep through most nights", "Walk three times a week"]))).StatusCode);
        var revised = await session.GetPageAsync(page);
        Assert.Contains("Revision 2 is a draft", revised);
        Assert.Equal(2, revised.Split("data-testid=\"plan-revision\"").Length - 1);
        Assert.Contains("1 goal added or changed.", revised);
        Assert.DoesNotContain("Walk three times a week", await client.GetPageAsync("/client/plan"));

        var revisions = await TreatmentPlanArrange.RevisionsAsync(app, clientId);
        Assert.Equal([true, false], revisions.Select(r => r.IsSigned));
        var audit = await Arrange.AuditAsync(app, clientId);
        Assert.Contains(audit, a => a is { Action: AuditActions.Create, RecordType: AuditRecords.TreatmentPlan });
        Assert.Contains(audit, a => a is { Action: AuditActions.Update, RecordType: AuditRecords.TreatmentPlan });
        Assert.Equal(1, audit.Count(a => a is { Action: AuditActions.Sign, RecordType: AuditRecords.TreatmentPlan }));
        Assert.Equal(1, audit.Count(a => a.Action == AuditActions.Acknowledge && a.RecordType == AuditRecords.TreatmentPlan && a.UserId == login.UserId));
        Assert.Contains(audit, a => a.Action == AuditActions.View && a.RecordType == AuditRecords.TreatmentPlan && a.UserId == login.UserId);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Sleep through most nights") || l.Contains("Low mood since the separation"));
    }

    [Fact]
    public async Task A_questionnaire_goal_reads_the_clients_questionnaires_once_one_was_given()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Quinn Questionnaire");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var (page, edit) = ($"/clinician/clients/{client.Id}/treatment-plan", $"/clinician/clients/{client.Id}/treatment-plan/edit");
        var fields = TreatmentPlanArrange.Fields().With("Goals[0].Kind", "Measure").With("Goals[0].Instrument", Instruments.Phq9Code)
            .With("Goals[0].Comparison", "Below").With("Goals[0].Threshold", "10").With("Goals[0].Weeks", "4");
        // PHQ-9 totals of 12, then 6 and 4 over the last five weeks: below 10 for more than four weeks.
        foreach (var (answers, daysAgo) in new[] { (new int?[] { 2, 2, 2, 2, 2, 2, 0, 0, 0 }, 50), ([1, 1, 1, 1, 1, 1, 0, 0, 0], 35), ([1, 1, 1, 1, 0, 0, 0, 0, 0], 3) })
            await MeasuresArrange.SentAsync(app, client, Instruments.Phq9Code, answers, DateTimeOffset.UtcNow.AddDays(-daysAgo));

        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(edit, edit, fields)).StatusCode);

        var shown = await session.GetPageAsync(page);
        Assert.Contains("data-testid=\"goal-status\">Met</span>", shown);
    }

    public static TheoryData<string, string> BadPlans => new()
    {
        { "empty goal", "Goal 1&#x27;s description is required." },
        { "target date in the past", "Goal 1&#x27;s target date is in the past." },
        { "another client's boundary", "Goal 1: choose one of this client&#x27;s boundaries." },
        { "a measure never given", "Goal 1: the PHQ-9 has not been given to this client." },
        { "no presenting problems", "Presenting problems is required." },
        { "unreadable threshold", "A goal could not be read" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task A_bad_plan_is_refused_with_a_message_and_nothing_is_saved(string bad, string message)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var other = await Arrange.ClientAsync(app, Arrange.RileyEmail);
        var theirs = await BoundaryArrange.BoundaryAsync(app, other, BoundaryArrange.Plan("Riley's client's ex"));
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var edit = $"/clinician/clients/{client.Id}/treatment-plan/edit";
        var fields = TreatmentPlanArrange.Fields();
        fields = bad switch
        {
            "empty goal" => fields.With("Goals[0].Description", "").With("Goals[0].Kind", nameof(Core.TreatmentPlans.CriterionKind.CheckInSignal)),
            "target date in the past" => fields.With("Goals[0].TargetDate", TreatmentPlanArrange.Day(-1)),
            "another client's boundary" => fields.With("Goals[0].Kind", "Boundary").With("Goals[0].BoundaryId", theirs.Id.ToString()),
            "a measure never given" => fields.With("Goals[0].Kind", "Measure").With("Goals[0].Instrument", "PHQ-9").With("Goals[0].Comparison", "Below")
                .With("Goals[0].Threshold", "10").With("Goals[0].Weeks", "4"),
            "no presenting problems" => fields.With("PresentingProblems", " "),
            _ => fields.With("Goals[0].Threshold", "ten"),
        };
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true);

        var response = await session.PostFormAsync(edit, edit, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.DoesNotContain("Riley&#x27;s client&#x27;s ex", html);
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
    }

    [Fact]
    public async Task A_boundary_goal_shows_whether_every_channel_is_closed_and_an_overdue_review_shows_on_the_caseload()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Bea Boundary");
        var boundary = await BoundaryArrange.BoundaryAsync(app, client, BoundaryArrange.Plan("Bea's ex") with
        {
            Channels = [new ChannelEntry(BoundaryChannel.PhoneBlocked, ChannelStatus.Done), new ChannelEntry(BoundaryChannel.EmailBlocked, ChannelStatus.Planned)],
        });
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var (page, edit) = ($"/clinician/clients/{client.Id}/treatment-plan", $"/clinician/clients/{client.Id}/treatment-plan/edit");
        var fields = TreatmentPlanArrange.Fields(goals: "Every channel closed").With("Goals[0].Kind", "Boundary").With("Goals[0].BoundaryId", boundary.Id.ToString());

        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(edit, edit, fields)).StatusCode);
        var shown = await session.GetPageAsync(page);
        Assert.Contains("Every channel closed with Bea&#x27;s ex by", shown);
        Assert.Contains(">Not yet<", shown);
        Assert.DoesNotContain("data-testid=\"caseload-plan-review\"", CaseloadRowOf(await session.GetPageAsync("/clinician"), "Bea Boundary"));

        await CheckInArrange.SqlAsync(app, $"UPDATE treatment_plans SET review_date = {TreatmentPlanArrange.Today.AddDays(-1)} WHERE client_id = {client.Id}");
        Assert.Contains("data-testid=\"plan-review-overdue\"", await session.GetPageAsync(page));
        Assert.Contains("data-testid=\"caseload-plan-review\"", CaseloadRowOf(await session.GetPageAsync("/clinician"), "Bea Boundary"));
        Assert.Contains("Bea Boundary", await session.GetPageAsync("/clinician?signal=PlanReviewOverdue"));
    }

    [Fact]
    public async Task Signing_a_revision_older_than_the_latest_is_refused_and_a_discharged_clients_plan_is_read_only()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var (page, edit) = ($"/clinician/clients/{client.Id}/treatment-plan", $"/clinician/clients/{client.Id}/treatment-plan/edit");
        await session.PostFormAsync(edit, edit, TreatmentPlanArrange.Fields(goals: "One"));
        await session.PostFormAsync(edit, edit, TreatmentPlanArrange.Fields(goals: "Two"));

        await session.PostFormAsync(page, $"{page}/sign", [new("revision", "1")]);
        Assert.Contains("Revision 2 was saved after the one you were reading", await session.GetPageAsync(page));
        Assert.Equal([false, false], (await TreatmentPlanArrange.RevisionsAsync(app, client.Id)).Select(r => r.IsSigned));

        await CheckInArrange.SqlAsync(app, $"UPDATE clients SET status = {(int)ClientStatus.Discharged} WHERE id = {client.Id}");
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true);
        await session.PostFormAsync(page, $"{page}/sign", [new("revision", "2")]);
        var refused = await session.PostFormAsync(edit, edit, TreatmentPlanArrange.Fields(goals: "Three"));
        Assert.Contains(Client.ReadOnlyMessage, await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"sign-plan\"", await session.GetPageAsync(page));
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
    }

    [Fact]
    public async Task A_client_never_reaches_another_clients_plan()
    {
        var mine = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Mona Mine");
        var theirs = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Theo Theirs");
        await TreatmentPlanArrange.SignedPlanAndTaskAsync(app, theirs.Client, "Theo's private");
        var client = await CheckInArrange.SignedInAsync(app, mine);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true);

        var page = await client.GetPageAsync("/client/plan");
        await client.PostFormAsync("/client/plan", "/client/plan/acknowledge", []);

        Assert.Contains("data-testid=\"no-plan\"", page);
        Assert.DoesNotContain("Theo&#x27;s private", page);
        Assert.Null((await TreatmentPlanArrange.RevisionsAsync(app, theirs.Client.Id)).Single().AcknowledgedAt);
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
    }

    private static string CaseloadRowOf(string html, string name)
    {
        var start = html.IndexOf($"data-full-name=\"{name}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{name} is not on the caseload");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
