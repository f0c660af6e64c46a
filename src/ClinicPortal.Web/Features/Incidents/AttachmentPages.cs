using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Incidents;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Features.Incidents;

/// <summary>An entry's pictures and files, with the upload form (the clinician's page and the client's alike).</summary>
public sealed record AttachmentsPage(Guid EntryId, DateTimeOffset OccurredAt, string Channel, bool IsPrivate, IReadOnlyList<AttachmentRow> Files,
    TimeZoneInfo Zone, bool CanAdd)
{
    public bool Full => Files.Count >= AttachmentRules.MaxPerEntry;
}

/// <summary>Reading an upload and answering with a stored file, one way for both areas.</summary>
public static class AttachmentHttp
{
    /// <summary>What the file input offers on a phone: the camera and the photo picker, and PDF files.</summary>
    public const string Accept = "image/*,application/pdf";

    /// <summary>The upload's bytes, reading at most one byte past the limit (the limit's message, not a half-read file).</summary>
    public static async Task<byte[]> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw new DomainRuleException(AttachmentRules.EmptyMessage);
        if (file.Length > AttachmentRules.MaxBytes) throw new DomainRuleException(AttachmentRules.TooLargeMessage);
        await using var stream = file.OpenReadStream();
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.Length > AttachmentRules.MaxBytes ? throw new DomainRuleException(AttachmentRules.TooLargeMessage) : buffer.ToArray();
    }

    /// <summary>
    /// The stored file, never cached, never sniffed, under a neutral name; a PDF always downloads (a browser's PDF viewer
    /// is not opened on evidence), a picture shows inline.
    /// </summary>
    public static IActionResult File(HttpResponse response, OpenedAttachment file)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        var disposition = file.Format == AttachmentFormat.Pdf ? "attachment" : "inline";
        response.Headers.ContentDisposition = $"{disposition}; filename=\"{file.FileName}\"";
        return new FileContentResult(file.Content, file.ContentType);
    }

    /// <summary>The export streamed as a download, never stored, never cached.</summary>
    public static IActionResult Export(HttpResponse response, byte[] pdf, Guid reference)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        return new FileContentResult(pdf, "application/pdf") { FileDownloadName = $"record-{IncidentExportDocument.Reference(reference)}.pdf" };
    }
}
