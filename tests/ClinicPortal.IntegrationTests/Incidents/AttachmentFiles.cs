using System.Buffers.Binary;
using System.Text;
using PdfSharp.Pdf;
using SkiaSharp;

namespace ClinicPortal.IntegrationTests.Incidents;

/// <summary>Files made for the attachment tests: pictures with EXIF and GPS written in by hand, PDFs made with PDFsharp.</summary>
internal static class AttachmentFiles
{
    /// <summary>A marker written into the GPS block, so a test can look for it in what is stored.</summary>
    public const string GpsMarker = "GPSSECRETSPOT";

    public static byte[] Png(int width = 40, int height = 20, string? textChunk = null)
    {
        var png = Encode(width, height, SKEncodedImageFormat.Png);
        if (textChunk is null) return png;
        // A tEXt chunk right after IHDR (8-byte signature + 25-byte IHDR chunk); its CRC is not checked by the test's reader.
        var data = Encoding.ASCII.GetBytes("Comment\0" + textChunk);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        "tEXt"u8.CopyTo(chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return [.. png[..33], .. chunk, .. png[33..]];
    }

    /// <summary>A JPEG of width × height pixels (as stored) with an EXIF block: orientation (6 = turn right to view) and GPS latitude.</summary>
    public static byte[] JpegWithGps(int width, int height, ushort orientation = 6)
    {
        var jpeg = Encode(width, height, SKEncodedImageFormat.Jpeg);
        var tiff = new List<byte>();
        void U16(int v) { tiff.Add((byte)v); tiff.Add((byte)(v >> 8)); }
        void U32(int v) { U16(v & 0xFFFF); U16(v >> 16); }
        void Entry(int tag, int type, int count, int value) { U16(tag); U16(type); U32(count); U32(value); }
        tiff.AddRange("II"u8.ToArray()); U16(42); U32(8);
        // IFD0 at 8: orientation and the GPS IFD's offset (8 + 2 + 2*12 + 4 = 38).
        U16(2); Entry(0x0112, 3, 1, orientation); Entry(0x8825, 4, 1, 38); U32(0);
        // GPS IFD at 38: latitude ref "N", latitude (3 rationals at 38 + 2 + 3*12 + 4 = 80), and a processing-method text at 104.
        var marker = Encoding.ASCII.GetBytes(GpsMarker + "\0");
        U16(3); Entry(0x0001, 2, 2, 'N'); Entry(0x0002, 5, 3, 80); Entry(0x001B, 7, marker.Length, 104); U32(0);
        U32(52); U32(1); U32(31); U32(1); U32(1234); U32(100);
        tiff.AddRange(marker);
        byte[] exif = [.. "Exif\0\0"u8.ToArray(), .. tiff];
        var app1 = new byte[4 + exif.Length];
        app1[0] = 0xFF; app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(app1, 4);
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    public static byte[] Pdf(string? author = null, int pages = 1, Action<PdfDocument>? change = null)
    {
        using var document = new PdfDocument();
        for (var i = 0; i < pages; i++) document.AddPage();
        if (author is not null) document.Info.Author = author;
        change?.Invoke(document);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.OrangeRed };
            canvas.DrawRect(0, 0, width / 2f, height / 2f, paint); // the top-left quarter marks which way is up
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
