using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Messages;

/// <summary>
/// The secure thread on a phone-sized screen (360 x 740): the client reads the standing notice and writes; the clinician
/// sees the unread signal on the caseload and answers; the client finds the answer from their home. axe-core finds no
/// serious or critical problem on the thread.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class MessagesPhoneTests(PortalFixture portal) : PortalTest(portal)
{
    private const string AveryName = "Avery";
    private const string Question = "E2E: could we move next week to the afternoon?";
    private const string Answer = "E2E: yes, Thursday at three works.";

    [Fact]
    public async Task A_client_writes_from_the_phone_the_clinician_answers_and_the_thread_is_accessible()
    {
        // BypassCSP only so axe-core can be injected; everything else is the portal as served.
        await using var phone = await Portal.Browser.NewContextAsync(new()
        {
            BaseURL = Portal.BaseAddress.ToString(), ViewportSize = new() { Width = 360, Height = 740 }, Locale = "en-US", BypassCSP = true,
        });
        var client = await phone.NewPageAsync();
        await PortalPages.SignInAsync(client, DemoLogins.AveryEmail, DemoLogins.ClientPassword);
        await client.GetByTestId("open-messages").ClickAsync();
        await Expect(client).ToHaveURLAsync(Url("/client/messages"));
        await Expect(client.GetByTestId("thread-notice")).ToContainTextAsync("not for emergencies");
        await Expect(client.GetByTestId("notice-crisis-line").First).ToBeVisibleAsync();

        await client.GetByLabel("Your message").FillAsync(Question);
        await client.GetByTestId("send-message").ClickAsync();
        await Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("Message sent.");
        await Expect(client.GetByTestId("thread-message").Last).ToContainTextAsync(Question);
        var width = await client.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the thread is {width} px wide on a 360 px screen");
        var problems = await Axe.SeriousViolationsAsync(client);
        Assert.True(problems.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", problems));
        await PortalPages.ScreenshotAsync(client, "messages-phone-thread");

        var clinician = await NewPageInFreshContextAsync();
        await PortalPages.SignInAsync(clinician, DemoLogins.MorganEmail, DemoLogins.ClinicianPassword);
        await clinician.GotoAsync("/clinician?signal=UnreadMessages");
        var unread = clinician.Locator("tr").Filter(new() { HasText = AveryName }).GetByTestId("caseload-unread-messages");
        await Expect(unread).ToContainTextAsync("1 unread");
        await unread.ClickAsync();
        await Expect(clinician.GetByTestId("thread")).ToContainTextAsync(Question);
        await clinician.GetByLabel("Reply").FillAsync(Answer);
        await clinician.GetByTestId("send-message").ClickAsync();
        await Expect(clinician.GetByTestId("thread-message").Last).ToContainTextAsync(Answer);

        await client.GotoAsync("/client");
        await Expect(client.GetByTestId("unread-messages")).ToHaveTextAsync("1 new");
        await client.GetByTestId("open-messages").ClickAsync();
        await Expect(client.GetByTestId("thread-message").Last).ToContainTextAsync(Answer);
        AssertNoBrowserProblems();
    }
}
