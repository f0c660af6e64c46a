using System.Net;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;

namespace ClinicPortal.IntegrationTests.Foundation;

public sealed class SignInTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private BrowserSession NewSession() => new(app.CreateBrowserLikeClient());

    [Theory]
    [InlineData("/clinician")]
    [InlineData("/client")]
    [InlineData("/admin")]
    public async Task Anonymous_user_is_sent_to_sign_in(string page)
    {
        var response = await NewSession().Http.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData(DemoLogins.AdminEmail, DemoLogins.AdminPassword, "/admin", "Administration", "Ada Administrator", "Admin")]
    [InlineData(DemoLogins.MorganEmail, DemoLogins.ClinicianPassword, "/clinician", "Caseload", "Dr. Morgan Example", "Clinician")]
    [InlineData(DemoLogins.JordanEmail, DemoLogins.ClientPassword, "/client", "My space", "Jordy", "Client")]
    public async Task Each_role_lands_on_its_own_home(string email, string password, string home, string title, string name, string role)
    {
        var session = NewSession();

        var response = await session.SignInAsync(email, password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(home, response.Headers.Location!.OriginalString);
        var page = await session.GetPageAsync(home);
        Assert.Contains(title, page);
        Assert.Contains($"data-testid=\"user-name\">{name}<", page);
        Assert.Contains($"data-testid=\"user-role\">{role}<", page);
    }

    [Fact]
    public async Task Navigation_shows_only_the_roles_own_links()
    {
        var session = NewSession();
        await session.SignInAsync(DemoLogins.JordanEmail, DemoLogins.ClientPassword);

        var page = await session.GetPageAsync("/client");

        Assert.Contains("href=\"/client\"", page);
        Assert.DoesNotContain("href=\"/clinician\"", page);
        Assert.DoesNotContain("href=\"/admin\"", page);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_does_not_sign_in()
    {
        var session = NewSession();

        var response = await session.SignInAsync(DemoLogins.RileyEmail, "Not-the-password-1!");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(AccountController.WrongCredentials), await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await session.Http.GetAsync("/clinician")).StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_do_not_lock_an_account_that_someone_else_could_then_keep_locked()
    {
        var session = NewSession();
        const string email = DemoLogins.SkyEmail;
        for (var i = 0; i < 6; i++)
            await session.SignInAsync(email, $"Wrong-password-{i}!");

        var seventh = await NewSession().SignInAsync(email, DemoLogins.ClientPassword);

        Assert.Equal(HttpStatusCode.Redirect, seventh.StatusCode);
        Assert.Equal("/client", seventh.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/clinician")]
    [InlineData("/admin")]
    public async Task A_client_cannot_open_staff_homes(string page)
    {
        var session = NewSession();
        await session.SignInAsync(DemoLogins.CaseyEmail, DemoLogins.ClientPassword);

        var response = await session.Http.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        var denied = await session.Http.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var session = NewSession();
        await session.SignInAsync(DemoLogins.AdminEmail, DemoLogins.AdminPassword);

        var response = await session.PostFormAsync("/admin", "/account/sign-out", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var response = await NewSession().Http.PostAsync("/account/sign-in",
            new FormUrlEncodedContent([new("Email", DemoLogins.AdminEmail), new("Password", DemoLogins.AdminPassword)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var response = await NewSession().Http.GetAsync("/account/sign-in");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
