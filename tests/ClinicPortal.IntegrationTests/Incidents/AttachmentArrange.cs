using System.Net.Http.Headers;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Incidents;

/// <summary>Uploads as a browser sends them (multipart, with the page's anti-forgery token), and the stored rows read back.</summary>
internal static class AttachmentArrange
{
    /// <summary>Posts <paramref name="content"/> under <paramref name="fileName"/> and a browser-chosen content type to the page's form.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(BrowserSession session, string page, byte[] content, string fileName, string contentType = "image/png")
    {
        var token = await session.TokenFromAsync(page);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await session.Http.PostAsync(page, form);
    }

    public static async Task<List<IncidentAttachment>> StoredAsync(ClinicAppFactory app, Guid entryId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<IncidentAttachment>().IgnoreQueryFilters().AsNoTracking().Where(a => a.IncidentId == entryId)
            .OrderBy(a => a.AddedAt).ToListAsync();
    }

    /// <summary>The stored file decrypted with the app's own key (as the app would serve it).</summary>
    public static async Task<byte[]> OpenedAsync(ClinicAppFactory app, IncidentAttachment a)
    {
        await using var scope = app.SystemScope();
        return scope.ServiceProvider.GetRequiredService<AttachmentVault>().Open(a.SealedContent, a.Id, a.ClientId);
    }

    /// <summary>Adds a file through the app's own service (no page), as the client.</summary>
    public static async Task<IncidentAttachment> AddAsync(ClinicAppFactory app, IncidentEntry entry, Guid userId, byte[] upload)
    {
        await using var scope = app.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<IncidentAttachments>().AddAsync(entry, upload, IncidentAuthor.Client, userId, default);
    }
}
