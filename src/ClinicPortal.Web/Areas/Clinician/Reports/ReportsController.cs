using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Reports;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Reports;
using ClinicPortal.Infrastructure.Reports.Pdf;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Reports;

/// <summary>
/// Progress reports: choose the options, then see the print view or download the PDF. Both are computed from
/// the same report model, and each one generated is an audited export.
/// </summary>
[Route("clinician/clients/{clientId:guid}/reports")]
public sealed class ReportsController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, ProgressReports reports, PdfReportWriter pdf)
    : ClinicianController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid clientId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, "reports", ct);
        var today = await calendar.TodayAsync(ct);
        return View("Index", new ReportFormPage(clientId, ReportForm.Defaults(today), today));
    }

    /// <summary>The HTML print view.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Show(Guid clientId, ReportForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        var (report, today) = await GenerateAsync(client, form, ct);
        await SetHeaderAsync(client, "reports", ct);
        if (report is null) return View("Index", new ReportFormPage(clientId, form, today));
        await audit.RecordAsync(AuditActions.Export, AuditRecords.ProgressReportPrintView, report.Header.ReportId, clientId, ct);
        return View("Report", new ReportViewPage(clientId, form, today, ReportComposer.Compose(report)));
    }

    [HttpPost("pdf")]
    public async Task<IActionResult> Pdf(Guid clientId, ReportForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        var (report, today) = await GenerateAsync(client, form, ct);
        if (report is null)
        {
            await SetHeaderAsync(client, "reports", ct);
            return View("Index", new ReportFormPage(clientId, form, today));
        }
        var bytes = pdf.Write(ReportComposer.Compose(report), calendar.UtcNow);
        await audit.RecordAsync(AuditActions.Export, AuditRecords.ProgressReport, report.Header.ReportId, clientId, ct);
        // The file name carries no name or clinical word: downloads folders and browser histories are not private.
        return File(bytes, "application/pdf", $"progress-report-{report.Header.Period.End:yyyy-MM-dd}-{report.Header.Reference}.pdf");
    }

    /// <summary>The report, or null with the reasons in ModelState when the options are refused.</summary>
    private async Task<(ProgressReport? Report, DateOnly Today)> GenerateAsync(Client client, ReportForm form, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        if (!ModelState.IsValid)
        {
            // Values the binder could not read: say which choice to make again, in plain words.
            var fields = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList();
            ModelState.Clear();
            foreach (var message in fields.Select(f => Unreadable(f.Split('[', '.')[0])).Distinct()) ModelState.AddModelError("", message);
            return (null, today);
        }
        try
        {
            var options = form.ToOptions(today);
            return (await reports.BuildAsync(client, options, Me, ct), today);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return (null, today);
        }
    }

    private static string Unreadable(string field) => field switch
    {
        nameof(ReportForm.From) or nameof(ReportForm.To) => "Enter the period's dates as day, month and year.",
        nameof(ReportForm.Audience) => "Choose who the report is for: the client or another provider.",
        nameof(ReportForm.Sections) => "Choose the sections from the list.",
        _ => "Some of the options could not be read. Check them and try again.",
    };
}
