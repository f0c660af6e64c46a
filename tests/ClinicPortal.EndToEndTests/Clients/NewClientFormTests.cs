using Microsoft.Extensions.DependencyInjection;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Core.Clinics;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Clients;

[Collection(PortalCollection.Name)]
public sealed class NewClientFormTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>
    /// The form used to suggest the UTC date, which the clinic's own calendar calls "tomorrow" every
    /// evening in America: submitting the suggestion was refused as an intake date in the future.
    /// </summary>
    [Fact]
    public async Task The_suggested_intake_date_is_the_clinics_today_and_is_accepted_when_the_UTC_date_differs()
    {
        // A clinic zone whose date is not the UTC date right now: UTC-12 before noon UTC, UTC+14 after.
        var zoneId = DateTime.UtcNow.Hour < 12 ? "Etc/GMT+12" : "Etc/GMT-14";
        var original = await SetClinicTimeZoneAsync(zoneId);
        try
        {
            var clinicToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).DateTime);
            Assert.NotEqual(DateOnly.FromDateTime(DateTime.UtcNow), clinicToday);

            await SignInAsync("morgan.example@demo.clinicportal.test", DemoClinicSeeder.ClinicianPassword);
            await Page.GetByTestId("new-client").ClickAsync();
            await Expect(Page.GetByLabel("Intake date")).ToHaveValueAsync(clinicToday.ToString("yyyy-MM-dd"));
            await Page.GetByLabel("Full name").FillAsync("Tilda Timezone");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();

            await Expect(Page.GetByTestId("client-name")).ToHaveTextAsync("Tilda Timezone");
            await Expect(Page.GetByTestId("errors")).ToHaveCountAsync(0);
            AssertNoBrowserProblems();
        }
        finally
        {
            await SetClinicTimeZoneAsync(original);
        }
    }

    /// <summary>Changes the clinic's time zone as the settings page would (saved, then the app's cached copy dropped) and returns the previous one.</summary>
    private async Task<string> SetClinicTimeZoneAsync(string zoneId)
    {
        await using var scope = Portal.Server.SystemScope();
        var settings = await Portal.Server.SystemDb(scope).ClinicSettings.SingleAsync(s => s.Id == ClinicSettings.SingletonId);
        var previous = settings.TimeZoneId;
        settings.TimeZoneId = zoneId;
        await Portal.Server.SystemDb(scope).SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<ClinicSettingsCache>().Forget();
        return previous;
    }
}
