using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Incidents;

/// <summary>An attachment as a list shows it (never its bytes).</summary>
public sealed record AttachmentRow(Guid Id, Guid IncidentId, AttachmentFormat Format, int ByteCount, int Width, int Height, int PageCount,
    string ContentHash, IncidentAuthor AddedBy, DateTimeOffset AddedAt);

/// <summary>An attachment opened for download: the plain (sanitised) bytes and whether they still match their hash.</summary>
public sealed record OpenedAttachment(Guid Id, AttachmentFormat Format, byte[] Content, bool Intact)
{
    public string ContentType => AttachmentRules.ContentType(Format);
    public string FileName => AttachmentRules.NeutralFileName(Id, Format);
}

/// <summary>
/// Adds and opens the pictures and PDFs of incident entries. Every file is checked by content and sanitised
/// (<see cref="AttachmentSanitizer"/>) and sealed (<see cref="AttachmentVault"/>) before it is stored, in one unit of work
/// with its audit row; nothing is kept of a refused file. Reads go through the data filters (through the entry), so another
/// clinician, an administrator or staff asking for a private entry's file find nothing. Every add and open is audited,
/// except for a private entry's files (no audit row names a private entry).
/// </summary>
public sealed class IncidentAttachments(ClinicDbContext db, AttachmentVault vault, AuditTrail audit, TimeProvider clock)
{
    public async Task<IncidentAttachment> AddAsync(IncidentEntry entry, byte[] upload, IncidentAuthor by, Guid byUserId, CancellationToken ct)
    {
        var already = await db.Set<IncidentAttachment>().CountAsync(a => a.IncidentId == entry.Id && a.ClientId == entry.ClientId, ct);
        var file = AttachmentSanitizer.Sanitize(upload, already);
        var attachment = IncidentAttachment.Add(entry, file.Content, file.Format, file.Width, file.Height, file.PageCount, by, byUserId, clock.GetUtcNow(),
            (id, clientId, plain) => vault.Seal(plain, id, clientId));
        db.Add(attachment);
        if (!entry.IsPrivate) audit.Add(AuditActions.Create, AuditRecords.IncidentAttachment, attachment.Id, entry.ClientId);
        await db.SaveChangesAsync(ct);
        return attachment;
    }

    /// <summary>The attachments of these entries of the client, oldest first (no bytes are read).</summary>
    public async Task<IReadOnlyList<AttachmentRow>> ListAsync(Guid clientId, IReadOnlyCollection<Guid> entryIds, CancellationToken ct) =>
        await db.Set<IncidentAttachment>().Where(a => a.ClientId == clientId && entryIds.Contains(a.IncidentId)).OrderBy(a => a.AddedAt)
            .Select(a => new AttachmentRow(a.Id, a.IncidentId, a.Format, a.ByteCount, a.Width, a.Height, a.PageCount, a.ContentHash, a.AddedBy, a.AddedAt))
            .ToListAsync(ct);

    /// <summary>The file, decrypted and checked against its hash; null when the id is not one this user may read (the page answers 404).</summary>
    public async Task<OpenedAttachment?> OpenAsync(Guid clientId, Guid attachmentId, CancellationToken ct)
    {
        var found = await db.Set<IncidentAttachment>().AsNoTracking().Where(a => a.Id == attachmentId && a.ClientId == clientId)
            .Select(a => new { Attachment = a, Private = db.Set<IncidentEntry>().Where(e => e.Id == a.IncidentId).Select(e => e.IsPrivate).First() })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var a = found.Attachment;
        var plain = vault.Open(a.SealedContent, a.Id, a.ClientId);
        if (!found.Private) await audit.RecordAsync(AuditActions.View, AuditRecords.IncidentAttachment, a.Id, clientId, ct);
        return new OpenedAttachment(a.Id, a.Format, plain, a.Verifies(plain));
    }

    /// <summary>The attachments of these entries as the export shows them: decrypted, verified and (pictures) made into thumbnails.</summary>
    public async Task<ILookup<Guid, ExportAttachment>> ForExportAsync(Guid clientId, IReadOnlyCollection<Guid> entryIds, Func<IncidentAuthor, Guid, string> author,
        CancellationToken ct)
    {
        var rows = await db.Set<IncidentAttachment>().AsNoTracking().Where(a => a.ClientId == clientId && entryIds.Contains(a.IncidentId))
            .OrderBy(a => a.AddedAt).ToListAsync(ct);
        return rows.Select(a =>
        {
            var plain = vault.Open(a.SealedContent, a.Id, a.ClientId);
            var thumbnail = AttachmentRules.IsImage(a.Format) ? AttachmentThumbnail.Make(plain) : null;
            return (a.IncidentId, Shown: new ExportAttachment(a.Format, a.Width, a.Height, a.PageCount, a.ContentHash, a.Verifies(plain), a.AddedAt,
                author(a.AddedBy, a.AddedByUserId), thumbnail));
        }).ToLookup(x => x.IncidentId, x => x.Shown);
    }
}
