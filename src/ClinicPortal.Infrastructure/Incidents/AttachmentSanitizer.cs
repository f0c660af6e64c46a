using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using SkiaSharp;

namespace ClinicPortal.Infrastructure.Incidents;

/// <summary>An attachment as it is stored: re-encoded or re-saved, with nothing of the original file's metadata.</summary>
/// <param name="PageCount">Pages of a PDF; 0 for a picture.</param>
public sealed record SanitizedAttachment(byte[] Content, AttachmentFormat Format, int Width, int Height, int PageCount)
{
    public string Hash { get; } = AttachmentRules.Hash(Content);
}

/// <summary>
/// Makes an uploaded file safe to keep and show. A picture is decoded and drawn again into a new file (turned upright
/// first, as its EXIF orientation says): the encoder writes pixels only, so EXIF, GPS, XMP, comments and anything hidden
/// after the image are gone. A PDF with active content is refused; an inert one is opened and saved again by PDFsharp
/// without its document information and XMP metadata. Whatever cannot be decoded is refused.
/// </summary>
public static class AttachmentSanitizer
{
    private const int JpegQuality = 90;

    public static SanitizedAttachment Sanitize(byte[] upload, int alreadyOnEntry)
    {
        var format = AttachmentRules.Check(upload, alreadyOnEntry);
        return format == AttachmentFormat.Pdf ? Pdf(upload) : Image(upload, format);
    }

    private static SanitizedAttachment Image(byte[] upload, AttachmentFormat format)
    {
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data) ?? throw new DomainRuleException(AttachmentRules.UnreadableImageMessage);
        if ((long)codec.Info.Width * codec.Info.Height > AttachmentRules.MaxPixels) throw new DomainRuleException(AttachmentRules.TooManyPixelsMessage);
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) throw new DomainRuleException(AttachmentRules.UnreadableImageMessage);

        using var upright = Upright(decoded, codec.EncodedOrigin);
        // A screenshot stays lossless; a photo (JPEG, WebP) becomes a JPEG.
        var stored = format == AttachmentFormat.Png ? AttachmentFormat.Png : AttachmentFormat.Jpeg;
        using var image = SKImage.FromBitmap(upright);
        using var encoded = stored == AttachmentFormat.Png ? image.Encode(SKEncodedImageFormat.Png, 100) : image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        if (encoded is null) throw new DomainRuleException(AttachmentRules.UnreadableImageMessage);
        return new SanitizedAttachment(encoded.ToArray(), stored, upright.Width, upright.Height, 0);
    }

    /// <summary>Draws the pixels the way the camera's EXIF orientation says they are seen, so dropping the tag changes nothing on screen.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (source.Height, source.Width) : (source.Width, source.Height);
        var target = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(OriginMatrix(origin, source.Width, source.Height));
        using var pixels = SKImage.FromBitmap(source);
        canvas.DrawImage(pixels, 0, 0, SKSamplingOptions.Default);
        canvas.Flush();
        return target;
    }

    /// <summary>The transform from the stored pixels to the upright picture (EXIF orientations 1–8).</summary>
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    private static SanitizedAttachment Pdf(byte[] upload)
    {
        PdfActiveContent.Check(upload);
        PdfDocument document;
        try
        {
            document = PdfReader.Open(new MemoryStream(upload, writable: false), PdfDocumentOpenMode.Modify);
        }
        catch (Exception e) when (e is not DomainRuleException)
        {
            throw new DomainRuleException(AttachmentRules.UnreadablePdfMessage);
        }
        using (document)
        {
            var pages = document.PageCount;
            if (pages == 0) throw new DomainRuleException(AttachmentRules.UnreadablePdfMessage);
            // The parsed objects, whatever filters hid them in the bytes: a refused name anywhere refuses the file.
            foreach (var dictionary in document.Internals.GetAllObjects().OfType<PdfDictionary>())
            {
                if (dictionary.Elements.Keys.Any(k => PdfActiveContent.Refused.Contains(k.TrimStart('/')))
                    || dictionary.Elements.Values.OfType<PdfName>().Any(n => PdfActiveContent.Refused.Contains(n.Value.TrimStart('/'))))
                    throw new DomainRuleException(PdfActiveContent.ActiveMessage);
                dictionary.Elements.Remove("/Metadata"); // XMP: author, tools, dates, sometimes more
                dictionary.Elements.Remove("/PieceInfo"); // application data editors leave behind
            }
            foreach (var key in document.Info.Elements.Keys.ToList()) document.Info.Elements.Remove(key);
            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            var saved = output.ToArray();
            PdfActiveContent.Check(saved);
            return new SanitizedAttachment(saved, AttachmentFormat.Pdf, 0, 0, pages);
        }
    }
}
