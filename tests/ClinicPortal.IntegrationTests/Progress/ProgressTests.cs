using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Progress;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using ClinicPortal.Web.Demo;
using static ClinicPortal.IntegrationTests.Progress.ProgressArrange;

namespace ClinicPortal.IntegrationTests.Progress;

public sealed partial class ProgressTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static readonly StageModel Journey = BuiltInStageModels.Journey;
    private static readonly StageModel Grief = BuiltInStageModels.Grief;

    [Fact]
    public async Task Three_assessments_with_a_regression_show_in_the_list_the_chart_data_and_the_audit_log()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Pia Path");
        var today = await TodayAsync(app);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var progress = $"/clinician/clients/{client.Id}/progress";

        foreach (var (stage, daysAgo, evidence) in new[] { ("Preparing", 20, "Planned which numbers to block."),
                     ("Fallout", 12, "Mutual friends passing on messages."), ("Early no contact", 5, "Guilt and memories flooding back.") })
        {
            var posted = await session.PostFormAsync(progress, $"{progress}/assessments", Assessment(today.AddDays(-daysAgo), Stage(Journey, stage), evidence));
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.Equal(progress, posted.Headers.Location!.OriginalString);
        }

        var page = await session.GetPageAsync(progress);
        var list = Between(page, "data-testid=\"stage-list\"", "</table>");
        Assert.Equal(["Preparing", "Fallout", "Early no contact"], StageCells().Matches(list).Select(m => m.Groups[1].Value));
        Assert.Single(Regex.Matches(list, "data-testid=\"regression\""));
        Assert.Contains("data-regression=\"earlier\"", list);
        Assert.Contains("from Fallout", list);
        Assert.Contains("Guilt and memories flooding back.", list);
        Assert.Contains("data-testid=\"progress-chart\"", page);
        Assert.Contains("Current stage: <strong>Early no contact</strong>", page);
        Assert.Contains("<span data-testid=\"days-in-stage\">5 days</span>", page);

        var chart = Between(page, "<script type=\"application/json\" id=\"progress-data\">", "</script>");
        Assert.Contains("\"stage\":\"Early no contact\",\"regression\":\"earlier\"", chart);
        Assert.Contains("\"stage\":\"Fallout\",\"regression\":\"none\"", chart);
        Assert.Contains("\"signals\":[]", chart);
        Assert.Contains("/lib/chart.js/chart.umd.min.js", page);
        Assert.Contains("/js/progress-chart.js", page);

        await using var scope = app.SystemScope();
        var ids = await app.SystemDb(scope).Set<StageAssessment>().Where(a => a.ClientId == client.Id).Select(a => a.Id.ToString()).ToListAsync();
        var audit = await Arrange.AuditAsync(app, client.Id);
        Assert.Equal(ids.Order(), audit.Where(a => a.Action == AuditActions.Create && a.RecordType == AuditRecords.StageAssessment).Select(a => a.RecordId!).Order());
        Assert.Contains(audit, a => a.Action == AuditActions.View && a.RecordType == AuditRecords.StageProgress);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("flooding back") || l.Contains("Pia Path"));
    }

    [Fact]
    public async Task Bad_assessments_are_refused_with_a_message_and_nothing_is_saved()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var otherClient = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var otherNote = await Arrange.NoteAsync(app, otherClient, signed: true);
        var today = await TodayAsync(app);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var progress = $"/clinician/clients/{client.Id}/progress";
        var before = await CountsAsync(app);
        var fingerprint = await Arrange.FingerprintAsync(app);

        async Task<string> Refused(IEnumerable<KeyValuePair<string, string>> fields)
        {
            var response = await session.PostFormAsync(progress, $"{progress}/assessments", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("Choose one of the stages of the client&#x27;s current model (No-contact journey)",
            await Refused(Assessment(today, Stage(Grief, "Anger"))));
        Assert.Contains("Choose one of the stages", await Refused(Assessment(today, Guid.NewGuid())));
        Assert.Contains("cannot be in the future", await Refused(Assessment(today.AddDays(2), Stage(Journey, "Preparing"))));
        Assert.Contains("cannot be before the client&#x27;s intake date", await Refused(Assessment(client.IntakeDate.AddDays(-1), Stage(Journey, "Preparing"))));
        Assert.Contains("Evidence is required", await Refused(Assessment(today, Stage(Journey, "Preparing"), evidence: "  ")));
        Assert.Contains("at most 500 characters", await Refused(Assessment(today, Stage(Journey, "Preparing"), evidence: new string('x', 501))));
        var kept = await Refused(Assessment(today.AddDays(-1), Guid.NewGuid(), evidence: "Keep my words"));
        Assert.Contains("Keep my words", kept); // the form comes back with what was typed

        // A note of another client is a tampered id: not found.
        var tampered = await session.PostFormAsync(progress, $"{progress}/assessments", Assessment(today, Stage(Journey, "Preparing"), noteId: otherNote.Id));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);

        Assert.Equal(before, await CountsAsync(app));
        Assert.Equal(fingerprint, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task An_assessment_can_link_one_of_the_clients_own_notes()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var note = await Arrange.NoteAsync(app, client, signed: true);
        var today = await TodayAsync(app);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var progress = $"/clinician/clients/{client.Id}/progress";

        var posted = await session.PostFormAsync(progress, $"{progress}/assessments", Assessment(today, Stage(Journey, "Considering"), noteId: note.Id));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains($"/clinician/clients/{client.Id}/notes/{note.Id}", await session.GetPageAsync(progress));
        await using var scope = app.SystemScope();
        Assert.Equal(note.Id, (await app.SystemDb(scope).Set<StageAssessment>().SingleAsync(a => a.ClientId == client.Id)).NoteId);
    }

    [Fact]
    public async Task Switching_model_is_recorded_with_who_and_when_and_earlier_assessments_keep_their_own_path()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var today = await TodayAsync(app);
        await AssessmentAsync(app, client, Journey, "Early no contact", today.AddDays(-10), "Journey-era evidence");
        var morgan = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var progress = $"/clinician/clients/{client.Id}/progress";
        Assert.Contains("On the default model since intake.", await session.GetPageAsync(progress));

        var switched = await session.PostFormAsync(progress, $"{progress}/model", [new("modelId", Grief.Id.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        await using (var scope = app.SystemScope())
        {
            var change = await app.SystemDb(scope).Set<ClientStageModel>().SingleAsync(h => h.ClientId == client.Id);
            Assert.Equal((Grief.Id, morgan), (change.ModelId, change.ChangedById));
            Assert.InRange(change.StartedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.Contains(await Arrange.AuditAsync(app, client.Id),
                a => a.Action == AuditActions.Update && a.RecordType == AuditRecords.StageModelAssignment && a.RecordId == change.Id.ToString() && a.UserId == morgan);
        }
        var page = await session.GetPageAsync(progress);
        Assert.Contains("Stage path · No-contact grief stages", page);
        Assert.Contains("switched to No-contact grief stages by Dr. Morgan Example", page);
        Assert.Contains("Earlier model · No-contact journey", page);
        Assert.Contains("Journey-era evidence", page);
        Assert.Contains("No assessments in this model yet.", page);

        // The journey's stages no longer fit; the grief model's do.
        var before = await CountsAsync(app);
        var refused = await session.PostFormAsync(progress, $"{progress}/assessments", Assessment(today, Stage(Journey, "Healing")));
        Assert.Contains("current model (No-contact grief stages)", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync(app));
        var accepted = await session.PostFormAsync(progress, $"{progress}/assessments", Assessment(today, Stage(Grief, "Anger")));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        // Switching to the model already followed, or to a model that does not exist, changes nothing.
        before = await CountsAsync(app);
        await session.PostFormAsync(progress, $"{progress}/model", [new("modelId", Grief.Id.ToString())]);
        Assert.Contains("already follows No-contact grief stages", await session.GetPageAsync(progress));
        var unknown = await session.PostFormAsync(progress, $"{progress}/model", [new("modelId", Guid.NewGuid().ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task A_discharged_clients_progress_is_read_only()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            (await db.Clients.SingleAsync(c => c.Id == client.Id)).ChangeStatus(Core.Clients.ClientStatus.Discharged, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var today = await TodayAsync(app);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var progress = $"/clinician/clients/{client.Id}/progress";
        var before = await CountsAsync(app);

        Assert.DoesNotContain("data-testid=\"assessment-form\"", await session.GetPageAsync(progress));
        var refused = await session.PostFormAsync(progress, $"{progress}/assessments", Assessment(today, Stage(Journey, "Preparing")));
        Assert.Contains("read-only", await refused.Content.ReadAsStringAsync());
        await session.PostFormAsync(progress, $"{progress}/model", [new("modelId", Grief.Id.ToString())]);
        Assert.Contains("read-only", await session.GetPageAsync(progress));
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Another_clinicians_ids_are_not_found_and_nothing_is_written()
    {
        var theirs = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Rue Riley");
        var today = await TodayAsync(app);
        await AssessmentAsync(app, theirs, Journey, "Preparing", today.AddDays(-3), "Riley's evidence");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var progress = $"/clinician/clients/{theirs.Id}/progress";
        var before = await CountsAsync(app);

        var view = await session.Http.GetAsync(progress);
        var record = await session.PostFormAsync("/clinician", $"{progress}/assessments", Assessment(today, Stage(Journey, "Healing")));
        var switched = await session.PostFormAsync("/clinician", $"{progress}/model", [new("modelId", Grief.Id.ToString())]);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { view.StatusCode, record.StatusCode, switched.StatusCode });
        Assert.DoesNotContain("Riley's evidence", await view.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync(app));
        Assert.DoesNotContain("Riley&#x27;s evidence", await session.GetPageAsync("/clinician"));
    }

    [Fact]
    public async Task The_caseload_shows_stage_and_days_filters_by_stage_and_shows_the_distribution()
    {
        var today = await TodayAsync(app);
        var healing = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Hana Healing");
        await AssessmentAsync(app, healing, Journey, "Fallout", today.AddDays(-20));
        await AssessmentAsync(app, healing, Journey, "Healing", today.AddDays(-9));
        await AssessmentAsync(app, healing, Journey, "Healing", today.AddDays(-2));
        var thriving = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Theo Thriving");
        await AssessmentAsync(app, thriving, Journey, "Thriving", today.AddDays(-4));
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var caseload = await session.GetPageAsync("/clinician");
        var row = Between(caseload, "Hana Healing</a>", "</tr>");
        Assert.Contains("<span>Healing</span>", row);
        Assert.Contains("· 9 d", row);
        Assert.Contains("data-testid=\"stage-distribution\"", caseload);
        Assert.Contains($"href=\"/clinician?stage={Stage(Journey, "Thriving")}\"", caseload);

        var filtered = await session.GetPageAsync($"/clinician?stage={Stage(Journey, "Healing")}");
        Assert.Contains("Hana Healing", filtered);
        Assert.DoesNotContain("Theo Thriving</a>", filtered);
        Assert.Contains("Showing clients in <strong>Healing</strong>", filtered);
        // The distribution still counts the whole caseload, not only the filtered rows.
        Assert.Contains($"href=\"/clinician?stage={Stage(Journey, "Thriving")}\"", filtered);
    }

    [Fact]
    public async Task The_overview_card_shows_the_current_stage_and_the_tab_leads_to_progress()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var today = await TodayAsync(app);
        await AssessmentAsync(app, client, Journey, "Preparing", today.AddDays(-6));
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var overview = await session.GetPageAsync($"/clinician/clients/{client.Id}");

        Assert.Contains("<strong>Preparing</strong> · 6 days in this stage", overview);
        Assert.Contains($"href=\"/clinician/clients/{client.Id}/progress\"", Between(overview, "nav-tabs", "</ul>"));
    }

    [Fact]
    public async Task Every_demo_client_has_a_dated_path_with_a_regression()
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var today = await TodayAsync(app);
        var models = await db.Set<StageModel>().Include(m => m.Stages).ToListAsync();
        var demo = await db.Clients.Where(c => c.Email!.EndsWith("@" + DemoLogins.Domain)).ToListAsync();
        Assert.Equal(6, demo.Count);

        foreach (var client in demo)
        {
            var history = await db.Set<ClientStageModel>().Where(h => h.ClientId == client.Id).ToListAsync();
            var assessments = await db.Set<StageAssessment>().Where(a => a.ClientId == client.Id).ToListAsync();
            var path = StagePath.Build(models.Single(m => m.Id == ClientStageModel.CurrentModelId(history)), assessments);
            Assert.True(path.Points.Count >= 4, $"{client.FullName} has {path.Points.Count} assessments");
            Assert.True(path.RegressionCount >= 1, $"{client.FullName} has no regression");
            Assert.All(path.Points, p => Assert.InRange(p.Assessment.AssessedOn, client.IntakeDate, today));
        }
        Assert.Contains(demo, c => db.Set<ClientStageModel>().Any(h => h.ClientId == c.Id && h.ModelId == BuiltInStageModels.GriefId));
    }

    [Fact]
    public async Task The_seeded_built_in_models_match_their_definition_in_code()
    {
        await using var scope = app.SystemScope();
        var stored = await app.SystemDb(scope).Set<StageModel>().Include(m => m.Stages).Where(m => m.IsBuiltIn).OrderBy(m => m.Id).ToListAsync();

        static string Describe(StageModel m) => $"{m.Id} {m.Name} {m.IsBuiltIn} " +
            string.Join(" | ", m.OrderedStages.Select(s => $"{s.Id} {s.Position} {s.Name} {s.Description} {s.IsRelapse}"));
        Assert.Equal(BuiltInStageModels.All.OrderBy(m => m.Id).Select(Describe), stored.Select(Describe));
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found");
        var to = html.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return html[from..(to < 0 ? html.Length : to)];
    }

    [GeneratedRegex("<td class=\"text-nowrap\">([^<]+)</td>\\s*<td>")]
    private static partial Regex StageCells();
}
