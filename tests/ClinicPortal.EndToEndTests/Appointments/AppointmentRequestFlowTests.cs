using System.Text.RegularExpressions;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Appointments;

/// <summary>
/// In the browser: the clinician publishes a weekly window, the client asks for a time in it from the phone, the
/// clinician approves, and the session is booked on both sides.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AppointmentRequestFlowTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_client_requests_a_time_from_the_phone_and_the_clinician_approves_it()
    {
        var day = (await ClinicTodayAsync()).AddDays(5);
        var clinician = await NewPageInFreshContextAsync();
        await PortalPages.SignInAsync(clinician, DemoLogins.MorganEmail, DemoLogins.ClinicianPassword);
        await clinician.GotoAsync("/clinician/availability");
        await clinician.GetByLabel("Day").SelectOptionAsync(day.DayOfWeek.ToString());
        await clinician.GetByLabel("From").FillAsync("16:00");
        await clinician.GetByLabel("Until").FillAsync("17:00");
        await clinician.GetByTestId("add-availability").ClickAsync();
        await Expect(clinician.GetByTestId("availability-window").Filter(new() { HasText = $"{day.DayOfWeek} 16:00–17:00" }).First).ToBeVisibleAsync();

        var client = await NewPageInFreshContextAsync(Phone);
        await PortalPages.SignInAsync(client, DemoLogins.AveryEmail, DemoLogins.ClientPassword);
        await client.GetByTestId("open-appointments").ClickAsync();
        await Expect(client).ToHaveURLAsync(Url("/client/appointments"));
        await client.GetByLabel(new Regex("^Time")).SelectOptionAsync($"{day:yyyy-MM-dd}T16:00");
        await client.GetByTestId("send-request").ClickAsync();
        await Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("Your request is sent.");
        await Expect(client.GetByTestId("my-request").First).ToContainTextAsync("waiting for an answer");

        await clinician.GotoAsync("/clinician");
        await clinician.GetByTestId("caseload-client").Filter(new() { HasText = "Avery" }).ClickAsync();
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Sessions", Exact = true }).ClickAsync();
        await clinician.GetByTestId("open-requests").ClickAsync();
        await clinician.GetByTestId("request").Filter(new() { HasText = "New appointment" }).First.GetByTestId("approve-request").ClickAsync();
        await Expect(clinician.GetByRole(AriaRole.Status)).ToContainTextAsync("the session is booked and its reminders planned");

        await client.ReloadAsync();
        await Expect(client.GetByTestId("my-request").First).ToContainTextAsync("approved");
        await Expect(client.GetByTestId("booked-session").Filter(new() { HasText = "16:00" }).First).ToBeVisibleAsync();
        AssertNoBrowserProblems();
    }
}
