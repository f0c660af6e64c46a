using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Reconnecting;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.BoundaryPlans;

public sealed class BoundaryPlanTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task A_clinician_builds_a_no_contact_plan_and_network_then_changes_the_level_and_sees_the_history()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Nadia Nocontact");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var boundaries = $"/clinician/clients/{client.Id}/boundaries";

        // A no-contact plan with three reasons (two shared) and two conditions.
        var plan = BoundaryArrange.Plan("Ex-partner (Robin)");
        var created = await session.PostFormAsync($"{boundaries}/new", $"{boundaries}/new", BoundaryArrange.Fields(plan));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.OriginalString;
        var boundaryId = Guid.Parse(path.Split('/').Last());
        var shown = await session.GetPageAsync(path);
        Assert.Contains("Ex-partner (Robin)", shown);
        Assert.Contains("PRIVATE reason two", shown);
        Assert.Equal(3, shown.Split("data-testid=\"shared\"").Length - 1); // two reasons and one condition
        Assert.Contains("School pick-up via the app", shown);

        // Its support network: a supportive crisis contact and a risk person linked to the boundary.
        var support = $"/clinician/clients/{client.Id}/support";
        var friend = await session.PostFormAsync($"{support}/new", $"{support}/new",
            BoundaryArrange.PersonFields("Priya Friend", "Supportive", crisis: true, shared: true));
        var risk = await session.PostFormAsync($"{support}/new", $"{support}/new",
            BoundaryArrange.PersonFields("Dana Relay", "Risk", boundaryId: boundaryId));
        Assert.Equal(HttpStatusCode.Redirect, friend.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, risk.StatusCode);
        var network = await session.GetPageAsync(support);
        Assert.Contains("Priya Friend", network);
        Assert.Contains("Crisis contact", network);
        Assert.Contains("Dana Relay", await session.GetPageAsync(path)); // linked people show on the boundary

        // Change the contact level: no contact → reconnecting (the door must be open for that, and a trial plan written first).
        var priya = await ReconnectingArrange.SingleAsync<SupportPerson>(app, q => q.Where(p => p.ClientId == client.Id && p.Name == "Priya Friend"));
        Assert.Equal(HttpStatusCode.Redirect,
            (await session.PostFormAsync($"{path}/trial/new", $"{path}/trial/new", ReconnectingArrange.TrialFields(priya.Id))).StatusCode);
        var reconnect = BoundaryArrange.Fields(plan with { ContactLevel = ContactLevel.Reconnecting, DoorOpen = true });
        var edited = await session.PostFormAsync($"{path}/edit", $"{path}/edit", reconnect);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var history = await session.GetPageAsync($"{path}/history");
        Assert.Equal(2, history.Split("data-testid=\"revision\"").Length - 1);
        Assert.Contains("Contact level: No contact → Reconnecting; Door open to reconnect: No → Yes.", WebUtility.HtmlDecode(history));
        Assert.Contains("Toward contact: no contact → reconnecting", WebUtility.HtmlDecode(history));
        Assert.Contains("Boundary recorded at no contact", history);
        Assert.Contains("Dr. Morgan Example", history);

        var revisions = await BoundaryArrange.RevisionsAsync(app, boundaryId);
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        Assert.Equal([null, ContactLevel.NoContact], revisions.Select(r => r.PreviousContactLevel));
        Assert.Equal(ContactLevel.Reconnecting, revisions[1].ReadSnapshot().ContactLevel);

        var audit = await Arrange.AuditAsync(app, client.Id);
        var onBoundary = audit.Where(a => a.RecordId == boundaryId.ToString()).Select(a => (a.Action, a.RecordType)).ToList();
        Assert.Contains((AuditActions.Create, AuditRecords.Boundary), onBoundary);
        Assert.Contains((AuditActions.Update, AuditRecords.Boundary), onBoundary);
        Assert.Contains((AuditActions.View, AuditRecords.Boundary), onBoundary);
        Assert.Contains((AuditActions.View, AuditRecords.BoundaryRevision), onBoundary);
        Assert.Equal(2, audit.Count(a => a is { Action: AuditActions.Create, RecordType: AuditRecords.SupportPerson }));
        Assert.Contains(audit, a => a is { Action: AuditActions.View, RecordType: AuditRecords.SupportPerson, RecordId: null });
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("SHARED reason") || l.Contains("Robin") || l.Contains("Priya Friend"));
    }

    [Fact]
    public async Task Any_two_revisions_can_be_compared_field_by_field_and_item_by_item()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var v1 = BoundaryArrange.Plan();
        var v2 = v1 with { ReviewDate = v1.ReviewDate!.Value.AddDays(14) };
        var v3 = v2 with
        {
            ContactLevel = ContactLevel.LowContact,
            Reasons = [new("SHARED reason three", false), new("SHARED reason one", true), new("NEW reason four", true)],
        };
        var boundary = await BoundaryArrange.BoundaryAsync(app, client, v1, v2, v3);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/boundaries/{boundary.Id}";

        var page = WebUtility.HtmlDecode(await session.GetPageAsync($"{path}/compare?from=1&to=3"));

        Assert.Contains("Revision 1 compared with 3", page);
        Assert.Contains("Contact level: No contact → Low contact", page);
        Assert.Contains("Reasons: 1 added, 1 removed, sharing changed on 1, reordered.", page);
        Assert.Equal(2, page.Split("data-testid=\"changed-field\"").Length - 1); // contact level and review date
        Assert.Contains("Sharing: shared → not shared", page);
        Assert.Contains(">Added<", page);
        Assert.Contains(">Removed<", page);
        Assert.Contains("PRIVATE reason two", page);
        Assert.Contains("data-testid=\"field\"", page);
        var changesOnly = await session.GetPageAsync($"{path}/compare?from=1&to=3&only=true");
        Assert.DoesNotContain("data-testid=\"field\"", changesOnly);
        Assert.Equal(2, changesOnly.Split("data-testid=\"changed-field\"").Length - 1);

        // Reversed numbers are put in order; unknown numbers are not found.
        Assert.Contains("Revision 1 compared with 3", WebUtility.HtmlDecode(await session.GetPageAsync($"{path}/compare?from=3&to=1")));
        Assert.Contains("Revision 2 as saved", await session.GetPageAsync($"{path}/compare?from=2&to=2"));
        Assert.Contains("Revision 2 compared with 3", await session.GetPageAsync($"{path}/compare"));
        Assert.Equal(HttpStatusCode.NotFound, (await session.Http.GetAsync($"{path}/compare?from=1&to=9")).StatusCode);
    }

    [Fact]
    public async Task Bad_boundary_input_gets_a_clear_message_and_nothing_is_saved()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var existing = await BoundaryArrange.BoundaryAsync(app, client);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var boundaries = $"/clinician/clients/{client.Id}/boundaries";
        var plan = BoundaryArrange.Plan();
        var before = await Arrange.FingerprintAsync(app);

        var cases = new (string Message, List<KeyValuePair<string, string>> Fields)[]
        {
            ("Person or group is required.", BoundaryArrange.Fields(plan with { PersonName = "" })),
            ("The review date cannot be before the start date.", BoundaryArrange.Fields(plan with { ReviewDate = plan.StartDate!.Value.AddDays(-1) })),
            ("Each channel can be listed only once", BoundaryArrange.Fields(plan with
                { Channels = [new(BoundaryChannel.EmailBlocked, ChannelStatus.Done), new(BoundaryChannel.EmailBlocked, ChannelStatus.Planned)] })),
            ("Reasons can hold at most 15 items", BoundaryArrange.Fields(plan with
                { Reasons = Enumerable.Range(1, 16).Select(i => new PlanItem($"Reason {i}", true)).ToList() })),
            ("Each condition must be at most 500 characters.", BoundaryArrange.Fields(plan with { Conditions = [new(new string('c', 501), false)] })),
            ("means the door is open", BoundaryArrange.Fields(plan with { ContactLevel = ContactLevel.Reconnecting, DoorOpen = false })),
            ("Choose the relationship.", BoundaryArrange.Fields(plan).Where(f => f.Key != "Relationship").ToList()),
            ("is not valid", BoundaryArrange.Fields(plan).Select(f => f.Key == "ContactLevel" ? new KeyValuePair<string, string>(f.Key, "Sometimes") : f).ToList()),
        };
        foreach (var (message, fields) in cases)
        {
            var created = await session.PostFormAsync($"{boundaries}/new", $"{boundaries}/new", fields);
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync()));

            var path = $"{boundaries}/{existing.Id}/edit";
            var edited = await session.PostFormAsync(path, path, fields);
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await edited.Content.ReadAsStringAsync()));
        }

        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        Assert.Single(await BoundaryArrange.RevisionsAsync(app, existing.Id));
    }

    [Fact]
    public async Task A_save_without_changes_writes_no_revision_and_a_stale_form_is_not_saved_over_a_newer_version()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var plan = BoundaryArrange.Plan();
        var boundary = await BoundaryArrange.BoundaryAsync(app, client, plan, plan with { PlannedLength = "Six months" });
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/boundaries/{boundary.Id}";
        var before = await Arrange.FingerprintAsync(app);

        var opened = BrowserSession.VersionOn(await session.GetPageAsync($"{path}/edit"))!; // a window opened now
        var same = await session.PostFormAsync($"{path}/edit", $"{path}/edit", BoundaryArrange.Fields(plan with { PlannedLength = "Six months" }));
        Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);
        Assert.Contains("Nothing changed", await session.GetPageAsync(path));

        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync($"{path}/edit", $"{path}/edit", BoundaryArrange.Fields(plan with { PlannedLength = "One year" }))).StatusCode);
        before = await Arrange.FingerprintAsync(app);
        var stale = await session.PostFormAsync($"{path}/edit", $"{path}/edit",
            BoundaryArrange.Fields(plan with { PlannedLength = "Two years" }).Append(new(BrowserSession.VersionField, opened)));
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("saved in another window", html);
        Assert.Contains("value=\"One year\"", html); // the newer version is shown, with its version to save over it deliberately
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        Assert.Equal(3, (await BoundaryArrange.RevisionsAsync(app, boundary.Id)).Count);
    }

    [Fact]
    public async Task A_discharged_clients_plan_is_read_only()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var boundary = await BoundaryArrange.BoundaryAsync(app, client);
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            (await db.Clients.SingleAsync(c => c.Id == client.Id)).ChangeStatus(ClientStatus.Discharged, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var boundaries = $"/clinician/clients/{client.Id}/boundaries";
        var before = await Arrange.FingerprintAsync(app);

        var created = await session.PostFormAsync(boundaries, $"{boundaries}/new", BoundaryArrange.Fields(BoundaryArrange.Plan()));
        var edited = await session.PostFormAsync(boundaries, $"{boundaries}/{boundary.Id}/edit",
            BoundaryArrange.Fields(BoundaryArrange.Plan() with { PlannedLength = "Changed" }));
        var person = await session.PostFormAsync(boundaries, $"/clinician/clients/{client.Id}/support/new", BoundaryArrange.PersonFields("Someone", "Supportive"));

        Assert.Contains("read-only", await created.Content.ReadAsStringAsync());
        Assert.Contains("read-only", await edited.Content.ReadAsStringAsync());
        Assert.Contains("read-only", await person.Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"new-boundary\"", await session.GetPageAsync(boundaries));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task A_passed_review_date_is_flagged_on_the_caseload_and_the_overview()
    {
        var overdue = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Olive Overdue");
        var onTime = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Tariq Ontime");
        var plan = BoundaryArrange.Plan();
        await BoundaryArrange.BoundaryAsync(app, overdue, plan with { StartDate = BoundaryArrange.Today.AddDays(-60), ReviewDate = BoundaryArrange.Today.AddDays(-3) });
        await BoundaryArrange.BoundaryAsync(app, onTime, plan with { ReviewDate = BoundaryArrange.Today.AddDays(3) });
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var caseload = await session.GetPageAsync("/clinician");

        Assert.Contains("review-overdue", RowOf(caseload, "Olive Overdue"));
        Assert.DoesNotContain("review-overdue", RowOf(caseload, "Tariq Ontime"));
        var overview = await session.GetPageAsync($"/clinician/clients/{overdue.Id}");
        Assert.Contains("data-testid=\"boundary-summary\"", overview);
        Assert.Contains("Review overdue", overview);
        Assert.Contains("data-testid=\"support-summary\"", overview);
        Assert.DoesNotContain("Review overdue", await session.GetPageAsync($"/clinician/clients/{onTime.Id}/boundaries"));
    }

    [Fact]
    public async Task Revisions_are_append_only_in_the_database()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var boundary = await BoundaryArrange.BoundaryAsync(app, client);
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);

        var update = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlInterpolatedAsync($"UPDATE boundary_revisions SET summary = 'tampered' WHERE boundary_id = {boundary.Id}"));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM boundary_revisions WHERE boundary_id = {boundary.Id}"));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.StartsWith("Created at", (await BoundaryArrange.RevisionsAsync(app, boundary.Id)).Single().Summary);
    }

    [Fact]
    public async Task Every_demo_client_has_a_versioned_plan_and_a_network_with_every_role()
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var demoIds = await db.Clients.Where(c => c.UserId != null).Select(c => c.Id).ToListAsync();
        var boundaries = await db.Set<Boundary>().Where(b => demoIds.Contains(b.ClientId)).ToListAsync();
        var revisions = await db.Set<BoundaryRevision>().Where(r => demoIds.Contains(r.ClientId)).ToListAsync();
        var people = await db.Set<SupportPerson>().Where(p => demoIds.Contains(p.ClientId)).ToListAsync();
        var today = BoundaryArrange.Today;

        Assert.Equal(6, demoIds.Count);
        foreach (var id in demoIds)
        {
            var mine = boundaries.Where(b => b.ClientId == id).ToList();
            Assert.InRange(mine.Count, 1, 2);
            Assert.Contains(mine, b => b.RevisionNumber >= 2 && b.Reasons.Select(r => r.SharedWithClient).Concat(b.Conditions.Select(c => c.SharedWithClient)) is var items
                && items.Any(shared => shared) && items.Any(shared => !shared));
            Assert.All(mine, b => Assert.Equal(b.RevisionNumber, revisions.Count(r => r.BoundaryId == b.Id)));
            var network = people.Where(p => p.ClientId == id).ToList();
            Assert.All(Enum.GetValues<SupportRole>(), role => Assert.Contains(network, p => p.Role == role));
            Assert.Contains(network, p => p.IsCrisisContact);
            Assert.DoesNotContain(network, p => p.Role == SupportRole.Risk && (p.IsCrisisContact || p.SharedWithClient));
        }
        Assert.Contains(boundaries, b => b.ContactLevel == ContactLevel.StructuredContact && b.Exceptions != null);
        Assert.Contains(boundaries, b => b.ContactLevel == ContactLevel.Reconnecting && b.DoorOpen);
        Assert.Contains(revisions, r => r.PreviousContactLevel is { } from && from != r.ContactLevel);
        Assert.Contains(boundaries, b => b.IsReviewOverdue(today.AddDays(-1)));
        Assert.True(boundaries.Select(b => b.ContactLevel).Distinct().Count() >= 4);
    }

    private static string RowOf(string html, string name)
    {
        var at = html.IndexOf(name, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{name} is not on the page");
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return html[at..end];
    }
}
