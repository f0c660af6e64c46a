using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Accounts;

/// <summary>The demo app with the security stamp checked on every request, so an ended session shows at once.</summary>
public sealed class AccountsApp() : ClinicAppFactory(demo: true)
{
    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
}

internal static partial class AccountArrange
{
    public const string Password = "Own-Pass-word-2026!";
    public const string NewPassword = "Brand-New-Pass-2026!";

    /// <summary>A client of Morgan's whose email is also their sign-in address (one address), with a password.</summary>
    public static async Task<ClientLogin> ClientAsync(ClinicAppFactory app, string name = "Ari Account")
    {
        var email = $"ari.{Guid.NewGuid():N}@example.org";
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, name, email);
        await using var scope = app.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
        Xunit.Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Xunit.Assert.True((await users.AddToRoleAsync(user, Roles.Client)).Succeeded);
        var db = app.SystemDb(scope);
        var tracked = await db.Clients.SingleAsync(c => c.Id == client.Id);
        tracked.LinkAccount(user.Id, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return new ClientLogin(tracked, email, Password, user.Id);
    }

    public static async Task<ApplicationUser> UserAsync(ClinicAppFactory app, Guid userId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Users.AsNoTracking().SingleAsync(u => u.Id == userId);
    }

    /// <summary>The audit verbs recorded about one account (record type "account"), oldest first.</summary>
    public static async Task<List<string>> AccountAuditAsync(ClinicAppFactory app, Guid userId)
    {
        await using var scope = app.SystemScope();
        var id = userId.ToString();
        return await app.SystemDb(scope).AuditEntries.Where(a => a.RecordType == "account" && a.RecordId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    public static async Task<bool> IsSignedInAsync(BrowserSession session, string home = "/client") =>
        (await session.Http.GetAsync(home)).StatusCode == HttpStatusCode.OK;

    /// <summary>The newest message to <paramref name="to"/> with a link to <paramref name="path"/>, waited for with a deadline (it is sent after the page).</summary>
    public static async Task<string?> LinkMailedToAsync(ClinicAppFactory app, string to, string path, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        do
        {
            try
            {
                if (Directory.Exists(app.MailDirectory)
                    && ReceivedMail.InFolder(app.MailDirectory, "*.eml").Where(m => m.To == to).OrderBy(m => m.WrittenAt)
                        .Select(m => LinkPattern().Match(m.Text)).LastOrDefault(m => m.Success && m.Value.Contains(path)) is { } found)
                    return new Uri(found.Value).PathAndQuery;
            }
            catch (Exception e) when (e is IOException or FormatException) { } // a message still being written
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        return null;
    }

    public static int MailCount(ClinicAppFactory app, string to) =>
        Directory.Exists(app.MailDirectory) ? ReceivedMail.InFolder(app.MailDirectory, "*.eml").Count(m => m.To == to) : 0;

    public static string TokenOf(string link) => TokenPattern().Match(link).Groups[1].Value;

    [GeneratedRegex(@"https?://\S+?/account/[a-z\-/]+\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("token=([A-Za-z0-9_\\-]+)")]
    private static partial Regex TokenPattern();
}
