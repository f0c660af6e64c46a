using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.CheckIns;

public static class CheckInQueries
{
    /// <summary>The clinic's urge threshold and no-check-in days (the defaults if the settings row is missing).</summary>
    public static async Task<CheckInRules> CheckInRulesAsync(this ClinicDbContext db, CancellationToken ct = default) =>
        await db.ClinicSettings.Where(s => s.Id == ClinicSettings.SingletonId)
            .Select(s => new CheckInRules(s.CheckInUrgeThreshold, s.NoCheckInDays)).SingleOrDefaultAsync(ct)
        ?? CheckInRules.Default;

    /// <summary>
    /// The facts behind one client's check-in signals, in one statement, under the caller's scope (another
    /// clinician's client gives <see cref="CheckInFacts.None"/>). The caseload reads the same facts for every
    /// client in its own single query; both feed <see cref="CheckInSignals.Evaluate"/>.
    /// </summary>
    public static async Task<CheckInFacts> CheckInFactsAsync(this ClinicDbContext db, Guid clientId, CancellationToken ct = default) =>
        await db.Clients.Where(c => c.Id == clientId).Select(c => new CheckInFacts(
                db.Set<CheckIn>().Where(k => k.ClientId == c.Id).Max(k => (DateTimeOffset?)k.CreatedAt),
                db.Set<CheckIn>().Where(k => k.ClientId == c.Id).OrderByDescending(k => k.CreatedAt).Select(k => (int?)k.Urge).FirstOrDefault(),
                db.Set<CheckIn>().Where(k => k.ClientId == c.Id).OrderByDescending(k => k.CreatedAt).Skip(1).Select(k => (int?)k.Urge).FirstOrDefault(),
                db.Set<CheckIn>().Where(k => k.ClientId == c.Id).OrderByDescending(k => k.CreatedAt).Skip(2).Select(k => (int?)k.Urge).FirstOrDefault(),
                db.Set<CheckIn>().Where(k => k.ClientId == c.Id && k.BrokeContact).Max(k => (DateTimeOffset?)k.CreatedAt),
                db.Set<CheckIn>().Where(k => k.ClientId == c.Id && k.ContactAttempted).Max(k => (DateTimeOffset?)k.CreatedAt),
                db.Set<TherapySession>().Where(s => s.ClientId == c.Id && s.Status == SessionStatus.Completed).Max(s => (DateTimeOffset?)s.StartsAt),
                db.Users.Where(u => u.Id == c.UserId).Select(u => (DateTimeOffset?)u.CreatedAt).FirstOrDefault(),
                c.UserId != null && c.Status == ClientStatus.Active))
            .SingleOrDefaultAsync(ct)
        ?? CheckInFacts.None;
}
