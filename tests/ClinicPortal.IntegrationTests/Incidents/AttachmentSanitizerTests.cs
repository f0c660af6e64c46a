using System.Security.Cryptography;
using System.Text;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Incidents;
using Microsoft.AspNetCore.DataProtection;
using PdfSharp.Pdf;
using SkiaSharp;

namespace ClinicPortal.IntegrationTests.Incidents;

/// <summary>The sanitiser and the vault on their own (no database): what is stored carries no metadata and is not readable without the key.</summary>
public sealed class AttachmentSanitizerTests
{
    [Fact]
    public void A_photo_loses_its_gps_and_exif_and_is_turned_upright_first()
    {
        var upload = AttachmentFiles.JpegWithGps(width: 40, height: 20, orientation: 6);
        using (var original = SKCodec.Create(SKData.CreateCopy(upload)))
            Assert.Equal(SKEncodedOrigin.RightTop, original.EncodedOrigin); // the test file really carries EXIF
        Assert.True(AttachmentFiles.Contains(upload, AttachmentFiles.GpsMarker));

        var stored = AttachmentSanitizer.Sanitize(upload, 0);

        Assert.Equal(AttachmentFormat.Jpeg, stored.Format);
        Assert.False(AttachmentFiles.Contains(stored.Content, "Exif"));
        Assert.False(AttachmentFiles.Contains(stored.Content, AttachmentFiles.GpsMarker));
        using var codec = SKCodec.Create(SKData.CreateCopy(stored.Content));
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        Assert.Equal((20, 40), (codec.Info.Width, codec.Info.Height)); // turned a quarter right, as the tag said
        Assert.Equal((20, 40), (stored.Width, stored.Height));
        using var upright = SKBitmap.Decode(stored.Content);
        // The marked top-left quarter of the stored pixels is now the top-right of the upright picture.
        Assert.True(upright.GetPixel(17, 3).Red > 180 && upright.GetPixel(3, 3).Blue > 120);
        Assert.Equal(AttachmentRules.Hash(stored.Content), stored.Hash);
    }

    [Fact]
    public void A_screenshot_stays_a_png_without_its_text_chunks()
    {
        var upload = AttachmentFiles.Png(textChunk: "taken at home");
        var stored = AttachmentSanitizer.Sanitize(upload, 0);
        Assert.Equal(AttachmentFormat.Png, stored.Format);
        Assert.True(AttachmentFiles.Contains(upload, "taken at home"));
        Assert.False(AttachmentFiles.Contains(stored.Content, "taken at home"));
        Assert.Equal((40, 20), (stored.Width, stored.Height));
    }

    [Fact]
    public void A_png_named_file_holding_html_is_refused_and_so_is_a_broken_picture()
    {
        Assert.Equal(AttachmentRules.NotAllowedMessage, Assert.Throws<DomainRuleException>(
            () => AttachmentSanitizer.Sanitize(Encoding.UTF8.GetBytes("<html><script>alert(1)</script>"), 0)).Message);
        var truncated = AttachmentFiles.Png()[..40]; // the right first bytes, no picture behind them
        Assert.Equal(AttachmentRules.UnreadableImageMessage, Assert.Throws<DomainRuleException>(() => AttachmentSanitizer.Sanitize(truncated, 0)).Message);
    }

    [Fact]
    public void A_pdf_is_saved_again_without_its_author_and_keeps_its_pages()
    {
        var upload = AttachmentFiles.Pdf(author: "Secret Author Name", pages: 3);
        Assert.True(AttachmentFiles.Contains(upload, "Secret Author Name"));
        var stored = AttachmentSanitizer.Sanitize(upload, 0);
        Assert.Equal(AttachmentFormat.Pdf, stored.Format);
        Assert.Equal(3, stored.PageCount);
        Assert.False(AttachmentFiles.Contains(stored.Content, "Secret Author Name"));
        Assert.Null(PdfActiveContent.Find(stored.Content));
    }

    [Fact]
    public void A_pdf_with_a_script_run_on_opening_is_refused()
    {
        var upload = AttachmentFiles.Pdf(change: d =>
        {
            var action = new PdfDictionary(d);
            action.Elements["/S"] = new PdfName("/JavaScript");
            action.Elements["/JS"] = new PdfString("app.alert('hi')");
            d.Internals.Catalog.Elements["/OpenAction"] = action;
        });
        Assert.Equal(PdfActiveContent.ActiveMessage, Assert.Throws<DomainRuleException>(() => AttachmentSanitizer.Sanitize(upload, 0)).Message);
    }

    [Fact]
    public void A_damaged_pdf_is_refused()
    {
        var upload = Encoding.ASCII.GetBytes("%PDF-1.7\nnot really a pdf at all\n");
        Assert.Equal(AttachmentRules.UnreadablePdfMessage, Assert.Throws<DomainRuleException>(() => AttachmentSanitizer.Sanitize(upload, 0)).Message);
    }

    [Fact]
    public void The_vault_stores_no_plain_bytes_and_opens_only_for_its_own_row()
    {
        var vault = new AttachmentVault(DataProtectionProvider.Create("attachment-tests"));
        var plain = AttachmentFiles.Png(textChunk: "plain marker");
        var (attachment, client) = (Guid.NewGuid(), Guid.NewGuid());

        var sealedBytes = vault.Seal(plain, attachment, client);

        Assert.False(AttachmentFiles.Contains(sealedBytes, "plain marker"));
        Assert.False(AttachmentFiles.Contains(sealedBytes, "IHDR"));
        Assert.Equal(plain, vault.Open(sealedBytes, attachment, client));
        Assert.NotEqual(sealedBytes, vault.Seal(plain, attachment, client)); // a new key and nonce every time
        Assert.ThrowsAny<CryptographicException>(() => vault.Open(sealedBytes, Guid.NewGuid(), client));
        sealedBytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => vault.Open(sealedBytes, attachment, client));
    }
}
