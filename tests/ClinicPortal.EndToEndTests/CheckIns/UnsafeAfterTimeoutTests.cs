using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.CheckIns;

/// <summary>
/// On a phone, the client's session ends (the sign-in cookie is gone, as after the idle time) while their page is still on
/// screen: "I feel unsafe" still answers with the numbers and alerts their clinician, from the stale page and from the
/// signed-out page the phone lands on; the clinician sees the alert.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class UnsafeAfterTimeoutTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task After_the_session_expired_I_feel_unsafe_still_shows_the_numbers_and_alerts_the_clinician()
    {
        var phone = await NewPageInFreshContextAsync(Phone);
        await PortalPages.SignInAsync(phone, DemoLogins.QuinnEmail, DemoLogins.ClientPassword);
        await Expect(phone).ToHaveURLAsync(Url("/client"));

        // The session ends; the page stays on the phone.
        await phone.Context.ClearCookiesAsync(new() { Name = "clinicportal.auth" });
        await phone.GetByTestId("i-feel-unsafe").ClickAsync();

        await Expect(phone).ToHaveURLAsync(Url("/client/unsafe"));
        var firstCall = phone.GetByTestId("unsafe-call").First;
        await Expect(firstCall).ToBeInViewportAsync();
        await Expect(firstCall).ToHaveAttributeAsync("href", "tel:911");
        await Expect(phone.GetByTestId("clinician-told")).ToContainTextAsync("Your clinician has been alerted");
        await PortalPages.ScreenshotAsync(phone, "i-feel-unsafe-after-timeout");

        // The signed-out page the phone is sent to keeps the numbers and, on this tied device, the button.
        await phone.GotoAsync("/account/timed-out");
        await Expect(phone.GetByTestId("crisis-resources")).ToContainTextAsync("988");
        await phone.GetByTestId("i-feel-unsafe").ClickAsync();
        await Expect(phone.GetByTestId("clinician-told")).ToContainTextAsync("already alerted");

        // Riley, at a desk, has the alert.
        var clinician = await NewPageInFreshContextAsync();
        await PortalPages.SignInAsync(clinician, DemoLogins.RileyEmail, DemoLogins.ClinicianPassword);
        await clinician.GotoAsync("/clinician/alerts");
        var alert = clinician.GetByTestId("open-alert").Filter(new() { HasText = "Quinn" }).Filter(new() { HasText = "I feel unsafe" });
        await Expect(alert).ToHaveCountAsync(1);

        // Riley acknowledges it with what was done; it leaves the open list (and the top of the caseload) with that record.
        await alert.GetByTestId("acknowledge-response").SelectOptionAsync(new SelectOptionValue { Label = "Called the client" });
        await alert.GetByTestId("acknowledge").ClickAsync();
        await Expect(clinician.GetByRole(AriaRole.Status)).ToHaveTextAsync("Alert acknowledged.");
        await Expect(alert).ToHaveCountAsync(0);
        await Expect(clinician.GetByTestId("acknowledged-alert").Filter(new() { HasText = "Quinn" }).First.GetByTestId("alert-response")).ToHaveTextAsync("Called the client");
        AssertNoBrowserProblems();
    }
}
