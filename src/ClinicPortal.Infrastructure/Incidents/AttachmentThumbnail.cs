using SkiaSharp;

namespace ClinicPortal.Infrastructure.Incidents;

/// <summary>A small JPEG of a stored picture for the export (the stored file is already upright and metadata-free).</summary>
public static class AttachmentThumbnail
{
    public const int MaxSide = 320;

    public static byte[]? Make(byte[] storedPicture)
    {
        using var original = SKBitmap.Decode(storedPicture);
        if (original is null) return null;
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(original.Width, original.Height));
        var info = new SKImageInfo(Math.Max(1, (int)(original.Width * scale)), Math.Max(1, (int)(original.Height * scale)));
        using var small = original.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(small);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data?.ToArray();
    }
}
