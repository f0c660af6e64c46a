using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// Seeds the fictional demo clinic, idempotently: running it twice changes nothing.
/// Only used when ClinicPortal:Demo is true; its passwords are printed and are not secrets.
/// </summary>
public sealed class DemoClinicSeeder(UserManager<ApplicationUser> users, ClinicDbContext db, TimeProvider clock, ILogger<DemoClinicSeeder> logger)
{
    public static readonly (string Email, string Name) Admin = (DemoLogins.AdminEmail, "Ada Administrator");
    public static readonly (string Email, string Name)[] Clinicians =
    [
        (DemoLogins.MorganEmail, "Dr. Morgan Example"),
        (DemoLogins.RileyEmail, "Riley Sample, LCSW"),
    ];

    public async Task SeedAsync()
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        await EnsureUserAsync(Admin.Email, Admin.Name, DemoLogins.AdminPassword, Roles.Admin);
        var clinicianIds = new List<Guid>();
        foreach (var (email, name) in Clinicians)
            clinicianIds.Add((await EnsureUserAsync(email, name, DemoLogins.ClinicianPassword, Roles.Clinician)).Id);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var (profile, index) in DemoClients.All.Select((p, i) => (p, i)))
        {
            var user = await EnsureUserAsync(profile.Email, profile.PreferredName ?? profile.FullName, DemoLogins.ClientPassword, Roles.Client);
            if (await db.Clients.AnyAsync(c => c.UserId == user.Id)) continue;
            var client = Client.Create(profile.ToDetails(today), clinicianIds[index % clinicianIds.Count], today, clock.GetUtcNow());
            client.LinkAccount(user.Id, clock.GetUtcNow());
            db.Clients.Add(client);
            DemoNotes.AddFor(db, client, today, clock.GetUtcNow());
            DemoCheckIns.AddFor(db, client, index, clock.GetUtcNow());
            DemoSessions.AddFor(db, client, index, clock.GetUtcNow());
            DemoProgress.AddFor(db, client, today, clock.GetUtcNow());
            DemoBoundaries.AddFor(db, client, today, clock.GetUtcNow());
            DemoCheckInPeople.AddFor(db, client);
            DemoHardDates.AddFor(db, client, today, clock.GetUtcNow());
            DemoSafety.AddFor(db, client, today, clock.GetUtcNow());
            DemoTransfers.AddFor(db, client, today, clock.GetUtcNow());
            DemoContactSafety.AddFor(db, client, clock.GetUtcNow());
            DemoTreatmentPlans.AddFor(db, client, today, clock.GetUtcNow());
            DemoMeasures.AddFor(db, client, clock.GetUtcNow());
            DemoLogEntries.AddFor(db, client, clock.GetUtcNow());
        }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        logger.LogInformation("Demo clinic ready");
    }

    public static void PrintLogins(ICollection<string> urls)
    {
        var url = urls.FirstOrDefault() ?? "http://localhost:5000";
        Console.WriteLine($"""

            ClinicPortal demo clinic is running at {url}
              administrator  {Admin.Email,-42} {DemoLogins.AdminPassword}
              clinician      {Clinicians[0].Email,-42} {DemoLogins.ClinicianPassword}
              clinician      {Clinicians[1].Email,-42} {DemoLogins.ClinicianPassword}
              client         {DemoClients.All[0].Email,-42} {DemoLogins.ClientPassword}
              (every demo client: *@{DemoLogins.Domain} with {DemoLogins.ClientPassword})

            """);
    }

    private async Task<ApplicationUser> EnsureUserAsync(string email, string displayName, string password, string role)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = clock.GetUtcNow() };
            Check(await users.CreateAsync(user, password));
        }
        if (!await users.IsInRoleAsync(user, role)) Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
