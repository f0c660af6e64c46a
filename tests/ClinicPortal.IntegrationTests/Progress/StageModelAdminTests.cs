using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Progress;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using static ClinicPortal.IntegrationTests.Progress.ProgressArrange;
using ClinicPortal.Web.Demo;

namespace ClinicPortal.IntegrationTests.Progress;

public sealed class StageModelAdminTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private const string AdminEmail = DemoLogins.AdminEmail;
    private const string Page = "/admin/stage-models";

    private static IEnumerable<KeyValuePair<string, string>> Model(string name, string stages = "Unsettled — contact is unpredictable\nDeciding — choosing what to keep\nSlipped — went back to old contact\nSteady — limits hold", string relapse = "Slipped") =>
        [new("Name", name), new("Stages", stages), new("RelapseStage", relapse)];

    private async Task<StageModel> StoredAsync(string name)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<StageModel>().Include(m => m.Stages).AsNoTracking().SingleAsync(m => m.Name == name);
    }

    [Fact]
    public async Task A_custom_model_in_use_cannot_be_deleted_only_retired_and_then_no_client_can_be_switched_to_it()
    {
        var name = $"Estrangement {Guid.NewGuid():N}"[..24];
        var admin = await Arrange.SignedInAsync(app, AdminEmail);

        var created = await admin.PostFormAsync(Page, Page, Model(name));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var model = await StoredAsync(name);
        Assert.False(model.IsBuiltIn);
        Assert.Equal(["Unsettled", "Deciding", "Slipped", "Steady"], model.OrderedStages.Select(s => s.Name));
        Assert.Contains(name, await admin.GetPageAsync(Page));

        // A clinician puts a client on it and records an assessment in it.
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var progress = $"/clinician/clients/{client.Id}/progress";
        Assert.Contains(name, await clinician.GetPageAsync(progress));
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync(progress, $"{progress}/model", [new("modelId", model.Id.ToString())])).StatusCode);
        var today = await TodayAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync(progress, $"{progress}/assessments",
            Assessment(today.AddDays(-3), Stage(model, "Deciding")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync(progress, $"{progress}/assessments",
            Assessment(today, Stage(model, "Slipped")))).StatusCode);
        var clinicianPage = await clinician.GetPageAsync(progress);
        Assert.Contains("data-regression=\"relapse\"", clinicianPage);

        // In use: delete is refused and nothing changes.
        var before = await CountsAsync(app);
        await admin.PostFormAsync(Page, $"{Page}/{model.Id}/delete", []);
        Assert.Contains("in use by at least one client, so it cannot be deleted. Retire it instead.", await admin.GetPageAsync(Page));
        Assert.Equal(before, await CountsAsync(app));

        // Retired: it stays on the client's record, but nobody can be switched to it.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Page, $"{Page}/{model.Id}/retire", [])).StatusCode);
        Assert.True((await StoredAsync(name)).IsRetired);
        Assert.Contains("(retired)", await clinician.GetPageAsync(progress));
        var other = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var otherProgress = $"/clinician/clients/{other.Id}/progress";
        Assert.DoesNotContain(name, await clinician.GetPageAsync(otherProgress));
        before = await CountsAsync(app);
        await clinician.PostFormAsync(otherProgress, $"{otherProgress}/model", [new("modelId", model.Id.ToString())]);
        Assert.Contains("is retired; choose a model in use", await clinician.GetPageAsync(otherProgress));
        Assert.Equal(before, await CountsAsync(app));

        // Reinstated: available again.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Page, $"{Page}/{model.Id}/reinstate", [])).StatusCode);
        Assert.False((await StoredAsync(name)).IsRetired);

        await using var scope = app.SystemScope();
        var audit = await app.SystemDb(scope).AuditEntries.Where(a => a.RecordId == model.Id.ToString()).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditActions.Create, AuditActions.Retire, AuditActions.Reinstate], audit);
    }

    [Fact]
    public async Task An_unused_custom_model_can_be_deleted_with_its_stages()
    {
        var name = $"Unused {Guid.NewGuid():N}"[..20];
        var admin = await Arrange.SignedInAsync(app, AdminEmail);
        await admin.PostFormAsync(Page, Page, Model(name, "First — one\nSecond — two", ""));
        var model = await StoredAsync(name);

        var deleted = await admin.PostFormAsync(Page, $"{Page}/{model.Id}/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        Assert.False(await db.Set<StageModel>().AnyAsync(m => m.Id == model.Id));
        Assert.False(await db.Set<Stage>().AnyAsync(s => s.ModelId == model.Id));
        Assert.Contains(AuditActions.Delete, await db.AuditEntries.Where(a => a.RecordId == model.Id.ToString()).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task Built_in_models_cannot_be_deleted_and_the_default_cannot_be_retired()
    {
        var admin = await Arrange.SignedInAsync(app, AdminEmail);
        var before = await CountsAsync(app);

        await admin.PostFormAsync(Page, $"{Page}/{BuiltInStageModels.GriefId}/delete", []);
        Assert.Contains("Built-in models cannot be deleted.", await admin.GetPageAsync(Page));
        await admin.PostFormAsync(Page, $"{Page}/{BuiltInStageModels.JourneyId}/retire", []);
        Assert.Contains("The default model cannot be retired", await admin.GetPageAsync(Page));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync(Page, $"{Page}/{Guid.NewGuid()}/retire", [])).StatusCode);

        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory]
    [InlineData("", "A — a\nB — b", "Model name is required")]
    [InlineData("Lonely", "A — a", "at least 2 stages")]
    [InlineData("No dash", "A — a\nB has no description", "Line 2: write the stage as")]
    [InlineData("No-contact journey", "A — a\nB — b", "already exists")]
    [InlineData("NO-CONTACT JOURNEY", "A — a\nB — b", "already exists")]
    public async Task Bad_models_are_refused_with_a_message_and_nothing_is_saved(string name, string stages, string message)
    {
        var admin = await Arrange.SignedInAsync(app, AdminEmail);
        var before = await CountsAsync(app);

        var response = await admin.PostFormAsync(Page, Page, Model(name, stages, ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync(app));
    }

    public static TheoryData<string> NotAdmins => new() { "clinician", "client", "anonymous" };

    [Theory]
    [MemberData(nameof(NotAdmins))]
    public async Task Only_administrators_reach_the_stage_model_pages(string who)
    {
        var (session, tokenPage) = who switch
        {
            "clinician" => (await Arrange.SignedInAsync(app, Arrange.MorganEmail), "/clinician"),
            "client" => (await Arrange.SignedInAsync(app, DemoLogins.SkyEmail), "/client"),
            _ => (new BrowserSession(app.CreateBrowserLikeClient()), "/account/sign-in"),
        };
        var token = await session.TokenFromAsync(tokenPage);
        var before = await CountsAsync(app);

        foreach (var (method, path) in new[] { ("GET", Page), ("POST", Page), ("POST", $"{Page}/{BuiltInStageModels.GriefId}/retire"),
                     ("POST", $"{Page}/{BuiltInStageModels.GriefId}/reinstate"), ("POST", $"{Page}/{BuiltInStageModels.GriefId}/delete") })
        {
            var response = method == "GET" ? await session.Http.GetAsync(path)
                : await session.Http.PostAsync(path, new FormUrlEncodedContent(Model("Intruder model").Append(new("__RequestVerificationToken", token))));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(who == "anonymous" ? "/account/sign-in" : "/account/access-denied", response.Headers.Location!.PathAndQuery);
        }
        Assert.Equal(before, await CountsAsync(app));
    }
}
