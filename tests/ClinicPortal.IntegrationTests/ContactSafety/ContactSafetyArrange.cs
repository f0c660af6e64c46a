using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.ContactSafety;

/// <summary>Contact-safety profiles straight in the database (system scope), and read back for assertions.</summary>
internal static class ContactSafetyArrange
{
    public static async Task ProfileAsync(ClinicAppFactory app, Guid clientId, ContactChannels channels, bool monitored = false, SafeTimes? times = null,
        params string[] neverContact)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var by = await db.Clients.Where(c => c.Id == clientId).Select(c => c.PrimaryClinicianId).SingleAsync();
        db.Add(ContactSafetyProfile.Create(clientId, new ContactSafetyDetails(channels, monitored, times, neverContact, "Agreed in session."), by, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    public static async Task<ContactSafetyProfile?> StoredAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<ContactSafetyProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == clientId);
    }
}
