using System.Net;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Incidents;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Incidents;

/// <summary>Attachments through the pages: checked by content, stripped, encrypted, hashed, served only to the client and their clinician.</summary>
public sealed class AttachmentPagesTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task A_phone_photo_is_stored_without_gps_encrypted_with_its_hash_and_served_never_cached()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Gia Gps");
        var entry = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId);
        var client = await CheckInArrange.SignedInAsync(app, login);
        var page = $"/client/log/{entry.Id}/files";
        var photo = AttachmentFiles.JpegWithGps(64, 48);

        var response = await AttachmentArrange.UploadAsync(client, page, photo, "IMG_0001.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await AttachmentArrange.StoredAsync(app, entry.Id));
        Assert.Equal(AttachmentFormat.Jpeg, stored.Format);
        Assert.False(AttachmentFiles.Contains(stored.SealedContent, "Exif"));
        Assert.DoesNotContain(stored.SealedContent.AsSpan(0, 2).ToArray(), new byte[][] { [0xFF, 0xD8] }); // not a JPEG at rest
        var plain = await AttachmentArrange.OpenedAsync(app, stored);
        Assert.False(AttachmentFiles.Contains(plain, AttachmentFiles.GpsMarker));
        Assert.False(AttachmentFiles.Contains(plain, "Exif"));
        Assert.Equal(stored.ContentHash, AttachmentRules.Hash(plain));
        Assert.True(stored.Verifies(plain));
        Assert.Equal((48, 64), (stored.Width, stored.Height)); // turned upright before the orientation tag was dropped

        var listed = await client.GetPageAsync(page);
        Assert.Contains(IncidentExportDocument.Grouped(stored.ContentHash), listed);
        var file = await client.Http.GetAsync($"/client/log/files/{stored.Id}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(plain, await file.Content.ReadAsByteArrayAsync());
        Assert.Contains("no-store", file.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Assert.Single(file.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(AttachmentRules.NeutralFileName(stored.Id, AttachmentFormat.Jpeg), file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a.Action == AuditActions.View && a.RecordType == AuditRecords.IncidentAttachment
            && a.RecordId == stored.Id.ToString() && a.UserId == login.UserId);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("oversize")]
    [InlineData("empty")]
    [InlineData("pdf-script")]
    public async Task A_file_that_is_not_a_clean_picture_or_pdf_is_refused_with_a_message_and_nothing_is_saved(string kind)
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Rex Refused");
        var entry = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId);
        var client = await CheckInArrange.SignedInAsync(app, login);
        var page = $"/client/log/{entry.Id}/files";
        var (content, message) = kind switch
        {
            "html" => ("<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray(), AttachmentRules.NotAllowedMessage),
            "oversize" => ([.. AttachmentFiles.Png(), .. new byte[AttachmentRules.MaxBytes]], AttachmentRules.TooLargeMessage),
            "empty" => ([], AttachmentRules.EmptyMessage),
            _ => (AttachmentFiles.Pdf(change: d =>
            {
                var launch = new PdfSharp.Pdf.PdfDictionary(d);
                launch.Elements["/S"] = new PdfSharp.Pdf.PdfName("/Launch");
                d.Internals.Catalog.Elements["/OpenAction"] = launch;
            }), PdfActiveContent.ActiveMessage),
        };
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true);

        var response = await AttachmentArrange.UploadAsync(client, page, content, "screenshot.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(message), await response.Content.ReadAsStringAsync());
        Assert.Empty(await AttachmentArrange.StoredAsync(app, entry.Id));
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
    }

    [Fact]
    public async Task The_clinician_reads_a_shared_entrys_file_but_not_a_private_ones_and_nobody_else_reads_either()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Flo Files");
        var shared = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId);
        var kept = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId, isPrivate: true);
        var pdf = await AttachmentArrange.AddAsync(app, shared, login.UserId, AttachmentFiles.Pdf(pages: 2));
        var secret = await AttachmentArrange.AddAsync(app, kept, login.UserId, AttachmentFiles.Png());
        var c = login.Client.Id;

        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var download = await morgan.Http.GetAsync($"/clinician/clients/{c}/incidents/files/{pdf.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", download.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await morgan.Http.GetAsync($"/clinician/clients/{c}/incidents/{shared.Id}/files")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await morgan.Http.GetAsync($"/clinician/clients/{c}/incidents/files/{secret.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await morgan.Http.GetAsync($"/clinician/clients/{c}/incidents/{kept.Id}/files")).StatusCode);

        var client = await CheckInArrange.SignedInAsync(app, login);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/client/log/files/{secret.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/client/log/files/{pdf.Id}")).StatusCode);

        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        foreach (var id in new[] { pdf.Id, secret.Id })
            Assert.Equal(HttpStatusCode.NotFound, (await riley.Http.GetAsync($"/clinician/clients/{c}/incidents/files/{id}")).StatusCode);
        // An administrator never reaches the clinician area (sent to "access denied"), and their scope reads no attachment at all.
        var admin = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);
        var asAdmin = await admin.Http.GetAsync($"/clinician/clients/{c}/incidents/files/{pdf.Id}");
        Assert.Equal(HttpStatusCode.Redirect, asAdmin.StatusCode);
        Assert.StartsWith("/account/access-denied", asAdmin.Headers.Location!.PathAndQuery);
        await using (var adminDb = IncidentArrange.As(app, AccessKind.Admin, await Arrange.UserIdAsync(app, DemoLogins.AdminEmail)))
            Assert.False(await adminDb.Set<IncidentAttachment>().AnyAsync(a => a.ClientId == c));
        await using (var systemDb = IncidentArrange.As(app, AccessKind.System, Guid.Empty))
            Assert.Equal([pdf.Id], await systemDb.Set<IncidentAttachment>().Where(a => a.ClientId == c).Select(a => a.Id).ToListAsync());
        // Another client of the same clinician asks for these files by id.
        var other = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Otto Other");
        var otherSession = await CheckInArrange.SignedInAsync(app, other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSession.Http.GetAsync($"/client/log/files/{pdf.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSession.Http.GetAsync($"/client/log/{shared.Id}/files")).StatusCode);
        // A tampered id (the right attachment under another client's address) gives nothing either.
        var otherClient = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Tam Pered");
        Assert.Equal(HttpStatusCode.NotFound, (await morgan.Http.GetAsync($"/clinician/clients/{otherClient.Id}/incidents/files/{pdf.Id}")).StatusCode);
        // No audit row names the private entry's file.
        Assert.DoesNotContain(await Arrange.AuditAsync(app, c), a => a.RecordId == secret.Id.ToString() || a.RecordId == kept.Id.ToString());
    }

    [Fact]
    public async Task The_clinician_adds_a_file_to_an_entry_after_its_correction_window()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Lou Later");
        var entry = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId);
        await IncidentArrange.BackdateAsync(app, entry.Id, TimeSpan.FromDays(3));
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = $"/clinician/clients/{login.Client.Id}/incidents/{entry.Id}/files";

        var response = await AttachmentArrange.UploadAsync(morgan, page, AttachmentFiles.Png(textChunk: "from the desk"), "scan.png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await AttachmentArrange.StoredAsync(app, entry.Id));
        Assert.Equal(IncidentAuthor.Clinician, stored.AddedBy);
        Assert.Equal(AttachmentFormat.Png, stored.Format);
        Assert.False(AttachmentFiles.Contains(await AttachmentArrange.OpenedAsync(app, stored), "from the desk"));
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a.Action == AuditActions.Create && a.RecordId == stored.Id.ToString());
        // Evidence stays: the database refuses to change or remove it.
        var refused = await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() =>
            IncidentArrange.ExecuteAsync(app, "DELETE FROM incident_attachments WHERE id = @id", new Npgsql.NpgsqlParameter("id", stored.Id)));
        Assert.Contains("never changed or removed", refused.MessageText);
    }
}
