using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Incidents;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Incidents;

/// <summary>
/// On a phone-sized screen (360 x 740): Jordan adds a screenshot to one of her log entries through the file picker, sees it
/// listed with its hash and opens it; then makes a copy (PDF) of her entries. axe-core finds no serious or critical problem.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LogScreenshotPhoneTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_client_adds_a_screenshot_to_a_log_entry_on_a_phone_and_makes_a_copy()
    {
        var entryId = await EntryForJordanAsync();
        await using var context = await Portal.Browser.NewContextAsync(new()
        {
            BaseURL = Portal.BaseAddress.ToString(), ViewportSize = new() { Width = 360, Height = 740 }, Locale = "en-US", BypassCSP = true,
        });
        var phone = await context.NewPageAsync();
        await PortalPages.SignInAsync(phone, DemoLogins.JordanEmail, DemoLogins.ClientPassword);
        await Expect(phone).ToHaveURLAsync(Url("/client"));

        await phone.GotoAsync($"/client/log/{entryId}/files");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Pictures and files" })).ToBeVisibleAsync();
        Assert.Equal("image/*,application/pdf", await phone.GetByLabel("Choose a picture or take a photo").GetAttributeAsync("accept"));
        var axe = await Axe.SeriousViolationsAsync(phone);
        Assert.True(axe.Count == 0, "axe-core found serious or critical problems on the files page:\n" + string.Join("\n", axe));

        await phone.GetByLabel("Choose a picture or take a photo").SetInputFilesAsync(new FilePayload
        {
            Name = "Screenshot_2026-03-01.png", MimeType = "image/png", Buffer = Screenshot(),
        });
        await phone.GetByTestId("attachment-add").ClickAsync();
        await Expect(phone.GetByTestId("attachment-link")).ToHaveCountAsync(1);
        await Expect(phone.GetByTestId("attachment-hash")).ToContainTextAsync("SHA-256");
        axe = await Axe.SeriousViolationsAsync(phone);
        Assert.True(axe.Count == 0, "axe-core found serious or critical problems after the upload:\n" + string.Join("\n", axe));
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the files page is {width} px wide on a 360 px screen");
        await PortalPages.ScreenshotAsync(phone, "log-screenshot-phone");
        var href = await phone.GetByTestId("attachment-link").GetAttributeAsync("href");
        var file = await phone.APIRequest.GetAsync(href!);
        Assert.Equal(200, file.Status);
        Assert.Equal("image/png", file.Headers["content-type"]);
        Assert.Equal("no-store", file.Headers["cache-control"]);

        await phone.GotoAsync("/client/log/copy");
        axe = await Axe.SeriousViolationsAsync(phone);
        Assert.True(axe.Count == 0, "axe-core found serious or critical problems on the copy page:\n" + string.Join("\n", axe));
        var download = await phone.RunAndWaitForDownloadAsync(() => phone.GetByTestId("export-pdf").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        Assert.DoesNotContain("incident", download.SuggestedFilename);
    }

    private async Task<Guid> EntryForJordanAsync()
    {
        await using var scope = Portal.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var client = await db.Clients.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == DemoLogins.JordanEmail)).Select(c => new { c.Id, c.UserId })
            .SingleAsync();
        var entry = await scope.ServiceProvider.GetRequiredService<IncidentLog>().WriteAsync(client.Id,
            new IncidentDetails(DateTimeOffset.UtcNow.AddHours(-2), null, null, null, ContactChannel.Text, "A message asking to meet, from a new number.",
                null, null, null, null, null), isPrivate: false, IncidentAuthor.Client, client.UserId!.Value, default);
        return entry.Id;
    }

    private static byte[] Screenshot()
    {
        using var bitmap = new SKBitmap(360, 640);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(SKColors.LightGray);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
