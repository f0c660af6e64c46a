using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Reports;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Progress;
using ClinicPortal.Testing;
using static ClinicPortal.IntegrationTests.Reports.ReportArrange;

namespace ClinicPortal.IntegrationTests.Reports;

public sealed partial class ReportTests(ReportsApp app) : IClassFixture<ReportsApp>
{
    private static string Reports(Guid clientId) => $"/clinician/clients/{clientId}/reports";

    private async Task<(BrowserSession Session, DateOnly Today)> SignInAsync() =>
        (await Arrange.SignedInAsync(app, Arrange.MorganEmail), await ProgressArrange.TodayAsync(app));

    private static async Task<byte[]> PdfAsync(BrowserSession session, Guid clientId, IEnumerable<KeyValuePair<string, string>> form)
    {
        var response = await session.PostFormAsync(Reports(clientId), $"{Reports(clientId)}/pdf", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("progress-report-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_provider_pdf_has_every_section_its_figures_the_footer_page_numbers_and_embedded_fonts()
    {
        var client = await ClientAsync(app, "Piper Provider-Copy");
        await RecordAsync(app, client);
        var (session, today) = await SignInAsync();
        app.CheckIns.Set(client.Id, CheckIns(today));

        var bytes = await PdfAsync(session, client.Id, Form(today.AddDays(-89), today, ReportAudience.Provider,
            "Piper has kept no contact for six weeks.\n\nNext: review the plan before the holidays."));
        var pdf = await SaveAsync(bytes, "provider-copy");
        var text = PdfTools.Text(pdf);
        var pages = PdfTools.Pages(pdf);

        foreach (var heading in new[] { "Progress report", "Clinician summary", "Stage path", "Check-in trends", "Boundary plan", "Support network", "Safety concerns", "Attendance" })
            Assert.Contains(heading, text);
        Assert.Contains("Client Piper Provider-Copy", text);
        Assert.Contains("Clinician Dr. Morgan Example", text);
        Assert.Contains($"Period {ReportPeriod.Format(today.AddDays(-89))} – {ReportPeriod.Format(today)} (90 days)", text);
        Assert.Contains("Prepared for A supervisor or another provider (provider copy)", text);
        Assert.Contains("Piper has kept no contact for six weeks.", text);
        Assert.Contains("Next: review the plan before the holidays.", text);
        // Figures
        Assert.Contains("At the start of the period Considering", text);
        Assert.Contains("Moves back (regressions) 1", text);
        Assert.Contains("Back to an earlier stage (from", text); // the cell wraps in the table
        Assert.Contains("Check-ins 90 on 90 days", text);
        Assert.Contains("Setbacks (contact broken) 2", text);
        Assert.Contains("Contact attempts reported 5 (Text 3, Call 2)", text);
        Assert.Contains(": Returned to no contact (was", text);
        Assert.Contains("Risk 1", text);
        Assert.Contains(CrisisPerson, text);
        Assert.Contains("Opened in the period 2", text);
        Assert.Contains("Resolved in the period 1", text);
        Assert.Contains("Still open at the end 1", text);
        Assert.Contains("Imminent", text);
        Assert.Contains("Numbers blocked;", text);
        Assert.Contains("Sessions kept 2", text);
        Assert.Contains("No-show 1", text);
        Assert.Contains("Cancelled 1", text);
        Assert.Contains("Session notes 4 written, 2 signed", text);
        Assert.Contains(Evidence, text);
        Assert.Contains("Clinician signature", text);
        // Footer and real page numbers on every page
        Assert.Equal(pages, Regex.Matches(text, "Confidential — contains protected health information").Count);
        for (var p = 1; p <= pages; p++) Assert.Contains($"Page {p} of {pages}", text);
        Assert.True(pages >= 2, $"a full 90-day report runs over more than one page (got {pages})");
        // Never in a report: note text, plan reasons, the presenting concern, concern descriptions
        Assert.DoesNotContain("NOTE-SECRET", text);
        Assert.DoesNotContain("REASON-TEXT", text);
        Assert.DoesNotContain("Presenting concern words", text);
        Assert.DoesNotContain("Concern description words", text);
        // Fonts: DejaVu only, regular and bold, every face embedded
        var fonts = PdfTools.Fonts(pdf);
        Assert.Contains(fonts, f => f.Name.EndsWith("DejaVu Sans,Bold"));
        Assert.Contains(fonts, f => f.Name.EndsWith("DejaVu Sans"));
        Assert.All(fonts, f => Assert.True(f.Name.Contains("DejaVu") && f.Embedded, $"{f.Name} embedded: {f.Embedded}"));
        // Page one is a full page with the header and the first sections on it
        var (width, height, words) = PdfTools.FirstPage(pdf);
        Assert.True(width > 500 && height > 700, $"page one is {width} x {height} pt");
        Assert.True(words > 50, $"page one has {words} words");
    }

    [Fact]
    public async Task The_client_copy_has_no_risk_labels_safety_wording_or_evidence_notes_even_with_safety_ticked()
    {
        var client = await ClientAsync(app, "Casey Client-Copy");
        await RecordAsync(app, client);
        var (session, today) = await SignInAsync();
        app.CheckIns.Set(client.Id, CheckIns(today));
        var form = Form(today.AddDays(-89), today, ReportAudience.Client); // every section ticked, safety included

        var pdf = await SaveAsync(await PdfAsync(session, client.Id, form), "client-copy");
        var html = await (await session.PostFormAsync(Reports(client.Id), Reports(client.Id), form)).Content.ReadAsStringAsync();
        var sheet = Between(html, "data-testid=\"report\"", "</article>");

        foreach (var text in new[] { PdfTools.Text(pdf), WebUtility.HtmlDecode(sheet) })
        {
            Assert.Contains("The client (client copy)", text);
            foreach (var word in new[] { "Safety concerns", "Severity", "Imminent", "Moderate", "Risk", RiskPerson, "Threats", "Repeated messages", "EVIDENCE-SECRET", "Evidence", "Numbers blocked" })
                Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Supportive", text);
            Assert.Contains(CrisisPerson, text);
            Assert.Contains("Stage path", text);
            Assert.Contains("Check-in trends", text);
        }
    }

    [Fact]
    public async Task The_page_count_grows_with_the_data()
    {
        var (session, today) = await SignInAsync();
        var small = await ClientAsync(app, "Sol Small");
        await RecordAsync(app, small, scale: 1);
        var large = await ClientAsync(app, "Lou Large");
        await RecordAsync(app, large, scale: 12);
        app.CheckIns.Set(large.Id, CheckIns(today));
        var form = Form(today.AddDays(-89), today, ReportAudience.Provider);

        var smallPages = PdfTools.Pages(await SaveAsync(await PdfAsync(session, small.Id, form), "small"));
        var largePdf = await SaveAsync(await PdfAsync(session, large.Id, form), "large");
        var largePages = PdfTools.Pages(largePdf);

        Assert.True(largePages > smallPages, $"{largePages} pages for the large client, {smallPages} for the small one");
        var text = PdfTools.Text(largePdf);
        Assert.Contains($"Page {largePages} of {largePages}", text);
        // The sessions table flows onto later pages with its header row repeated.
        Assert.True(Regex.Matches(text, @"Date Time Format Length Outcome").Count >= 2, "the table header repeats on the next page");
    }

    [Fact]
    public async Task The_print_view_holds_the_same_report_as_html_and_svg_without_inline_style_or_script()
    {
        var client = await ClientAsync(app, "Hana Html");
        await RecordAsync(app, client);
        var (session, today) = await SignInAsync();
        app.CheckIns.Set(client.Id, CheckIns(today));

        var response = await session.PostFormAsync(Reports(client.Id), Reports(client.Id), Form(today.AddDays(-89), today, ReportAudience.Provider, "Summary for the supervisor."));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        var sheet = WebUtility.HtmlDecode(Between(html, "data-testid=\"report\"", "</article>"));

        foreach (var heading in new[] { "Clinician summary", "Stage path", "Check-in trends", "Boundary plan", "Support network", "Safety concerns", "Attendance" })
            Assert.Contains($">{heading}</h2>", sheet);
        Assert.Contains("Summary for the supervisor.", sheet);
        Assert.Contains("<dt>Setbacks (contact broken)</dt>", sheet);
        Assert.Contains("<dd>2</dd>", sheet);
        Assert.Equal(2, Regex.Matches(sheet, "<svg class=\"report-chart\"").Count);
        Assert.Contains("<polyline", sheet);
        Assert.Contains("report-attention", sheet);
        Assert.Contains(ReportDocument.ConfidentialityNotice, sheet);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)(?![^>]*type=""application/json"")", html);
        Assert.Contains("/js/reports.js", html);
        Assert.DoesNotContain("NOTE-SECRET", html);
        // The PDF form carries the same options, summary included, by POST.
        Assert.Contains("action=\"/clinician/clients/" + client.Id + "/reports/pdf\"", html);
        Assert.Contains(">Summary for the supervisor.</textarea>", html);
    }

    [Fact]
    public async Task Each_print_view_and_pdf_is_an_audited_export_with_the_reference_printed_on_it()
    {
        var client = await ClientAsync(app, "Ari Audit");
        var (session, today) = await SignInAsync();
        var me = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var form = Form(today.AddDays(-30), today, ReportAudience.Provider);

        await session.PostFormAsync(Reports(client.Id), Reports(client.Id), form);
        var text = PdfTools.Text(await SaveAsync(await PdfAsync(session, client.Id, form), "audited"));

        var audit = (await Arrange.AuditAsync(app, client.Id)).Where(a => a.Action == AuditActions.Export).ToList();
        Assert.Equal([AuditRecords.ProgressReportPrintView, AuditRecords.ProgressReport], audit.Select(a => a.RecordType));
        Assert.All(audit, a => Assert.Equal(me, a.UserId));
        var pdfId = Guid.Parse(audit[1].RecordId!);
        Assert.Contains($"Reference {pdfId.ToString("N")[..8].ToUpperInvariant()}", text);
        Assert.NotEqual(audit[0].RecordId, audit[1].RecordId);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Ari Audit"));
    }

    [Fact]
    public async Task A_client_with_nothing_recorded_gets_a_report_that_says_so_plainly()
    {
        var client = await ClientAsync(app, "Nell Nothing");
        var (session, today) = await SignInAsync();
        // Characters DejaVu lacks (an emoji, CJK), a tab and a very long word must not break the PDF.
        // The sections of the first reports, which fit one page with this summary (later sections are walked in their own tests).
        var form = Form(today.AddDays(-89), today, ReportAudience.Provider, $"First contact this term. Feeling 🙂 平和\tcalm. {new string('w', 300)}",
            Enum.GetValues<ReportSections>().Where(s => s is not ReportSections.None and not ReportSections.All and not ReportSections.TreatmentPlan and not ReportSections.Measures));

        var text = PdfTools.Text(await SaveAsync(await PdfAsync(session, client.Id, form), "no-data"));
        var html = await (await session.PostFormAsync(Reports(client.Id), Reports(client.Id), form)).Content.ReadAsStringAsync();

        Assert.Contains("No data in this period.", text);
        Assert.Contains("No check-ins in this period.", text);
        Assert.Contains("First contact this term. Feeling", text);
        Assert.Contains("Page 1 of 1", text);
        Assert.Contains("data-testid=\"report-notice\">No data in this period.", html);
        Assert.Contains("No check-ins in this period.", html);
    }

    [Theory]
    [InlineData("end-before-start", "The period ends before it starts")]
    [InlineData("beyond-today", "The period cannot go beyond today")]
    [InlineData("no-sections", "Choose at least one section")]
    [InlineData("too-long", "Clinician summary must be at most 6000 characters")]
    [InlineData("no-dates", "Choose the first day of the period")]
    [InlineData("bad-audience", "Choose who the report is for")]
    public async Task Bad_options_are_refused_with_a_clear_message_nothing_generated_or_audited(string kind, string message)
    {
        var client = await ClientAsync(app, "Bea Bad-Input");
        var (session, today) = await SignInAsync();
        var fields = kind switch
        {
            "end-before-start" => Form(today.AddDays(-5), today.AddDays(-10), ReportAudience.Provider),
            "beyond-today" => Form(today.AddDays(-5), today.AddDays(1), ReportAudience.Provider),
            "no-sections" => Form(today.AddDays(-5), today, ReportAudience.Provider, sections: []),
            "too-long" => Form(today.AddDays(-5), today, ReportAudience.Provider, new string('x', 6001)),
            "no-dates" => Form(today, today, ReportAudience.Provider).Where(f => f.Key is not "From" and not "To"),
            _ => Form(today.AddDays(-5), today, ReportAudience.Provider).Select(f => f.Key == "Audience" ? new KeyValuePair<string, string>("Audience", "Everyone") : f),
        };
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true); // the pages shown are reads, audited

        foreach (var action in new[] { Reports(client.Id), $"{Reports(client.Id)}/pdf" })
        {
            var response = await session.PostFormAsync(Reports(client.Id), action, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains(message, html);
            Assert.Contains("data-testid=\"report-options\"", html);
            Assert.DoesNotContain("data-testid=\"report\"", html);
        }
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
    }

    [Fact]
    public async Task The_options_page_defaults_to_the_last_90_days_a_client_copy_and_every_section()
    {
        var client = await ClientAsync(app, "Dee Defaults");
        var (session, today) = await SignInAsync();

        var html = await session.GetPageAsync(Reports(client.Id));

        Assert.Contains($"name=\"From\" value=\"{today.AddDays(-89):yyyy-MM-dd}\"", html);
        Assert.Contains($"name=\"To\" value=\"{today:yyyy-MM-dd}\"", html);
        Assert.Matches("value=\"Client\" checked=\"checked\"", html);
        Assert.Equal(8, Regex.Matches(html, "name=\"Sections\" id=\"[^\"]+\" value=\"[^\"]+\" checked=\"checked\"").Count);
        Assert.Contains($"href=\"/clinician/clients/{client.Id}/reports\"", html);
        Assert.Contains("(provider copy only)", html);
    }

    [Fact]
    public async Task Another_clinicians_client_or_an_unknown_id_is_not_found_and_nothing_is_audited()
    {
        var theirs = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Riley's Client");
        var (session, today) = await SignInAsync();
        var token = await session.TokenFromAsync("/clinician"); // the caseload page audits its own view
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);

        foreach (var id in new[] { theirs.Id, Guid.NewGuid() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await session.Http.GetAsync(Reports(id))).StatusCode);
            foreach (var action in new[] { Reports(id), $"{Reports(id)}/pdf" })
            {
                var response = await session.Http.PostAsync(action, new FormUrlEncodedContent(
                    Form(today.AddDays(-30), today, ReportAudience.Provider).Append(new("__RequestVerificationToken", token))));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.DoesNotContain("Riley's Client", await response.Content.ReadAsStringAsync());
            }
        }
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
    }

    private static Task<string> SaveAsync(byte[] pdf, string name) => PdfTools.SaveAsync(pdf, name);

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..(to < 0 ? html.Length : to)];
    }
}
