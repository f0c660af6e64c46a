using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Reports;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Reports;
using ClinicPortal.Infrastructure.Reports.Pdf;
using ClinicPortal.Web.Areas.Clinician.Clients;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Reports;

/// <summary>
/// Progress reports: choose the options, then see the print view or download the PDF. Both are computed from
/// the same report model, and each one generated is an audited export that records who it is for (disclosure accounting).
/// </summary>
[Route("clinician/clients/{clientId:guid}/reports")]
public sealed class ReportsController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, ProgressReports reports, PdfReportWriter pdf)
    : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Reports;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        return View(new ReportFormPage(ReportForm.Defaults(today), today));
    }

    /// <summary>The HTML print view.</summary>
    [HttpPost("")]
    public Task<IActionResult> Show(ReportForm form, CancellationToken ct) =>
        SubmitAsync(() => OptionsAsync(form, ct), async () =>
        {
            var today = await calendar.TodayAsync(ct);
            var (options, to) = (form.ToOptions(today), form.ToDisclosure());
            var report = await reports.BuildAsync(Client, options, Me, ct);
            await audit.RecordDisclosureAsync(AuditActions.Export, AuditRecords.ProgressReportPrintView, report.Header.ReportId, Client.Id, to.Code, to.RecipientName, ct);
            return View("Report", new ReportViewPage(form, today, ReportComposer.Compose(report)));
        });

    [HttpPost("pdf")]
    public Task<IActionResult> Pdf(ReportForm form, CancellationToken ct) =>
        SubmitAsync(() => OptionsAsync(form, ct), async () =>
        {
            var (options, to) = (form.ToOptions(await calendar.TodayAsync(ct)), form.ToDisclosure());
            var report = await reports.BuildAsync(Client, options, Me, ct);
            var bytes = pdf.Write(ReportComposer.Compose(report), calendar.UtcNow);
            await audit.RecordDisclosureAsync(AuditActions.Export, AuditRecords.ProgressReport, report.Header.ReportId, Client.Id, to.Code, to.RecipientName, ct);
            // The file name carries no name or clinical word: downloads folders and browser histories are not private.
            return File(bytes, "application/pdf", $"progress-report-{report.Header.Period.End:yyyy-MM-dd}-{report.Header.Reference}.pdf");
        });

    /// <summary>The options form again, with the reasons the options were refused.</summary>
    private async Task<IActionResult> OptionsAsync(ReportForm form, CancellationToken ct) =>
        View(nameof(Index), new ReportFormPage(form, await calendar.TodayAsync(ct)));
}
