using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.Web.Areas.ClientSpace.CheckIns;
using ClinicPortal.Web.Features.Incidents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.LogFiles;

/// <summary>
/// The screenshots, photos and PDFs the client keeps with one of their log entries (private ones too): list, add from the
/// phone's camera or photo picker, open. Every query names the signed-in client's id; any other id answers 404. A private
/// entry's files write no audit rows, like the entry itself.
/// </summary>
[Route("client/log")]
public sealed class LogFilesController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit, IncidentAttachments attachments, IncidentLog log)
    : ClientSpaceController(db, calendar)
{
    protected override bool RequiresOwnRecord => true;

    [HttpGet("{entryId:guid}/files")]
    public async Task<IActionResult> Files(Guid entryId, CancellationToken ct) =>
        await log.FindAsync(Own.ClientId, entryId, ct) is { } entry ? View(await PageAsync(entry, ct)) : NotFound();

    [HttpPost("{entryId:guid}/files")]
    [RequestSizeLimit(AttachmentRules.MaxBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachmentRules.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> Upload(Guid entryId, IFormFile? file, CancellationToken ct)
    {
        if (await log.FindAsync(Own.ClientId, entryId, ct) is not { } entry) return NotFound();
        return await SubmitAsync(async () => View(nameof(Files), await PageAsync(entry, ct)), async () =>
        {
            if (Own.IsReadOnly) throw new DomainRuleException(CheckInsController.DischargedMessage);
            await attachments.AddAsync(entry, await AttachmentHttp.ReadAsync(file, ct), IncidentAuthor.Client, Me, ct);
            Flash("Added. Details such as where a photo was taken were removed, and it is stored safely.");
            return RedirectToAction(nameof(Files), new { entryId });
        });
    }

    [HttpGet("files/{attachmentId:guid}")]
    public async Task<IActionResult> Open(Guid attachmentId, CancellationToken ct) =>
        await attachments.OpenAsync(Own.ClientId, attachmentId, ct) is { } file ? AttachmentHttp.File(Response, file) : NotFound();


    private async Task<AttachmentsPage> PageAsync(IncidentEntry entry, CancellationToken ct)
    {
        var files = await attachments.ListAsync(Own.ClientId, [entry.Id], ct);
        if (!entry.IsPrivate) await audit.RecordAsync(AuditActions.View, AuditRecords.IncidentEntry, entry.Id, Own.ClientId, ct);
        return new AttachmentsPage(entry.Id, entry.OccurredAt, CheckInLabels.Of(entry.Channel), entry.IsPrivate, files, Own.Zone, CanAdd: !Own.IsReadOnly);
    }
}
