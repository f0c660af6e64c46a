using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Sessions;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.ClientCheckIns;

/// <summary>What the clinician sees of check-ins: caseload signals and last check-in, the trend page, progress signals, the self-care list.</summary>
public sealed partial class CheckInSignalPageTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task The_caseload_shows_each_signal_for_the_right_client()
    {
        var rising = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Aaron Rising");
        foreach (var (days, urge) in new[] { (5, 2), (3, 4), (1, 5) })
            await CheckInArrange.CheckInAsync(app, rising.Client.Id, Now.AddDays(-days), urge: urge);
        var high = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Abby Highurge");
        await CheckInArrange.CheckInAsync(app, high.Client.Id, Now.AddHours(-3), urge: 9);
        var setback = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Abe Setback");
        var held = await Arrange.SessionAsync(app, setback.Client, Now.AddDays(-4));
        await CheckInArrange.SqlAsync(app, $"UPDATE sessions SET status = {(int)SessionStatus.Completed} WHERE id = {held.Id}");
        await CheckInArrange.CheckInAsync(app, setback.Client.Id, Now.AddDays(-6), setback: true, contact: true); // before the session: not flagged
        await CheckInArrange.CheckInAsync(app, setback.Client.Id, Now.AddDays(-2), setback: true);              // after it: flagged
        var contact = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Ada Contacted");
        await CheckInArrange.CheckInAsync(app, contact.Client.Id, Now.AddDays(-1), contact: true);
        var quiet = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Ari Quiet", signInSince: Now.AddDays(-40));
        await CheckInArrange.CheckInAsync(app, quiet.Client.Id, Now.AddDays(-10).AddHours(-1));
        var never = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Avi Never", signInSince: Now.AddDays(-8).AddHours(-1));
        var calm = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Amy Calm");
        await CheckInArrange.CheckInAsync(app, calm.Client.Id, DateTimeOffset.UtcNow.AddMinutes(-1), urge: 2);

        var caseload = await (await Arrange.SignedInAsync(app, Arrange.MorganEmail)).GetPageAsync("/clinician");

        Assert.Equal(["Urge rising"], Signals(caseload, "Aaron Rising"));
        Assert.Equal(["Urge high (9/10)"], Signals(caseload, "Abby Highurge"));
        Assert.Equal(["Setback"], Signals(caseload, "Abe Setback"));
        Assert.Equal(["Contact attempt"], Signals(caseload, "Ada Contacted"));
        Assert.Equal(["No check-in for 10 d"], Signals(caseload, "Ari Quiet"));
        Assert.Equal(["No check-in for 8 d"], Signals(caseload, "Avi Never"));
        Assert.Empty(Signals(caseload, "Amy Calm"));
        Assert.Contains("Today", Row(caseload, "Amy Calm"));
        Assert.Matches("1[01] d ago", Row(caseload, "Ari Quiet")); // by the clinic's calendar days
    }

    [Fact]
    public async Task The_check_ins_page_shows_the_trend_the_answers_and_the_same_signals()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Tess Trend");
        await CheckInArrange.CheckInAsync(app, login.Client.Id, Now.AddDays(-6), mood: 3, urge: 8, setback: true, journal: "Shared trend words", share: true);
        await CheckInArrange.CheckInAsync(app, login.Client.Id, Now.AddDays(-3), mood: 5, urge: 5, contact: true);
        await CheckInArrange.CheckInAsync(app, login.Client.Id, Now.AddDays(-1), mood: 7, urge: 3);
        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);

        var page = await riley.GetPageAsync($"/clinician/clients/{login.Client.Id}/check-ins");

        Assert.Contains("id=\"check-in-data\"", page);
        Assert.Contains("\"markers\":true", page);
        Assert.Contains("\"mood\":3,\"urge\":8,\"setback\":true,\"contact\":false", page);
        Assert.Contains("\"mood\":5,\"urge\":5,\"setback\":false,\"contact\":true", page);
        Assert.Equal(3, page.Split("data-testid=\"check-in-row\"").Length - 1);
        Assert.Contains("Shared trend words", page);
        Assert.Contains("data-testid=\"signal-setback\"", page);
        Assert.Contains("data-testid=\"signal-contact\"", page);
        Assert.Contains($"href=\"/clinician/clients/{login.Client.Id}/check-ins\"", page); // the tab is live
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.View, RecordType: AuditRecords.CheckIn });

        var overview = await riley.GetPageAsync($"/clinician/clients/{login.Client.Id}");
        Assert.Contains("data-testid=\"check-in-summary\"", overview);
        Assert.Contains("mood 7 · urge 3", overview);
        Assert.Contains("data-testid=\"signal-setback\"", overview);
    }

    [Fact]
    public async Task Progress_plots_urge_setbacks_and_contact_attempts_on_the_stage_path()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail);
        await CheckInArrange.CheckInAsync(app, login.Client.Id, Now.AddDays(-4), urge: 7, setback: true);
        await CheckInArrange.CheckInAsync(app, login.Client.Id, Now.AddDays(-2), urge: 4, contact: true);
        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var progress = $"/clinician/clients/{login.Client.Id}/progress";
        var stage = Core.Progress.BuiltInStageModels.Journey.Stages[1].Id;
        await riley.PostFormAsync(progress, $"{progress}/assessments",
            [new("AssessedOn", DateTime.UtcNow.AddDays(-5).ToString("yyyy-MM-dd")), new("StageId", stage.ToString()), new("Evidence", "Settling in")]);

        var page = await riley.GetPageAsync(progress);

        Assert.Contains("\"kind\":\"urge\",\"value\":7", page);
        Assert.Contains("\"kind\":\"setback\",\"value\":7", page);
        Assert.Contains("\"kind\":\"urge\",\"value\":4", page);
        Assert.Contains("\"kind\":\"contact\",\"value\":4", page);
    }

    [Fact]
    public async Task The_clinician_tailors_the_self_care_list_and_the_client_gets_it()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{login.Client.Id}/check-ins";
        Assert.Contains(SelfCareChecklist.DefaultItems[0], await morgan.GetPageAsync(path));

        var saved = await morgan.PostFormAsync(path, $"{path}/self-care", [new("items", "Walked the dog\r\nCalled my sister\r\n\r\n")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.Create, RecordType: AuditRecords.SelfCareChecklist });
        var client = await CheckInArrange.SignedInAsync(app, login);
        var form = await client.GetPageAsync("/client/check-ins/new");
        Assert.Contains("Walked the dog", form);
        Assert.DoesNotContain(SelfCareChecklist.DefaultItems[0], form);
        await client.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", CheckInArrange.Form(selfCare: ["Called my sister"]));
        Assert.Equal(["Called my sister"], Assert.Single(await CheckInArrange.CheckInsAsync(app, login.Client.Id)).SelfCare);

        var before = await Arrange.FingerprintAsync(app);
        var refused = await morgan.PostFormAsync(path, $"{path}/self-care", [new("items", "Tea\nTEA")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Each item can appear only once.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    private static string Row(string caseload, string name)
    {
        var start = caseload.IndexOf($">{name}</a>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{name} is not on the caseload");
        var end = caseload.IndexOf("</tr>", start, StringComparison.Ordinal);
        return caseload[start..end];
    }

    private static List<string> Signals(string caseload, string name) =>
        SignalBadge().Matches(Row(caseload, name)).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("data-testid=\"signal-[a-z]+\">([^<]+)<")]
    private static partial Regex SignalBadge();
}
