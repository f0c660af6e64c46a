using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.ContactSafety;

/// <summary>
/// The clinician records contact safety with the client in the browser (the form as a browser posts it); the badge
/// shows on the header and the caseload; the client sees it on their phone and can only make it stricter.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ContactSafetyFlowTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Password = "Contact-Safe-Pass-2026!";

    [Fact]
    public async Task The_clinician_records_contact_safety_and_the_client_sees_it_and_makes_it_stricter()
    {
        var (clientId, email) = await ClientSteps.ClientWithSignInAsync(Portal.Server, "Cleo Contact", Password);

        // 1. The clinician, with the client: phone calls only, the inbox may be watched, weekday lunchtimes, one person never to contact.
        await SignInAsync(DemoLogins.MorganEmail, DemoLogins.ClinicianPassword);
        await Page.GotoAsync($"/clinician/clients/{clientId}");
        await Expect(Page.GetByTestId("contact-safety-badge")).ToHaveTextAsync("Contact safety not recorded");
        await Page.GetByTestId("contact-safety-badge").ClickAsync();
        await Expect(Page.GetByTestId("profile-not-recorded")).ToBeVisibleAsync();
        await Page.GetByLabel("Phone calls and voicemail").CheckAsync();
        await Page.GetByLabel("Their phone, computer or inbox may be watched by someone else").CheckAsync();
        await Page.GetByLabel("Contact only at these times (the client's own time)").CheckAsync();
        await Page.GetByLabel("From").FillAsync("12:00");
        await Page.GetByLabel("Until").FillAsync("13:00");
        await Page.GetByLabel("People who must never be contacted about the client").FillAsync("Dana (sister)");
        await Page.GetByLabel("Note", new() { Exact = true }).FillAsync("Work phone only, no voicemail.");
        await Page.GetByTestId("save-contact-safety").ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Contact safety saved. Every message to this client follows it from now on.");
        await Expect(Page.GetByTestId("contact-safety-badge")).ToHaveTextAsync("No email");
        await Expect(Page.GetByLabel("Email", new() { Exact = true })).Not.ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Phone calls and voicemail")).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Their phone, computer or inbox may be watched by someone else")).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("From")).ToHaveValueAsync("12:00");
        await Expect(Page.GetByLabel("People who must never be contacted about the client")).ToHaveValueAsync("Dana (sister)");
        await ScreenshotAsync("contact-safety-clinician");

        await Page.GotoAsync(RoleHomes.Clinician);
        var row = Page.Locator("tr").Filter(new() { HasText = "Cleo Contact" });
        await Expect(row.GetByTestId("contact-safety-badge")).ToHaveTextAsync("No email");
        AssertNoBrowserProblems();

        // 2. The client, on their phone: what was agreed, and a way to make it stricter only.
        var phone = await NewPageInFreshContextAsync(Phone);
        await PortalPages.SignInAsync(phone, email, Password);
        await phone.GetByTestId("open-contact-safety").ClickAsync();
        await Expect(phone.GetByTestId("my-channels")).ToHaveTextAsync("None for now");
        await Expect(phone.GetByTestId("my-monitored")).ToHaveTextAsync("Yes: we send you no email");
        await Expect(phone.GetByTestId("my-contact-safety")).ToContainTextAsync("Dana (sister)");
        await Expect(phone.GetByTestId("my-contact-safety")).ToContainTextAsync("Work phone only, no voicemail.");
        await Expect(phone.GetByLabel("Email is OK", new() { Exact = true })).ToHaveCountAsync(0); // nothing to turn back on
        await phone.GetByLabel("Phone calls and voicemail is OK").UncheckAsync();
        await phone.GetByTestId("save-tighten").ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("We will not use the ways of contact you turned off.");
        await Expect(phone.GetByTestId("my-channels")).ToHaveTextAsync("None for now");
        await Expect(phone.GetByLabel("Phone calls and voicemail is OK")).ToHaveCountAsync(0);

        await Page.GotoAsync($"/clinician/clients/{clientId}/contact-safety");
        await Expect(Page.GetByLabel("Phone calls and voicemail")).Not.ToBeCheckedAsync();
        AssertNoBrowserProblems();
    }
}
