using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.Web.Features.Incidents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.LogFiles;

/// <summary>
/// The client's own copy of chosen log entries as a PDF (for an advocate, a lawyer, a court or themself), made in the
/// client's own scope, so their private entries may be included. Streamed, never stored; audited as a disclosure with its
/// audience (the row names no entry, so it tells staff nothing of a private one).
/// </summary>
[Route("client/log/copy")]
public sealed class LogCopyController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit, IncidentExports exports)
    : ClientSpaceController(db, calendar)
{
    protected override bool RequiresOwnRecord => true;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(null, ct));

    [HttpPost("")]
    public Task<IActionResult> Pdf(IncidentExportForm form, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Index), await PageAsync(form, ct)), async () =>
        {
            var request = form.ToRequest();
            var clientId = Own.ClientId;
            var client = await Db.Clients.SingleAsync(c => c.Id == clientId, ct);
            var (pdf, reference) = await exports.MakeAsync(client, request, "the client", byClient: true, ct);
            await audit.RecordDisclosureAsync(AuditActions.Export, AuditRecords.IncidentExport, reference, clientId, request.Audience.Code,
                request.Audience.RecipientName, ct);
            return AttachmentHttp.Export(Response, pdf, reference);
        });

    private async Task<IncidentExportPage> PageAsync(IncidentExportForm? form, CancellationToken ct)
    {
        var zone = await Calendar.ZoneAsync(ct);
        var entries = await IncidentExportChoices.ListAsync(Db, Own.ClientId, zone, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.IncidentEntry, null, Own.ClientId, ct); // the list: no entry is named
        var today = await Calendar.TodayAsync(ct);
        return new IncidentExportPage(form ?? IncidentExportForm.Defaults(entries, today), entries, today, zone, ForClient: true);
    }
}
