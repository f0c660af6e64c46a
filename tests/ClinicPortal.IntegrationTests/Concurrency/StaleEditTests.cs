using System.Net;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.IntegrationTests.Administration;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.ContactSafety;
using ClinicPortal.IntegrationTests.Measures;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.IntegrationTests.TreatmentPlans;
using ClinicPortal.Testing;
using ClinicPortal.Web.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Concurrency;

/// <summary>
/// No lost updates: every edit form is loaded in two windows, one saves, then the other saves. The second save is refused
/// with the one "saved in another window" message, the page shows the first save's value with its newer version, and
/// the first save is what stays.
/// </summary>
public sealed class StaleEditTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private const string Morgan = Arrange.MorganEmail;

    /// <param name="Arrange">Makes the row and signs in; the page showing the form, and the form's target.</param>
    /// <param name="Field">The field both windows change, each in its own way.</param>
    private sealed record EditForm(
        Func<DemoClinicApp, Task<(BrowserSession Session, string Page, string Action)>> Arrange, string Field,
        Func<List<KeyValuePair<string, string>>, List<KeyValuePair<string, string>>> First,
        Func<List<KeyValuePair<string, string>>, List<KeyValuePair<string, string>>> Second);

    private static EditForm Changing(Func<DemoClinicApp, Task<(BrowserSession, string, string)>> arrange, string field, string first, string second) =>
        new(arrange, field, f => f.With(field, first), f => f.With(field, second));

    private static readonly Dictionary<string, EditForm> Forms = new()
    {
        ["client record"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var page = $"/clinician/clients/{client.Id}/edit";
            return (await Arrange.SignedInAsync(app, Morgan), page, page);
        }, "Phone", "+1 555 0111", "+1 555 0222"),
        ["case note draft"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var note = await Arrange.NoteAsync(app, client, signed: false);
            var page = $"/clinician/clients/{client.Id}/notes/{note.Id}/edit";
            return (await Arrange.SignedInAsync(app, Morgan), page, page);
        }, "Subjective", "Written in the first window", "Written in the second window"),
        ["safety plan"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var session = await Arrange.SignedInAsync(app, Morgan);
            var page = $"/clinician/clients/{client.Id}/safety/plan";
            Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(page, page, [new("WarningSigns", "Not sleeping")])).StatusCode);
            return (session, page, page);
        }, "WarningSigns", "Pacing at night", "Skipping meals"),
        ["safety concern"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var concern = await ArrangeSafety.ConcernAsync(app, client);
            var page = $"/clinician/clients/{client.Id}/safety/concerns/{concern.Id}/edit";
            return (await Arrange.SignedInAsync(app, Morgan), page, page);
        }, "Description", "Messages from a new number", "Seen outside work"),
        ["contact-safety profile"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            await ContactSafetyArrange.ProfileAsync(app, client.Id, ContactChannels.Email | ContactChannels.Phone);
            var page = $"/clinician/clients/{client.Id}/contact-safety";
            return (await Arrange.SignedInAsync(app, Morgan), page, page);
        }, "Note", "Calls only after six", "Texts only"),
        ["protective order"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var order = await ProtectiveOrders.OrderArrange.OrderAsync(app, client, await BoundaryArrange.BoundaryAsync(app, client));
            var page = $"/clinician/clients/{client.Id}/safety/orders/{order.Id}/edit";
            return (await Arrange.SignedInAsync(app, Morgan), page, page);
        }, "Notes", "Copy kept at the office", "Copy kept at home"),
        ["boundary"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var boundary = await BoundaryArrange.BoundaryAsync(app, client);
            var page = $"/clinician/clients/{client.Id}/boundaries/{boundary.Id}/edit";
            return (await Arrange.SignedInAsync(app, Morgan), page, page);
        }, "PlannedLength", "Six months", "One year"),
        ["trial-contact plan"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var boundary = await BoundaryArrange.BoundaryAsync(app, client, BoundaryArrange.Plan() with { DoorOpen = true });
            var person = await BoundaryArrange.PersonAsync(app, client, "Pat Standby", SupportRole.Supportive);
            var (trial, _) = await Reconnecting.ReconnectingArrange.TrialAndReflectionAsync(app, client.Id, boundary.Id, person.Id, "Stale");
            var page = $"/clinician/clients/{client.Id}/boundaries/{boundary.Id}/trial/{trial}/edit";
            return (await Arrange.SignedInAsync(app, Morgan), page, page);
        }, "Frequency", "Once a week", "Twice a month"),
        ["session"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var session = await Arrange.SessionAsync(app, client, DateTimeOffset.UtcNow.AddDays(3));
            var page = $"/clinician/clients/{client.Id}/sessions/{session.Id}/edit";
            return (await Arrange.SignedInAsync(app, Morgan), page, page);
        }, "DurationMinutes", "60", "45"),
        ["support-network person"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var person = await BoundaryArrange.PersonAsync(app, client, "Pat Friend", SupportRole.Supportive);
            var page = $"/clinician/clients/{client.Id}/support/{person.Id}/edit";
            return (await Arrange.SignedInAsync(app, Morgan), page, page);
        }, "Phone", "+1 555 0333", "+1 555 0444"),
        ["self-care checklist"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var session = await Arrange.SignedInAsync(app, Morgan);
            var (page, action) = ($"/clinician/clients/{client.Id}/check-ins", $"/clinician/clients/{client.Id}/check-ins/self-care");
            Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(page, action, [new("Items", "Walk\nTea")])).StatusCode);
            return (session, page, action);
        }, "Items", "Walk\nCall my sister", "Bath\nRead"),
        ["treatment plan"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var session = await Arrange.SignedInAsync(app, Morgan);
            var page = $"/clinician/clients/{client.Id}/treatment-plan/edit";
            Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(page, page, TreatmentPlanArrange.Fields())).StatusCode);
            return (session, page, page);
        }, "PresentingProblems", "Low mood in the evenings", "Panic on the way to work"),
        ["task between sessions"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var task = await TreatmentPlanArrange.SignedPlanAndTaskAsync(app, client, "Stale");
            var page = $"/clinician/clients/{client.Id}/tasks/{task}/edit";
            return (await Arrange.SignedInAsync(app, Morgan), page, page);
        }, "Title", "Rehearse the script", "Set a filter for unknown callers"),
        ["clinic settings"] = Changing(async app =>
            (await AdminArrange.AdminAsync(app), "/admin/settings", "/admin/settings"), "Name", "First Window Clinic", "Second Window Clinic"),
        ["crisis resource"] = Changing(async app =>
        {
            await using var scope = app.SystemScope();
            var id = await app.SystemDb(scope).Set<CrisisResource>().OrderBy(r => r.SortOrder).Select(r => r.Id).FirstAsync();
            return (await AdminArrange.AdminAsync(app), $"/admin/crisis-resources/{id}", $"/admin/crisis-resources/{id}");
        }, "WhenToUse", "Any time, day or night", "When you need to talk"),
        ["client's own check-in"] = Changing(async app =>
        {
            var login = await CheckInArrange.ClientWithSignInAsync(app, Morgan);
            var checkIn = await CheckInArrange.CheckInAsync(app, login.Client.Id, DateTimeOffset.UtcNow);
            var page = $"/client/check-ins/{checkIn.Id}";
            return (await CheckInArrange.SignedInAsync(app, login), page, page);
        }, "Mood", "2", "8"),
        ["client's own contact safety"] = new(async app =>
        {
            var login = await CheckInArrange.ClientWithSignInAsync(app, Morgan);
            await ContactSafetyArrange.ProfileAsync(app, login.Client.Id, ContactChannels.Email | ContactChannels.Phone | ContactChannels.Text);
            return (await CheckInArrange.SignedInAsync(app, login), "/client/contact-safety", "/client/contact-safety");
        }, "SafeChannels", f => f.Without("SafeChannels", nameof(ContactChannels.Phone)), f => f.Without("SafeChannels", nameof(ContactChannels.Text))),
        // Questionnaires: a draft saved in two windows (a sent one is refused outright, MeasurePagesTests).
        ["client's own questionnaire draft"] = new(async app =>
        {
            var login = await CheckInArrange.ClientWithSignInAsync(app, Morgan);
            var given = await MeasuresArrange.GivenAsync(app, login.Client);
            var page = $"/client/measures/{given.Id}";
            return (await CheckInArrange.SignedInAsync(app, login), page, page);
        }, "Answers[0]", f => f.With("Answers[0]", "1").With("SaveOnly", "true"), f => f.With("Answers[0]", "2").With("SaveOnly", "true")),
        ["questionnaire entered in session"] = new(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var given = await MeasuresArrange.GivenAsync(app, client, ClinicPortal.Core.Measures.Instruments.Gad7Code);
            var page = $"/clinician/clients/{client.Id}/measures/{given.Id}";
            return (await Arrange.SignedInAsync(app, Morgan), page, page);
        }, "Answers[0]", f => f.With("Answers[0]", "3").With("SaveOnly", "true"), f => f.With("Answers[0]", "0").With("SaveOnly", "true")),
        // Incident entries: a correction inside the window, by the entry's author.
        ["incident entry correction"] = Changing(async app =>
        {
            var client = await Arrange.ClientAsync(app, Morgan);
            var entry = await Incidents.IncidentArrange.WriteAsync(app, client.Id, client.PrimaryClinicianId, by: ClinicPortal.Core.Incidents.IncidentAuthor.Clinician);
            var page = $"/clinician/clients/{client.Id}/incidents/{entry.Id}/correct";
            return (await Arrange.SignedInAsync(app, Morgan), page, page);
        }, "Account", "Corrected in the first window", "Corrected in the second window"),
        ["client's own note of contact correction"] = Changing(async app =>
        {
            var login = await CheckInArrange.ClientWithSignInAsync(app, Morgan);
            var entry = await Incidents.IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId);
            var page = $"/client/log/{entry.Id}/correct";
            return (await CheckInArrange.SignedInAsync(app, login), page, page);
        }, "Account", "Corrected in the first window", "Corrected in the second window"),
    };

    public static TheoryData<string> FormNames => [.. Forms.Keys];

    [Theory]
    [MemberData(nameof(FormNames))]
    public async Task A_save_from_a_window_opened_before_another_save_is_refused_and_shows_the_newer_version(string form)
    {
        var edit = Forms[form];
        var (session, page, action) = await edit.Arrange(app);
        var loaded = HtmlForm.FieldsOf(await session.GetPageAsync(page), action);
        Assert.Single(loaded.Values(BrowserSession.VersionField));
        var (first, second) = (edit.First(loaded), edit.Second(loaded));
        Assert.NotEqual(first.Values(edit.Field), second.Values(edit.Field));

        var saved = await session.PostFormAsync(page, action, first);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var before = await Arrange.FingerprintAsync(app);

        var stale = await session.PostFormAsync(page, action, second);
        var refusal = await stale.Content.ReadAsStringAsync();
        Assert.True(stale.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{form}: {stale.StatusCode} " + string.Join("\n", app.Logs.Lines.Where(l => l.Contains("Exception")).TakeLast(2)));
        Assert.Contains(Refusals.ChangedElsewhere, WebUtility.HtmlDecode(refusal));
        var shown = HtmlForm.FieldsOf(refusal, action);
        Assert.Equal(first.Values(edit.Field), shown.Values(edit.Field)); // the newer version is on screen...
        Assert.NotEqual(loaded.Values(BrowserSession.VersionField), shown.Values(BrowserSession.VersionField)); // ...with its version

        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        var now = HtmlForm.FieldsOf(await session.GetPageAsync(page), action);
        Assert.Equal(first.Values(edit.Field), now.Values(edit.Field)); // the first save stays
    }

    [Fact]
    public async Task Signing_a_note_changed_in_another_window_since_it_was_shown_is_refused_and_the_newer_text_shown()
    {
        var client = await Arrange.ClientAsync(app, Morgan);
        var note = await Arrange.NoteAsync(app, client, signed: false, subjective: "What the clinician read");
        var session = await Arrange.SignedInAsync(app, Morgan);
        var path = $"/clinician/clients/{client.Id}/notes/{note.Id}";
        var shown = BrowserSession.VersionOn(await session.GetPageAsync(path))!;
        var edit = HtmlForm.FieldsOf(await session.GetPageAsync($"{path}/edit"), $"{path}/edit").With("Subjective", "Changed in another window");
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync($"{path}/edit", $"{path}/edit", edit)).StatusCode);

        var sign = await session.PostFormAsync(path, $"{path}/sign", [new(BrowserSession.VersionField, shown)]);

        Assert.Equal(HttpStatusCode.Redirect, sign.StatusCode);
        var page = WebUtility.HtmlDecode(await session.GetPageAsync(path));
        Assert.Contains(Refusals.ChangedElsewhere, page);
        Assert.Contains("Changed in another window", page);
        Assert.Contains("data-testid=\"sign-note\"", page); // still a draft
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(path, $"{path}/sign", [])).StatusCode); // the version now shown signs
        Assert.DoesNotContain("data-testid=\"sign-note\"", await session.GetPageAsync(path));
    }
}
