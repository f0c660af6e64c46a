using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Incidents;

/// <summary>What an attachment is, judged by its first bytes only (never the file name or the browser's content type).</summary>
public enum AttachmentFormat { Jpeg = 1, Png = 2, WebP = 3, Pdf = 4 }

/// <summary>
/// The rules every attachment of an incident entry passes before anything is stored: a size limit, a number per entry,
/// and a format recognised by content. Decoding (an image that really decodes, a PDF that really opens) follows in
/// Infrastructure; these are the checks that need no library.
/// </summary>
public static class AttachmentRules
{
    /// <summary>One limit for every file: a phone photo or a long PDF of messages fits, a video does not.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerEntry = 10;
    /// <summary>Decoded size limit, so a small file that decodes to a huge bitmap (a "decompression bomb") is refused.</summary>
    public const long MaxPixels = 40_000_000;

    public const string EmptyMessage = "Choose a picture or a PDF to add.";
    public const string TooLargeMessage = "That file is larger than 10 MB. Send a smaller picture or PDF (a screenshot, or a photo taken at a lower size).";
    public const string TooManyMessage = "This entry already has 10 attachments, the most one entry can hold.";
    public const string NotAllowedMessage = "Only pictures (JPEG, PNG or WebP) and PDF files can be added. This file is neither, whatever its name says.";
    public const string UnreadableImageMessage = "That picture could not be read. It may be damaged: take the screenshot or photo again.";
    public const string TooManyPixelsMessage = "That picture is too large in pixels (over 40 megapixels). Send a smaller copy.";
    public const string UnreadablePdfMessage = "That PDF could not be opened. It may be damaged or protected by a password: save it again without a password.";

    /// <summary>The format the bytes say they are, or null.</summary>
    public static AttachmentFormat? Detect(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return AttachmentFormat.Jpeg;
        if (b.Length >= 8 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return AttachmentFormat.Png;
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return AttachmentFormat.WebP;
        // A PDF starts with its header; readers allow a little junk before it, which is exactly where a polyglot hides: not here.
        if (b.Length >= 5 && b[..5].SequenceEqual("%PDF-"u8)) return AttachmentFormat.Pdf;
        return null;
    }

    /// <summary>Size, count and format in one place; throws <see cref="DomainRuleException"/> with a message for the page.</summary>
    public static AttachmentFormat Check(ReadOnlySpan<byte> content, int alreadyOnEntry)
    {
        if (content.IsEmpty) throw new DomainRuleException(EmptyMessage);
        if (content.Length > MaxBytes) throw new DomainRuleException(TooLargeMessage);
        if (alreadyOnEntry >= MaxPerEntry) throw new DomainRuleException(TooManyMessage);
        return Detect(content) ?? throw new DomainRuleException(NotAllowedMessage);
    }

    public static string ContentType(AttachmentFormat format) => format switch
    {
        AttachmentFormat.Jpeg => "image/jpeg",
        AttachmentFormat.Png => "image/png",
        AttachmentFormat.WebP => "image/webp",
        _ => "application/pdf",
    };

    public static string Extension(AttachmentFormat format) => format switch
    {
        AttachmentFormat.Jpeg => "jpg",
        AttachmentFormat.Png => "png",
        AttachmentFormat.WebP => "webp",
        _ => "pdf",
    };

    public static bool IsImage(AttachmentFormat format) => format != AttachmentFormat.Pdf;

    /// <summary>A file name that says nothing (downloads folders and browser histories are not private): "attachment-3f2a9c1e.jpg".</summary>
    public static string NeutralFileName(Guid attachmentId, AttachmentFormat format) => $"attachment-{attachmentId.ToString("N")[..8]}.{Extension(format)}";

    /// <summary>The hex SHA-256 of the stored (sanitised) bytes: shown with the attachment and recomputed to verify it.</summary>
    public static string Hash(ReadOnlySpan<byte> stored) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored));
}
