using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Incidents;
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
/// The pictures and PDFs of one incident entry, for the clinician who reaches the client: list, add, open. The entry is
/// found with both ids through the data filters, so a private entry, another client's or a tampered id answers 404.
/// Attachments are evidence: added at any time (each with its own author and time), never changed or removed.
/// </summary>
[Route("clinician/clients/{clientId:guid}/incidents")]
public sealed class IncidentFilesController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, IncidentAttachments attachments, IncidentLog log)
    : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Incidents;

    [HttpGet("{incidentId:guid}/files")]
    public async Task<IActionResult> Files(Guid incidentId, CancellationToken ct) =>
        await log.FindAsync(Client.Id, incidentId, ct) is { } entry ? View(await PageAsync(entry, ct)) : NotFound();

    [HttpPost("{incidentId:guid}/files")]
    [RequestSizeLimit(AttachmentRules.MaxBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachmentRules.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> Upload(Guid incidentId, IFormFile? file, CancellationToken ct)
    {
        if (await log.FindAsync(Client.Id, incidentId, ct) is not { } entry) return NotFound();
        return await SubmitAsync(async () => View(nameof(Files), await PageAsync(entry, ct)), async () =>
        {
            Client.EnsureEditable();
            await attachments.AddAsync(entry, await AttachmentHttp.ReadAsync(file, ct), IncidentAuthor.Clinician, Me, ct);
            Flash("Added. Its details were removed and it is stored encrypted.");
            return RedirectToAction(nameof(Files), new { incidentId });
        });
    }

    /// <summary>The file itself (a picture shows, a PDF downloads); 404 for any id this clinician may not read.</summary>
    [HttpGet("files/{attachmentId:guid}")]
    public async Task<IActionResult> Open(Guid attachmentId, CancellationToken ct) =>
        await attachments.OpenAsync(Client.Id, attachmentId, ct) is { } file ? AttachmentHttp.File(Response, file) : NotFound();


    private async Task<AttachmentsPage> PageAsync(IncidentEntry entry, CancellationToken ct)
    {
        var files = await attachments.ListAsync(Client.Id, [entry.Id], ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.IncidentEntry, entry.Id, Client.Id, ct);
        return new AttachmentsPage(entry.Id, entry.OccurredAt, CheckInLabels.Of(entry.Channel), entry.IsPrivate, files, await calendar.ZoneAsync(ct),
            CanAdd: !Header.IsReadOnly);
    }
}
