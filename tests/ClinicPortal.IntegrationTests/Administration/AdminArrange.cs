using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Accounts;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Administration;

/// <summary>The demo clinic with two-step sign-in required for staff, as in production.</summary>
public sealed class TwoFactorApp() : ClinicAppFactory(demo: true, new Dictionary<string, string?> { ["ClinicPortal:RequireStaffTwoFactor"] = "true" });

/// <summary>The demo clinic on a hand-driven clock (cookie lifetimes, security-stamp checks).</summary>
public sealed class ClockedApp() : ClinicAppFactory(demo: true)
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

internal static partial class AdminArrange
{
    public const string AdminEmail = DemoLogins.AdminEmail;
    public const string NewPassword = "Fresh-Staff-Pass-2026!";

    public static Task<BrowserSession> AdminAsync(ClinicAppFactory app) => Arrange.SignedInAsync(app, AdminEmail, DemoLogins.AdminPassword);

    /// <summary>Invites through the admin page and returns the link's path and query from the email.</summary>
    public static async Task<string> InviteAsync(ClinicAppFactory app, BrowserSession admin, string email, string name, string role = Roles.Clinician)
    {
        var response = await admin.PostFormAsync("/admin/staff/invite", "/admin/staff/invite",
            [new("Email", email), new("DisplayName", name), new("Role", role)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return LinkFor(app, email);
    }

    public static string LinkFor(ClinicAppFactory app, string email)
    {
        var mail = ReceivedMail.InFolder(app.MailDirectory, "*.eml").Last(m => m.To == email).Text;
        var match = LinkPattern().Match(mail);
        Assert.True(match.Success, "No staff invitation link in the message");
        return new Uri(match.Value).PathAndQuery;
    }

    public static string TokenOf(string link) => link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];

    /// <summary>Accepts the invitation in a new browser; returns that (signed-in) session.</summary>
    public static async Task<(BrowserSession Session, HttpResponseMessage Response)> AcceptAsync(ClinicAppFactory app, string link, string password = NewPassword)
    {
        var visitor = new BrowserSession(app.CreateBrowserLikeClient());
        var response = await visitor.PostFormAsync("/account/sign-in", "/account/staff-invitation",
            [new("Token", TokenOf(link)), new("Password", password), new("ConfirmPassword", password)]);
        return (visitor, response);
    }

    /// <summary>Sets up the authenticator from the setup page the way a person would (reading the key) and returns the key.</summary>
    public static async Task<string> EnrolAsync(BrowserSession session, string password = NewPassword)
    {
        var page = await session.GetPageAsync("/account/two-factor/setup");
        var key = KeyOf(page);
        var response = await session.PostFormAsync("/account/two-factor/setup", "/account/two-factor/setup", [new("Code", Totp.Now(key)), new("CurrentPassword", password)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"recovery-codes\"", await response.Content.ReadAsStringAsync());
        return key;
    }

    public static string KeyOf(string setupPage)
    {
        var match = KeyPattern().Match(setupPage);
        Assert.True(match.Success, "No authenticator key on the setup page");
        return match.Groups[1].Value;
    }

    public static IReadOnlyList<string> RecoveryCodesOf(string page) =>
        RecoveryCodePattern().Matches(page[page.IndexOf("data-testid=\"recovery-codes\"", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Password, then the code step with a code computed here.</summary>
    public static async Task<HttpResponseMessage> SignInWithCodeAsync(BrowserSession session, string email, string password, string key, bool remember = false)
    {
        var first = await session.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/sign-in/code", first.Headers.Location!.OriginalString);
        return await session.PostFormAsync("/account/sign-in/code", "/account/sign-in/code",
            [new("Code", Totp.Now(key)), new("RememberDevice", remember ? "true" : "false")]);
    }

    public static async Task<long> CountAsync(ClinicAppFactory app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static async Task ExecuteAsync(ClinicAppFactory app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A working staff account straight in the database (for tests about what happens after the invitation).</summary>
    public static async Task<Guid> CreateStaffAsync(ClinicAppFactory app, string email, string role = Roles.Clinician)
    {
        await using var scope = app.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.ApplicationUser>>();
        var user = new Infrastructure.Identity.ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Staff " + email[..email.IndexOf('@')], CreatedAt = DateTimeOffset.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, NewPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    public static async Task<Infrastructure.Identity.ApplicationUser> UserAsync(ClinicAppFactory app, string email)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    [GeneratedRegex(@"https?://[^\s/]+/account/staff-invitation\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"data-testid=""authenticator-key"">([a-z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"<li><code>([A-Za-z0-9\-]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
