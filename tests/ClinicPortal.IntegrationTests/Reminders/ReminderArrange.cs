using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Reminders;

/// <summary>Builds clinics with due reminders straight in the database.</summary>
internal static class ReminderArrange
{
    /// <summary>A clinic without demo data: a bootstrap admin and one clinician account.</summary>
    public static async Task<Guid> CreateClinicianAsync(ClinicAppFactory app)
    {
        _ = app.Services;
        await using var scope = app.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.ApplicationUser>>();
        var admin = new Infrastructure.Identity.ApplicationUser { UserName = "boot.admin@example.org", Email = "boot.admin@example.org", DisplayName = "Boot Admin" };
        if (await users.FindByEmailAsync(admin.Email) is null)
        {
            await users.CreateAsync(admin, "Boot-Admin-Pass-1!");
            await users.AddToRoleAsync(admin, Core.Accounts.Roles.Admin);
        }
        var clinician = new Infrastructure.Identity.ApplicationUser { UserName = $"c{Guid.NewGuid():N}@example.org", Email = $"c{Guid.NewGuid():N}@example.org", DisplayName = "Casey Clinician" };
        await users.CreateAsync(clinician, "Clinician-Pass-1!");
        await users.AddToRoleAsync(clinician, Core.Accounts.Roles.Clinician);
        return clinician.Id;
    }

    public static async Task<List<(string, Guid)>> QueueDueAsync(ClinicAppFactory app, Guid clinician, int count, DateTimeOffset due)
    {
        var result = new List<(string, Guid)>();
        for (var i = 0; i < count; i++)
        {
            var email = $"r{i:000}.{Guid.NewGuid():N}"[..16] + "@example.org";
            result.Add((email, await QueueForAsync(app, clinician, email, due)));
        }
        return result;
    }

    /// <summary>A client with one future session whose reminder is already due.</summary>
    public static async Task<Guid> QueueForAsync(ClinicAppFactory app, Guid clinician, string? email, DateTimeOffset due, bool raw = false)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var client = Client.Create(new ClientDetails("Reminder Person", null, null, null, raw ? null : email, null, "America/Chicago",
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10), null), clinician, DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow);
        db.Clients.Add(client);
        var start = due.AddHours(2);
        var session = TherapySession.Schedule(client.Id, clinician, start, 50, SessionModality.Phone, null, due);
        db.Add(session);
        db.Add(OutboxMessage.Queue(ReminderPlan.SessionKey(session.Id, session.StartsAt, 120), OutboxKind.SessionReminder, client.Id, session.Id, due, due));
        await db.SaveChangesAsync();
        if (raw) await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE clients SET email = {email} WHERE id = {client.Id}");
        return client.Id;
    }
}
