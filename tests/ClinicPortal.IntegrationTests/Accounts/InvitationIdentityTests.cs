using System.Net;
using ClinicPortal.Core.Accounts;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Features.Invitations;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Accounts;

/// <summary>An emailed invitation always asks for the client's date of birth: the link alone is never enough.</summary>
public sealed class InvitationIdentityTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const string Born = "1991-03-14";

    private async Task<(Core.Clients.Client Client, string Link)> InvitedWithBirthDateAsync()
    {
        var email = $"ina.{Guid.NewGuid():N}@example.org";
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Ina Invited", email);
        await using (var scope = app.SystemScope())
            await app.SystemDb(scope).Database.ExecuteSqlInterpolatedAsync($"UPDATE clients SET date_of_birth = {DateOnly.Parse(Born)} WHERE id = {client.Id}");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync($"/clinician/clients/{client.Id}", $"/clinician/clients/{client.Id}/invite", [])).StatusCode);
        return (client, (await AccountArrange.LinkMailedToAsync(app, email, "/account/invitation", TimeSpan.FromSeconds(10)))!);
    }

    private Task<HttpResponseMessage> AcceptAsync(BrowserSession visitor, string link, string? born) =>
        visitor.PostFormAsync(link, "/account/invitation",
            [new("Token", AccountArrange.TokenOf(link)), new("DateOfBirth", born ?? ""), new("Password", AccountArrange.NewPassword), new("ConfirmPassword", AccountArrange.NewPassword)]);

    private async Task<Guid?> UserIdOfAsync(Guid clientId)
    {
        await using var scope = app.SystemScope();
        return (await app.SystemDb(scope).Clients.SingleAsync(c => c.Id == clientId)).UserId;
    }

    [Fact]
    public async Task The_link_with_the_right_date_of_birth_opens_the_account()
    {
        var (client, link) = await InvitedWithBirthDateAsync();
        var visitor = new BrowserSession(app.CreateBrowserLikeClient());
        Assert.Contains("Your date of birth", await visitor.GetPageAsync(link));

        var missing = await AcceptAsync(visitor, link, null);
        Assert.Contains(WebUtility.HtmlEncode(ClientInvitations.WrongDateOfBirth), await missing.Content.ReadAsStringAsync());
        Assert.Null(await UserIdOfAsync(client.Id));

        var accepted = await AcceptAsync(visitor, link, Born);
        Assert.Equal("/client", accepted.Headers.Location?.OriginalString);
        Assert.NotNull(await UserIdOfAsync(client.Id));
    }

    [Fact]
    public async Task A_few_wrong_dates_void_the_link_and_nothing_is_created()
    {
        var (client, link) = await InvitedWithBirthDateAsync();
        var interceptor = new BrowserSession(app.CreateBrowserLikeClient());
        for (var i = 1; i < OneTimeToken.MaxFailedAttempts; i++)
            Assert.Contains(WebUtility.HtmlEncode(ClientInvitations.WrongDateOfBirth), await (await AcceptAsync(interceptor, link, $"1980-01-{i:00}")).Content.ReadAsStringAsync());

        var last = await AcceptAsync(interceptor, link, "1980-02-01");

        Assert.Contains("no longer valid", await last.Content.ReadAsStringAsync());
        Assert.Contains("no longer valid", await (await AcceptAsync(new BrowserSession(app.CreateBrowserLikeClient()), link, Born)).Content.ReadAsStringAsync());
        Assert.Null(await UserIdOfAsync(client.Id));
    }

    [Fact]
    public async Task A_client_without_a_recorded_date_of_birth_is_not_invited_by_email_but_can_get_a_code()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Noa Nodate", $"noa.{Guid.NewGuid():N}@example.org");
        await using (var scope = app.SystemScope())
            await app.SystemDb(scope).Database.ExecuteSqlInterpolatedAsync($"UPDATE clients SET date_of_birth = NULL WHERE id = {client.Id}");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var overview = $"/clinician/clients/{client.Id}";
        var before = await Arrange.FingerprintAsync(app);

        await clinician.PostFormAsync(overview, $"{overview}/invite", []);

        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        var page = await clinician.GetPageAsync(overview);
        Assert.Contains(ClientInvitations.DateOfBirthRequired, WebUtility.HtmlDecode(page));
        Assert.Contains("data-testid=\"dob-hint\"", page);
        var code = await clinician.PostFormAsync(overview, $"{overview}/invite/code", []);
        Assert.Contains("data-testid=\"sign-in-code\"", await code.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_link_whose_client_no_longer_has_a_date_of_birth_does_not_open()
    {
        var (client, link) = await InvitedWithBirthDateAsync();
        await using (var scope = app.SystemScope())
            await app.SystemDb(scope).Database.ExecuteSqlInterpolatedAsync($"UPDATE clients SET date_of_birth = NULL WHERE id = {client.Id}");
        var visitor = new BrowserSession(app.CreateBrowserLikeClient());

        Assert.Contains("no longer valid", await (await visitor.Http.GetAsync(link)).Content.ReadAsStringAsync());
        Assert.Contains("no longer valid", await (await AcceptAsync(visitor, link, "")).Content.ReadAsStringAsync());
        Assert.Null(await UserIdOfAsync(client.Id));
    }
}
