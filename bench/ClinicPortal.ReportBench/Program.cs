using System.Diagnostics;
using System.Globalization;
using ClinicPortal.Core.Reports;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Reports;
using ClinicPortal.Infrastructure.Reports.Pdf;
using ClinicPortal.ReportBench;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

// Progress report benchmark: a client with three years of daily check-ins, 150 notes and 40 stage assessments.
// Measures PDFsharp (model, layout, PDF) in-process and over HTTP, then Chromium printing the HTML view of the same
// report with Playwright's page.PdfAsync, and prints the ratio. Figures go to the console and bench/results/.
const int Warmup = 3, Runs = 15, ChromiumRuns = 5;
var inv = CultureInfo.InvariantCulture;
var results = Directory.CreateDirectory(Path.Combine(FindRepoRoot(), "bench", "results")).FullName;

// WebApplicationFactory reads MvcTestingAppManifest.json (where the web project lives) from the working directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
Console.WriteLine("Starting the app (embedded PostgreSQL, demo clinic)…");
await using var app = new BenchApp();
app.Start();

DateOnly today;
await using (var scope = app.SystemScope())
    today = await scope.ServiceProvider.GetRequiredService<ClinicCalendar>().TodayAsync();
var from = today.AddYears(-3).AddDays(1);
var client = await BenchData.CreateAsync(app, today, from);
app.CheckIns.Fill(client.Id, from, today);
var options = ReportOptions.Create(new ReportPeriod(from, today), ReportSections.All, ReportAudience.Provider,
    "Three years of work on no contact: steady gains with a few hard seasons.\n\nThis summary is the benchmark's.");
Console.WriteLine($"Client: {app.CheckIns.Count} daily check-ins, {BenchData.Notes} notes and sessions, {BenchData.Assessments} assessments; period {options.Period} ({options.Period.Days} days).");

// 1. In-process: load + compute the model, compose the blocks, write the PDF.
var load = new List<double>();
var compose = new List<double>();
var write = new List<double>();
var allocated = new List<long>();
byte[] pdf = [];
var clinicianId = client.PrimaryClinicianId;
var writer = app.Services.GetRequiredService<PdfReportWriter>();
var workingSetBefore = Process.GetCurrentProcess().PeakWorkingSet64;
for (var i = 0; i < Warmup + Runs; i++)
{
    await using var scope = app.SystemScope();
    var reports = scope.ServiceProvider.GetRequiredService<ProgressReports>();
    var dbClient = await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().Clients.AsNoTracking().SingleAsync(c => c.Id == client.Id);
    var clock = Stopwatch.StartNew();
    var report = await reports.BuildAsync(dbClient, options, clinicianId, CancellationToken.None);
    var t1 = clock.Elapsed.TotalMilliseconds;
    var document = ReportComposer.Compose(report);
    var t2 = clock.Elapsed.TotalMilliseconds;
    var before = GC.GetTotalAllocatedBytes(precise: true);
    var writeClock = Stopwatch.StartNew();
    pdf = writer.Write(document, DateTimeOffset.UtcNow);
    var t3 = writeClock.Elapsed.TotalMilliseconds;
    var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
    if (i < Warmup) continue;
    load.Add(t1);
    compose.Add(t2 - t1);
    write.Add(t3);
    allocated.Add(bytes);
}
var workingSetAfter = Process.GetCurrentProcess().PeakWorkingSet64;
var pdfPath = Path.Combine(results, "pdfsharp-3-years.pdf");
await File.WriteAllBytesAsync(pdfPath, pdf);

// 2. Over HTTP, as a clinician downloads it (sign-in, access checks, audit row included).
var http = new BrowserSession(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.BaseAddress });
await http.SignInAsync("morgan.example@demo.clinicportal.test", "Demo-Clinician-2026!");
var reportsPath = $"/clinician/clients/{client.Id}/reports";
var token = await http.TokenFromAsync(reportsPath);
List<KeyValuePair<string, string>> Form() =>
[
    new("From", from.ToString("yyyy-MM-dd")), new("To", today.ToString("yyyy-MM-dd")), new("Audience", "Provider"),
    .. ReportForm().Select(s => new KeyValuePair<string, string>("Sections", s)), new("Summary", options.ClinicianSummary!),
    new("__RequestVerificationToken", token),
];
var httpTimes = new List<double>();
for (var i = 0; i < Warmup + Runs; i++)
{
    var clock = Stopwatch.StartNew();
    var response = await http.Http.PostAsync($"{reportsPath}/pdf", new FormUrlEncodedContent(Form()));
    var body = await response.Content.ReadAsByteArrayAsync();
    if (response.Content.Headers.ContentType?.MediaType != "application/pdf") throw new InvalidOperationException($"No PDF over HTTP: {response.StatusCode}");
    if (i >= Warmup) httpTimes.Add(clock.Elapsed.TotalMilliseconds);
}

