using System.Text.RegularExpressions;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;
using ClinicPortal.Web.Features.Passwords;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Accounts;

/// <summary>A client gets back into their own account: a forgotten password, and a sign-in re-issued with a code given in session.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class AccountRecoveryTests(PortalFixture portal) : PortalTest(portal)
{
    private const string OldPassword = "Old-Pass-word-2026!";
    private const string NewPassword = "Fresh-Start-2026!";

    private static async Task ChooseNewPasswordAsync(IPage page, string password)
    {
        await page.GetByLabel("New password").FillAsync(password);
        await page.GetByLabel("Type it again").FillAsync(password);
    }

    [Fact]
    public async Task A_client_who_forgot_their_password_resets_it_by_email_and_signs_in()
    {
        var (_, email) = await ClientSteps.ClientWithSignInAsync(Portal.Server, "Rhea Reset", OldPassword);
        var phone = await NewPageInFreshContextAsync(Phone);
        var mailBefore = PortalMail.Files(Portal.Server.MailDirectory);

        await phone.GotoAsync(PortalPages.SignInPath);
        await phone.GetByTestId("forgot-password").ClickAsync();
        await phone.GetByLabel("Email").FillAsync(email);
        await phone.GetByTestId("send-reset").ClickAsync();

        await Expect(phone.GetByTestId("reset-sent")).ToHaveTextAsync(PasswordResetController.Sent);
        await Expect(phone.GetByTestId("crisis-resources")).ToBeVisibleAsync();
        await PortalPages.ScreenshotAsync(phone, "password-reset-sent");
        var mail = await PortalMail.WaitForMessageToAsync(Portal.Server.MailDirectory, email, except: mailBefore);
        var link = ResetLink().Match(mail.Body);
        Assert.True(link.Success, $"No reset link in:\n{mail.Body}");
        Assert.DoesNotContain("Rhea", mail.Text); // discreet: no name

        await phone.GotoAsync(link.Value);
        await ChooseNewPasswordAsync(phone, NewPassword);
        await phone.GetByTestId("save-password").ClickAsync();

        await Expect(phone).ToHaveURLAsync(Url(PortalPages.SignInPath));
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed");
        await PortalPages.SignInAsync(phone, email, OldPassword);
        await Expect(phone.GetByTestId("errors")).ToContainTextAsync(AccountController.WrongCredentials);
        await PortalPages.SignInAsync(phone, email, NewPassword);
        await Expect(phone).ToHaveURLAsync(Url(RoleHomes.Client));
        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task A_clinician_re_issues_a_clients_sign_in_with_a_code_given_in_person_and_the_client_signs_in_with_it()
    {
        var (clientId, email) = await ClientSteps.ClientWithSignInAsync(Portal.Server, "Cody Code", OldPassword);
        var intruder = await NewPageInFreshContextAsync();
        await PortalPages.SignInAsync(intruder, email, OldPassword);
        await Expect(intruder).ToHaveURLAsync(Url(RoleHomes.Client));

        await SignInAsync(DemoLogins.MorganEmail, DemoLogins.ClinicianPassword);
        await Page.GotoAsync($"/clinician/clients/{clientId}");
        await Page.GetByTestId("reissue-code").ClickAsync();
        var code = (await Page.GetByTestId("sign-in-code").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", code);
        await ScreenshotAsync("reissued-sign-in-code");

        var client = await NewPageInFreshContextAsync(Phone);
        await client.GotoAsync(PortalPages.SignInPath);
        await client.GetByTestId("have-a-code").ClickAsync();
        await client.GetByLabel("Email").FillAsync(email);
        await client.GetByLabel("Code").FillAsync(code.ToLowerInvariant());
        await ChooseNewPasswordAsync(client, NewPassword);
        await client.GetByTestId("use-code").ClickAsync();

        await Expect(client).ToHaveURLAsync(Url(RoleHomes.Client));
        await Expect(client.GetByTestId("user-role")).ToHaveTextAsync("Client");
        // The person who knew the old password is out (within a minute; a reload after that shows sign-in).
        await Page.GotoAsync($"/clinician/clients/{clientId}");
        await Expect(Page.GetByTestId("sign-in-state")).ToContainTextAsync("The client has a sign-in");
        await PortalPages.SignInAsync(intruder, email, OldPassword);
        await Expect(intruder.GetByTestId("errors")).ToContainTextAsync(AccountController.WrongCredentials);
        AssertNoBrowserProblems();
    }

    [GeneratedRegex(@"https?://[^\s/]+/account/reset-password\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex ResetLink();
}
