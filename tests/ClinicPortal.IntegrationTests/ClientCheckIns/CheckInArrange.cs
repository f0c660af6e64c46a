using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClinicPortal.IntegrationTests.ClientCheckIns;

/// <summary>A client who can sign in, as the check-in tests need them.</summary>
internal sealed record ClientLogin(Client Client, string Email, string Password, Guid UserId);

/// <summary>Check-in data straight in the database (system scope), and raw reads that no query filter touches.</summary>
internal static class CheckInArrange
{
    public const string Password = "Check-In-Pass-2026!";

    public static async Task<ClientLogin> ClientWithSignInAsync(ClinicAppFactory app, string clinicianEmail, string name = "Cleo Checkin",
        DateTimeOffset? signInSince = null)
    {
        var client = await Arrange.ClientAsync(app, clinicianEmail, name);
        var email = $"client.{Guid.NewGuid():N}@example.org";
        await using var scope = app.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = signInSince ?? DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Client)).Succeeded);
        var db = app.SystemDb(scope);
        var tracked = await db.Clients.SingleAsync(c => c.Id == client.Id);
        tracked.LinkAccount(user.Id, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return new ClientLogin(tracked, email, Password, user.Id);
    }

    public static Task<BrowserSession> SignedInAsync(ClinicAppFactory app, ClientLogin login) => Arrange.SignedInAsync(app, login.Email, login.Password);

    public static async Task<CheckIn> CheckInAsync(ClinicAppFactory app, Guid clientId, DateTimeOffset at, int mood = 5, int urge = 4,
        bool setback = false, bool contact = false, string? journal = null, bool share = false)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var recorded = CheckIn.Record(clientId, new CheckInAnswers(mood, urge, null, contact, contact ? "Call" : null, null, setback, [], journal, share),
            SelfCareChecklist.DefaultItems, at);
        db.Add(recorded.CheckIn);
        if (recorded.PrivateJournal is { } j) db.Add(j);
        await db.SaveChangesAsync();
        return recorded.CheckIn;
    }

    /// <summary>The form a phone posts for a check-in, with the fields a test wants to change.</summary>
    public static List<KeyValuePair<string, string>> Form(string mood = "6", string urge = "3", string? sleep = "4", string attempted = "false",
        string? channel = null, string? note = null, string setback = "false", string[]? selfCare = null, string? journal = null, bool share = false)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Mood", mood), new("Urge", urge), new("ContactAttempted", attempted), new("BrokeContact", setback) };
        if (sleep is not null) fields.Add(new("Sleep", sleep));
        if (channel is not null) fields.Add(new("Channel", channel));
        if (note is not null) fields.Add(new("ContactNote", note));
        foreach (var item in selfCare ?? []) fields.Add(new("SelfCare", item));
        if (journal is not null) fields.Add(new("Journal", journal));
        if (share) fields.Add(new("ShareJournal", "true"));
        return fields;
    }

    public static async Task<List<CheckIn>> CheckInsAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<CheckIn>().AsNoTracking().Where(c => c.ClientId == clientId).OrderBy(c => c.CreatedAt).ToListAsync();
    }

    /// <summary>Private journal text as stored, read with plain SQL: the system scope itself cannot read it.</summary>
    public static async Task<List<(Guid Id, Guid? CheckInId, string Text)>> StoredPrivateJournalsAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, check_in_id, text FROM private_journal_entries WHERE client_id = @c ORDER BY created_at", connection);
        command.Parameters.AddWithValue("c", clientId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(Guid, Guid?, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2)));
        return rows;
    }

    public static async Task SqlAsync(ClinicAppFactory app, FormattableString sql)
    {
        await using var scope = app.SystemScope();
        await app.SystemDb(scope).Database.ExecuteSqlInterpolatedAsync(sql);
    }
}