// 3. Chromium prints the HTML view of the same report (the baseline).
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium", Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
var context = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
var page = await context.NewPageAsync();
var failed = new List<string>();
page.Response += (_, r) => { if (r.Status >= 400) failed.Add($"{r.Status} {r.Url}"); };
await page.GotoAsync("/account/sign-in");
await page.GetByLabel("Email").FillAsync("morgan.example@demo.clinicportal.test");
await page.GetByLabel("Password").FillAsync("Demo-Clinician-2026!");
await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
await page.WaitForLoadStateAsync(LoadState.Load);
await page.GotoAsync(reportsPath);
await page.Locator("#From").FillAsync(from.ToString("yyyy-MM-dd"));
await page.Locator("#AudienceProvider").CheckAsync();
await page.Locator("#Summary").FillAsync(options.ClinicianSummary!);
var renderClock = Stopwatch.StartNew();
await page.GetByTestId("show-report").ClickAsync();
await page.GetByTestId("report").WaitForAsync();
await page.WaitForLoadStateAsync(LoadState.Load);
var htmlRender = renderClock.Elapsed.TotalMilliseconds;
if (failed.Count > 0) Console.WriteLine("Warning: the print view could not load " + string.Join(", ", failed));
if (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.report-sheet')).fontFamily") is var font && !font.Contains("DejaVu"))
    Console.WriteLine($"Warning: the print view is not styled as the PDF (font {font}): check site.css.");
await page.ScreenshotAsync(new() { Path = Path.Combine(results, "print-view-screen.png") });
var printTimes = new List<double>();
byte[] chromiumPdf = [];
for (var i = 0; i < 1 + ChromiumRuns; i++)
{
    var clock = Stopwatch.StartNew();
    chromiumPdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
    if (i >= 1) printTimes.Add(clock.Elapsed.TotalMilliseconds);
}
var chromiumPath = Path.Combine(results, "chromium-3-years.pdf");
await File.WriteAllBytesAsync(chromiumPath, chromiumPdf);

// 4. Figures
var pdfPages = Pages(pdfPath);
var chromiumPages = Pages(chromiumPath);
Preview(pdfPath);
Preview(chromiumPath);
var lines = new List<string>
{
    $"Progress report benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}",
    $"Report: {options.Period.Days} days, {app.CheckIns.Count} check-ins, {BenchData.Notes} notes/sessions, {BenchData.Assessments} assessments, provider copy, every section",
    $"PDFsharp   load + model (database)   median {Median(load),7:0.0} ms  (min {load.Min():0.0})",
    $"PDFsharp   compose blocks            median {Median(compose),7:0.0} ms",
    $"PDFsharp   layout + write PDF        median {Median(write),7:0.0} ms  (min {write.Min():0.0}), {pdfPages} pages, {pdf.Length / 1024.0:0} KiB",
    $"PDFsharp   total in-process          median {Median(load.Zip(compose, write).Select(t => t.First + t.Second + t.Third).ToList()),7:0.0} ms",
    $"PDFsharp   allocated per PDF write   median {Median(allocated.Select(a => a / 1048576.0).ToList()),7:0.0} MiB",
    $"Process    peak working set          {workingSetBefore / 1048576.0:0} MiB before the PDF runs, {workingSetAfter / 1048576.0:0} MiB after (whole app process)",
    $"HTTP       POST /reports/pdf         median {Median(httpTimes),7:0.0} ms  (sign-in cookie, access checks, audit row)",
    $"Chromium   POST + render print view  {htmlRender,7:0.0} ms (once)",
    $"Chromium   page.PdfAsync             median {Median(printTimes),7:0.0} ms  (min {printTimes.Min():0.0}), {chromiumPages} pages, {chromiumPdf.Length / 1024.0:0} KiB",
    $"Ratio      Chromium print / PDFsharp layout + write   {Median(printTimes) / Median(write):0.0}×",
    $"Ratio      Chromium print / PDFsharp total in-process {Median(printTimes) / Median(load.Zip(compose, write).Select(t => t.First + t.Second + t.Third).ToList()):0.0}×",
    $"Files: {pdfPath}, {chromiumPath} (and .png of page one of each)",
};
foreach (var line in lines) Console.WriteLine(line);
await File.WriteAllLinesAsync(Path.Combine(results, "report-bench.txt"), lines);
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static IEnumerable<string> ReportForm() =>
    Enum.GetValues<ReportSections>().Where(s => s is not ReportSections.None and not ReportSections.All).Select(s => s.ToString());

static int Pages(string path)
{
    using var document = UglyToad.PdfPig.PdfDocument.Open(path);
    return document.NumberOfPages;
}

static void Preview(string pdf)
{
    try
    {
        using var process = Process.Start("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", pdf, Path.ChangeExtension(pdf, null)]);
        process.WaitForExit();
    }
    catch (System.ComponentModel.Win32Exception) { }
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ClinicPortal.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
