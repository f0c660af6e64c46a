using System.Linq.Expressions;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.CheckIns;

/// <summary>What <see cref="CheckInSignals.Evaluate"/> needs: the clinic's thresholds and a client's check-in facts, under the caller's scope.</summary>
public sealed class CheckInSignalsQuery(ClinicDbContext db)
{
    /// <summary>The clinic's urge threshold and no-check-in days (the defaults if the settings row is missing).</summary>
    public async Task<CheckInRules> RulesAsync(CancellationToken ct = default) =>
        await db.ClinicSettings.Where(s => s.Id == ClinicSettings.SingletonId)
            .Select(s => new CheckInRules(s.CheckInUrgeThreshold, s.NoCheckInDays)).SingleOrDefaultAsync(ct)
        ?? CheckInRules.Default;

    /// <summary>One client's facts in one statement (another clinician's client gives <see cref="CheckInFacts.None"/>).</summary>
    public async Task<CheckInFacts> FactsAsync(Guid clientId, CancellationToken ct = default) =>
        await db.Clients.Where(c => c.Id == clientId).Select(Facts(db)).SingleOrDefaultAsync(ct) ?? CheckInFacts.None;

    /// <summary>
    /// The one definition of a client's check-in facts, as a projection: a list of clients (the caseload) reads them
    /// for every row in its own single statement, e.g. <c>db.Clients.Where(k => k.Id == c.Id).Select(Facts(db)).First()</c>.
    /// </summary>
    public static Expression<Func<Client, CheckInFacts>> Facts(ClinicDbContext db) => c => new CheckInFacts(
        db.Set<CheckIn>().Where(k => k.ClientId == c.Id).Max(k => (DateTimeOffset?)k.CreatedAt),
        db.Set<CheckIn>().Where(k => k.ClientId == c.Id).OrderByDescending(k => k.CreatedAt).Select(k => (int?)k.Urge).FirstOrDefault(),
        db.Set<CheckIn>().Where(k => k.ClientId == c.Id).OrderByDescending(k => k.CreatedAt).Skip(1).Select(k => (int?)k.Urge).FirstOrDefault(),
        db.Set<CheckIn>().Where(k => k.ClientId == c.Id).OrderByDescending(k => k.CreatedAt).Skip(2).Select(k => (int?)k.Urge).FirstOrDefault(),
        db.Set<CheckIn>().Where(k => k.ClientId == c.Id && k.BrokeContact).Max(k => (DateTimeOffset?)k.CreatedAt),
        db.Set<CheckIn>().Where(k => k.ClientId == c.Id && k.ContactAttempted).Max(k => (DateTimeOffset?)k.CreatedAt),
        db.Set<TherapySession>().Where(s => s.ClientId == c.Id && s.Status == SessionStatus.Completed).Max(s => (DateTimeOffset?)s.StartsAt),
        db.Users.Where(u => u.Id == c.UserId).Select(u => (DateTimeOffset?)u.CreatedAt).FirstOrDefault(),
        c.UserId != null && c.Status == ClientStatus.Active);
}
