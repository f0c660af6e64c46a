using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Safety;

public sealed class SafetyConcernTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static string Day(int offset) => Arrange.ClinicDay(offset);

    private static List<KeyValuePair<string, string>> Concern(string severity = "Moderate", string status = "Open", string description = "Voicemail threatening to come round.",
        string type = "Threats", string? review = null, string? resolution = null, string? otherType = null) =>
        [new("Type", type), new("OtherType", otherType ?? ""), new("Severity", severity), new("Status", status), new("FirstNoticed", Day(-3)),
         new("LastOccurrence", Day(-1)), new("InvolvedPerson", "Ex-partner"), new("Description", description),
         new("NextReviewDate", review ?? Day(7)), new("ResolutionNote", resolution ?? "")];

    [Fact]
    public async Task Recording_updating_and_acting_on_a_concern_builds_a_timeline_and_an_audit_trail()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Tess Timeline");
        var morgan = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var safety = $"/clinician/clients/{client.Id}/safety";

        var created = await session.PostFormAsync($"{safety}/concerns/new", $"{safety}/concerns/new", Concern());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var concernPath = created.Headers.Location!.OriginalString;
        var concernId = Guid.Parse(concernPath.Split('/').Last());

        var updated = await session.PostFormAsync($"{concernPath}/edit", $"{concernPath}/edit",
            Concern(severity: "High", status: "Monitoring", description: "Voicemail and a note left on the car."));
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        var acted = await session.PostFormAsync(concernPath, $"{concernPath}/actions",
            [new("Kind", "ProtectiveOrderFiled"), new("TakenOn", Day(0)), new("Note", "Hearing set for next week.")]);
        Assert.Equal(HttpStatusCode.Redirect, acted.StatusCode);

        var page = WebUtility.HtmlDecode(await session.GetPageAsync(concernPath));
        Assert.Contains("Voicemail and a note left on the car.", page);
        Assert.Contains("Severity: Moderate → High", page);
        Assert.Contains("Status: Open → Monitoring", page);
        Assert.Contains("Description edited", page);
        Assert.Contains("Voicemail threatening to come round.", page); // the previous wording stays readable
        Assert.Contains("Action recorded: Protective order filed", page);
        Assert.Contains("Hearing set for next week.", page);
        Assert.Contains("Recorded: Threats, severity moderate, open", page);
        Assert.Contains("High", await session.GetPageAsync(safety));

        var stored = await ArrangeSafety.ReloadAsync(app, concernId);
        Assert.Equal(3, stored.Changes.Count);
        Assert.All(stored.Changes, h => Assert.Equal(morgan, h.ChangedById));
        Assert.Single(stored.Actions);

        var audit = (await Arrange.AuditAsync(app, client.Id)).Where(a => a.RecordType == AuditRecords.SafetyConcern).ToList();
        Assert.Contains(audit, a => a.Action == AuditActions.Create && a.RecordId == concernId.ToString() && a.UserId == morgan);
        Assert.Equal(2, audit.Count(a => a.Action == AuditActions.Update && a.RecordId == concernId.ToString()));
        Assert.Contains(audit, a => a.Action == AuditActions.View && a.RecordId == concernId.ToString());
        Assert.Contains(audit, a => a.Action == AuditActions.View && a.RecordId == null);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Voicemail") || l.Contains("Tess Timeline") || l.Contains("Hearing set"));
    }

    [Fact]
    public async Task Every_concern_type_of_the_product_brief_can_be_chosen()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var form = await session.GetPageAsync($"/clinician/clients/{client.Id}/safety/concerns/new");

        foreach (var type in Enum.GetValues<ConcernType>()) Assert.Contains($"<option value=\"{type}\"", form);
        Assert.Contains("Smear campaign among family, friends or colleagues", form);
        Assert.Contains("Suicidal thoughts", form);

        var other = await session.PostFormAsync($"/clinician/clients/{client.Id}/safety/concerns/new", $"/clinician/clients/{client.Id}/safety/concerns/new",
            Concern(type: "Other", otherType: "Pet taken from the garden"));
        Assert.Contains("Other: Pet taken from the garden", await session.GetPageAsync(other.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task Resolving_needs_a_note_and_then_closes_the_concern()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var concern = await ArrangeSafety.ConcernAsync(app, client);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/safety/concerns/{concern.Id}";
        var before = await Arrange.FingerprintAsync(app);

        var refused = await session.PostFormAsync($"{path}/edit", $"{path}/edit", Concern(status: "Resolved", description: "Secret safety words"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Write a resolution note to resolve the concern.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        var resolved = await session.PostFormAsync($"{path}/edit", $"{path}/edit",
            Concern(status: "Resolved", description: "Secret safety words", resolution: "No contact for six weeks after blocking."));
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var stored = await ArrangeSafety.ReloadAsync(app, concern.Id);
        Assert.Equal(ConcernStatus.Resolved, stored.Status);
        Assert.NotNull(stored.ResolvedAt);
        Assert.Null(stored.NextReviewDate);
        Assert.Contains("No contact for six weeks after blocking.", await session.GetPageAsync(path));
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_message_and_nothing_is_saved()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var concern = await ArrangeSafety.ConcernAsync(app, client);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var safety = $"/clinician/clients/{client.Id}/safety";
        var before = await Arrange.FingerprintAsync(app);

        async Task<string> Post(string path, IEnumerable<KeyValuePair<string, string>> fields)
        {
            var response = await session.PostFormAsync(path, path, fields); // the form page: a new one, or the concern as stored
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("Choose a severity: low, moderate, high or imminent.", await Post($"{safety}/concerns/new", Concern(severity: "Extreme")));
        Assert.Contains("Choose a severity: low, moderate, high or imminent.", await Post($"{safety}/concerns/new", Concern(severity: "7")));
        Assert.Contains("Choose a severity: low, moderate, high or imminent.", await Post($"{safety}/concerns/new", Concern(severity: "")));
        Assert.Contains("Choose a status: open, monitoring or resolved.", await Post($"{safety}/concerns/new", Concern(status: "12")));
        Assert.Contains("The next review date is in the past", await Post($"{safety}/concerns/new", Concern(review: Day(-2))));
        Assert.Contains("required for \u201cOther\u201d", WebUtility.HtmlDecode(await Post($"{safety}/concerns/new", Concern(type: "Other"))));
        Assert.Contains("Description is required.", await Post($"{safety}/concerns/new", Concern(description: "  ")));
        Assert.Contains("at most 4000 characters", await Post($"{safety}/concerns/new", Concern(description: new string('x', 4001))));
        Assert.Contains("Write a resolution note", await Post($"{safety}/concerns/{concern.Id}/edit", Concern(status: "Resolved")));
        Assert.Contains("cannot be in the future", await Post($"{safety}/concerns/{concern.Id}/actions", [new("Kind", "PoliceReport"), new("TakenOn", Day(3))]));
        Assert.Contains("Choose which action was taken.", await Post($"{safety}/concerns/{concern.Id}/actions", [new("Kind", "42"), new("TakenOn", Day(0))]));

        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task A_tampered_or_foreign_concern_id_is_not_found()
    {
        var mine = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var alsoMine = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var theirs = await Arrange.ClientAsync(app, Arrange.RileyEmail);
        var otherClientsConcern = await ArrangeSafety.ConcernAsync(app, alsoMine, description: "Belongs to another client");
        var theirConcern = await ArrangeSafety.ConcernAsync(app, theirs, description: "Riley's client's safety words");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app);

        foreach (var id in new[] { Guid.NewGuid(), otherClientsConcern.Id, theirConcern.Id })
        {
            var path = $"/clinician/clients/{mine.Id}/safety/concerns/{id}";
            var view = await session.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
            Assert.DoesNotContain("safety words", await view.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.NotFound, (await session.PostFormAsync("/clinician", $"{path}/edit", Concern(severity: "Low"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await session.PostFormAsync("/clinician", $"{path}/actions", [new("Kind", "PoliceReport"), new("TakenOn", Day(0))])).StatusCode);
        }
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task A_discharged_clients_concerns_are_read_only()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var concern = await ArrangeSafety.ConcernAsync(app, client);
        await using (var scope = app.SystemScope())
            await app.SystemDb(scope).Database.ExecuteSqlInterpolatedAsync($"UPDATE clients SET status = 2 WHERE id = {client.Id}");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/safety/concerns/{concern.Id}";
        var before = await Arrange.FingerprintAsync(app);

        var edit = await session.PostFormAsync(path, $"{path}/edit", Concern(severity: "High", description: "Secret safety words"));

        Assert.Contains("read-only", await edit.Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"edit-concern\"", await session.GetPageAsync(path));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }
}
