using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.Web.Areas.Clinician.Clients;
using ClinicPortal.Web.Features.Incidents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Incidents;

/// <summary>
/// The chronological export of chosen incident entries (PDF) for an advocate, a lawyer or a court. It runs in the
/// clinician's scope, so an entry the client keeps private is neither offered nor accepted (a tampered id is refused
/// with a message). Streamed, never stored; each one is audited as a disclosure with its audience.
/// </summary>
[Route("clinician/clients/{clientId:guid}/incidents/export")]
public sealed class IncidentExportController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, IncidentExports exports)
    : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Incidents;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Export", await PageAsync(null, ct));

    [HttpPost("")]
    public Task<IActionResult> Pdf(IncidentExportForm form, CancellationToken ct) =>
        SubmitAsync(async () => View("Export", await PageAsync(form, ct)), async () =>
        {
            var request = form.ToRequest();
            var me = Me;
            var name = await Db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).SingleAsync(ct);
            var (pdf, reference) = await exports.MakeAsync(Client, request, name, byClient: false, ct);
            await audit.RecordDisclosureAsync(AuditActions.Export, AuditRecords.IncidentExport, reference, Client.Id, request.Audience.Code,
                request.Audience.RecipientName, ct);
            return AttachmentHttp.Export(Response, pdf, reference);
        });

    private async Task<IncidentExportPage> PageAsync(IncidentExportForm? form, CancellationToken ct)
    {
        var zone = await calendar.ZoneAsync(ct);
        var entries = await IncidentExportChoices.ListAsync(Db, Client.Id, zone, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.IncidentEntry, null, Client.Id, ct);
        var today = await calendar.TodayAsync(ct);
        return new IncidentExportPage(form ?? IncidentExportForm.Defaults(entries, today), entries, today, zone, ForClient: false);
    }
}
