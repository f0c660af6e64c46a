using System.Globalization;
using System.Text.Json;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Progress;

/// <summary>
/// End to end: a clinician records three stage assessments for a new client, the last one a
/// step back to an earlier stage, and the progress chart, the list and the caseload all show the regression.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class StageProgressionTests(PortalFixture portal) : PortalTest(portal)
{
    private const string ClinicianEmail = DemoLogins.MorganEmail;

    // The default model for a new client is the no-contact journey: Considering, Preparing, Early no contact, Fallout, ...
    private static readonly (int DaysAgo, string Stage, int Position, string Evidence)[] Path =
    [
        (42, "Preparing", 2, "Has listed the channels to close and told two friends about the plan."),
        (21, "Fallout", 4, "Mutual friends are taking sides; the client feels pushed to 'explain' themself."),
        (6, "Early no contact", 3, "After a birthday message arrived the guilt and the flood of memories came back."),
    ];

    private ILocator StageRows => Page.GetByTestId("stage-list").Locator("tbody tr[data-regression]");

    [Fact]
    public async Task Three_assessments_with_a_regression_show_in_the_chart_the_list_and_the_caseload()
    {
        var chartJs = Portal.Server.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo("lib/chart.js/chart.umd.min.js");
        Assert.True(chartJs.Exists, "Chart.js is not in src/ClinicPortal.Web/wwwroot/lib (git ignores it): run scripts/setup.sh, which copies it from npm.");
        var today = await ClinicTodayAsync();
        var client = new NewClient("Piper Stagepath", null, today.AddDays(-60), "America/New_York", NewClient.UniqueEmail());

        await SignInAsync(ClinicianEmail, DemoLogins.ClinicianPassword);
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Clinician));
        var clientId = await ClientSteps.CreateClientAsync(Page, client);
        var progressUrl = Url($"/clinician/clients/{clientId}/progress");

        // 1. A new client has no path yet.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Progress", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(progressUrl);
        await Expect(Page.GetByTestId("current-stage")).ToContainTextAsync("No assessments in this model yet.");
        await Expect(Page.GetByTestId("progress-chart")).ToHaveCountAsync(0);
        await Expect(StageRows).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("assessment-form").Locator("#AssessedOn")).ToHaveValueAsync(Iso(today));

        // 2. Bad dates are refused with a clear message, and nothing is recorded.
        await FillAssessmentAsync(today.AddDays(1), Path[0].Stage, Path[0].Evidence);
        await Page.GetByTestId("record-assessment").ClickAsync();
        await Expect(Page.GetByTestId("assessment-errors")).ToContainTextAsync("The assessment date cannot be in the future.");
        await Expect(Page.GetByTestId("assessment-form").Locator("#Evidence")).ToHaveValueAsync(Path[0].Evidence); // kept for a retry
        await Expect(StageRows).ToHaveCountAsync(0);

        await FillAssessmentAsync(client.IntakeDate.AddDays(-1), Path[0].Stage, Path[0].Evidence);
        await Page.GetByTestId("record-assessment").ClickAsync();
        await Expect(Page.GetByTestId("assessment-errors")).ToContainTextAsync("cannot be before the client's intake date");
        await Expect(StageRows).ToHaveCountAsync(0);
        await Page.GotoAsync(progressUrl);
        await Expect(StageRows).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("assessment-errors")).ToBeHiddenAsync();

        // 3. Three assessments: forward, forward, then back to an earlier stage.
        foreach (var (daysAgo, stage, _, evidence) in Path)
        {
            await FillAssessmentAsync(today.AddDays(-daysAgo), stage, evidence);
            await Page.GetByTestId("record-assessment").ClickAsync();
            await Expect(Page).ToHaveURLAsync(progressUrl);
            await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Assessment recorded.");
        }

        // 4. The list: in date order, the movement of each step, the regression marked.
        await Expect(StageRows).ToHaveCountAsync(3);
        for (var i = 0; i < Path.Length; i++)
        {
            var row = StageRows.Nth(i);
            await Expect(row).ToContainTextAsync(Display(today.AddDays(-Path[i].DaysAgo)));
            await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(Path[i].Stage);
            await Expect(row).ToContainTextAsync(Path[i].Evidence);
            await Expect(row).ToContainTextAsync("Dr. Morgan Example");
        }
        await Expect(StageRows.Nth(0)).ToHaveAttributeAsync("data-regression", "none");
        await Expect(StageRows.Nth(0)).ToContainTextAsync("First assessment");
        await Expect(StageRows.Nth(1)).ToHaveAttributeAsync("data-regression", "none");
        await Expect(StageRows.Nth(1)).ToContainTextAsync("Forward from Preparing");
        await Expect(StageRows.Nth(2)).ToHaveAttributeAsync("data-regression", "earlier");
        await Expect(StageRows.Nth(2).GetByTestId("regression")).ToHaveTextAsync("Back to an earlier stage");
        await Expect(StageRows.Nth(2)).ToContainTextAsync("from Fallout");
        await Expect(Page.GetByTestId("stage-list").GetByTestId("regression")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("regression-count")).ToHaveTextAsync("1 regression");

        // Where the client is now, and for how long.
        await Expect(Page.GetByTestId("current-stage")).ToContainTextAsync("Current stage: Early no contact");
        await Expect(Page.GetByTestId("days-in-stage")).ToHaveTextAsync("6 days");
        await Expect(Page.GetByTestId("current-stage")).ToContainTextAsync($"since {Display(today.AddDays(-6))}");

        // 5. The chart: drawn by Chart.js from the page's data block, with the regression as its own marker.
        var chart = Page.GetByTestId("progress-chart");
        await Expect(chart).ToHaveAttributeAsync("data-rendered", "true");
        await Expect(chart).ToHaveAttributeAsync("data-points", "3");
        await Expect(chart).ToHaveAttributeAsync("data-regressions", "1");
        await Expect(chart).ToBeVisibleAsync();
        var canvas = await chart.Locator("canvas").BoundingBoxAsync();
        Assert.NotNull(canvas);
        Assert.True(canvas.Width > 300 && canvas.Height > 150, $"The chart canvas is {canvas.Width}×{canvas.Height}.");

        var drawn = await Page.EvaluateAsync<JsonElement>("""
            () => {
                const chart = Chart.getChart(document.getElementById("progress-canvas"));
                const points = name => chart.data.datasets.find(d => d.label === name).data.map(p => ({ x: p.x, y: p.y }));
                return {
                    path: points("Stage"),
                    earlier: points("Back to an earlier stage"),
                    relapse: points("Relapse"),
                    legend: chart.legend.legendItems.map(i => i.text),
                    stageLegendStyle: chart.legend.legendItems.find(i => i.text === "Stage").pointStyle,
                    xMin: chart.scales.x.min,
                    yTicks: chart.scales.y.ticks.map(t => t.label),
                };
            }
            """);
        var path = Points(drawn.GetProperty("path"));
        // The three steps, then the current stage carried on to today as a flat line.
        (double, double)[] expectedPath = [.. Path.Select(p => (Time(today.AddDays(-p.DaysAgo)), (double)p.Position)), (Time(today), 3)];
        Assert.Equal(expectedPath, path);
        (double, double)[] expectedMarkers = [(Time(today.AddDays(-6)), 3)];
        Assert.Equal(expectedMarkers, Points(drawn.GetProperty("earlier")));
        Assert.Empty(Points(drawn.GetProperty("relapse")));
        var legend = drawn.GetProperty("legend").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal(new[] { "Back to an earlier stage", "Stage" }, legend.Order()); // no "Relapse" entry for a path without one
        Assert.Equal("line", drawn.GetProperty("stageLegendStyle").GetString()); // the path's legend is a line, not an oversized dot
        Assert.Equal(expectedPath[0].Item1, drawn.GetProperty("xMin").GetDouble()); // the time axis starts at the first assessment
        Assert.Contains("Early no contact", drawn.GetProperty("yTicks").EnumerateArray().Select(e => e.GetString()));
        await PortalPages.ScreenshotAsync(chart, "progress-chart-with-regression");
        await ScreenshotAsync("progress-page");

        // 6. The caseload shows the current stage and the days in it.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Caseload", Exact = true }).ClickAsync();
        var caseloadRow = Page.GetByTestId("caseload").Locator("tbody tr").Filter(new() { Has = Page.GetByTestId("caseload-client").GetByText(client.FullName, new() { Exact = true }) });
        await Expect(caseloadRow).ToHaveCountAsync(1);
        await Expect(caseloadRow.GetByTestId("caseload-stage")).ToContainTextAsync("Early no contact");
        await Expect(caseloadRow.GetByTestId("caseload-stage-days")).ToHaveTextAsync("· 6 d");
        AssertNoBrowserProblems();
    }

    private async Task FillAssessmentAsync(DateOnly date, string stage, string evidence)
    {
        var form = Page.GetByTestId("assessment-form");
        await form.Locator("#AssessedOn").FillAsync(Iso(date));
        await form.Locator("#StageId").SelectOptionAsync(new SelectOptionValue { Label = $"{Path.Single(p => p.Stage == stage).Position}. {stage}" });
        await form.Locator("#Evidence").FillAsync(evidence);
    }

    private static (double X, double Y)[] Points(JsonElement points) =>
        points.EnumerateArray().Select(p => (p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble())).ToArray();

    /// <summary>The chart's x value for a day: midnight UTC in milliseconds, as progress-chart.js computes it.</summary>
    private static double Time(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Display(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
