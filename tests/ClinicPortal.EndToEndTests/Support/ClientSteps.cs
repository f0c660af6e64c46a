using System.Text.RegularExpressions;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using ClinicPortal.Web.Demo;

namespace ClinicPortal.EndToEndTests.Support;

/// <summary>A client to create through the New client form (each test makes its own, so its pages are only its own).</summary>
public sealed record NewClient(string FullName, string? PreferredName, DateOnly IntakeDate, string TimeZoneId, string Email)
{
    /// <summary>How the clinician's pages name the client, e.g. "Harp (Harper Endtoend)".</summary>
    public string DisplayName => PreferredName is null ? FullName : $"{PreferredName} ({FullName})";

    /// <summary>An address no other test uses.</summary>
    public static string UniqueEmail() => $"e2e.{Guid.NewGuid():N}@example.org";

    /// <summary>Every test client's date of birth: an emailed invitation asks for it. As the date fields take it.</summary>
    public const string BornOn = "1990-05-01";
}

/// <summary>Steps a clinician and a client take through the UI, shared by the feature tests.</summary>
public static partial class ClientSteps
{
    /// <summary>
    /// Creates the client from the signed-in clinician's caseload and returns its id, leaving the page
    /// on the new client's overview.
    /// </summary>
    public static async Task<Guid> CreateClientAsync(IPage page, NewClient client)
    {
        await page.GotoAsync(RoleHomes.Clinician);
        await page.GetByTestId("new-client").ClickAsync();
        await page.GetByLabel("Full name").FillAsync(client.FullName);
        if (client.PreferredName is not null) await page.GetByLabel("Preferred name").FillAsync(client.PreferredName);
        await page.GetByLabel("Date of birth").FillAsync(NewClient.BornOn);
        await page.GetByLabel("Intake date").FillAsync(client.IntakeDate.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Time zone").FillAsync(client.TimeZoneId);
        await page.GetByLabel("Email").FillAsync(client.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(ClientOverviewUrl());
        await Expect(page.GetByTestId("client-name")).ToHaveTextAsync(client.DisplayName);
        return Guid.Parse(ClientOverviewUrl().Match(page.Url).Groups["id"].Value);
    }

    /// <summary>
    /// Invites the client from their overview (the clinician's page) and returns the link from the
    /// invitation email in the pickup folder.
    /// </summary>
    public static async Task<Uri> InviteAsync(IPage page, Guid clientId, string email, string mailDirectory)
    {
        var before = PortalMail.Files(mailDirectory);
        await page.GotoAsync($"/clinician/clients/{clientId}");
        await page.GetByTestId("invite").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Invitation sent.");
        var mail = await PortalMail.WaitForMessageToAsync(mailDirectory, email, except: before);
        return PortalMail.InvitationLink(mail);
    }

    /// <summary>The client opens the invitation link on their own device and sets a password; they land on their home.</summary>
    public static async Task AcceptInvitationAsync(IPage visitor, Uri link, string password)
    {
        await visitor.GotoAsync(link.ToString());
        await visitor.GetByLabel("Your date of birth").FillAsync(NewClient.BornOn);
        await visitor.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await visitor.GetByLabel("Type it again").FillAsync(password);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Set my password" }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex($"{Regex.Escape(RoleHomes.Client)}$"));
        await Expect(visitor.GetByTestId("user-role")).ToHaveTextAsync("Client");
    }

    /// <summary>
    /// A client of the demo clinician with a sign-in of their own, made straight in the database, so a test that changes
    /// the client's own settings (discreet mode) or signs them out touches no other test.
    /// </summary>
    public static async Task<(Guid ClientId, string Email)> ClientWithSignInAsync(PortalServer server, string name, string password, bool discreet = false)
    {
        var email = NewClient.UniqueEmail();
        await using var scope = server.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = server.SystemDb(scope);
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow, DiscreetMode = discreet };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Client)).Succeeded);
        var clinician = await db.Users.Where(u => u.Email == DemoLogins.MorganEmail).Select(u => u.Id).SingleAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var client = Client.Create(new ClientDetails(name, null, null, null, email, null, "America/Chicago", today.AddDays(-10), null), clinician, today, DateTimeOffset.UtcNow);
        client.LinkAccount(user.Id, DateTimeOffset.UtcNow);
        db.Clients.Add(client);
        await db.SaveChangesAsync();
        return (client.Id, email);
    }

    [GeneratedRegex("/clinician/clients/(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    private static partial Regex ClientOverviewUrl();
}
