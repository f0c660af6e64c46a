using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.ContactSafety;

/// <summary>A message the client's contact-safety profile held back, as the clinician sees it.</summary>
public sealed record HeldMessage(OutboxKind Kind, DateTimeOffset DueAt, HoldReason? Reason);

/// <summary>What the client's space shows instead of a held email: the appointment, or that a check-in is due.</summary>
public sealed record HeldNotice(OutboxKind Kind, DateTimeOffset? StartsAt, SessionModality? Modality);

/// <summary>
/// Messages held as "contact not safe". Outbox rows carry no query filter of their own, so both queries go through the
/// filtered clients table: a clinician reads only their clients' rows, a client only their own.
/// </summary>
public sealed class HeldMessages(ClinicDbContext db)
{
    public const int ClinicianListSize = 20;
    /// <summary>A held check-in prompt stays on the client's home this long, or until they check in.</summary>
    public static readonly TimeSpan PromptNoticeFor = TimeSpan.FromDays(7);

    public Task<List<HeldMessage>> ForClinicianAsync(Guid clientId, CancellationToken ct) =>
        Held(clientId).OrderByDescending(m => m.DueAt).Take(ClinicianListSize)
            .Select(m => new HeldMessage(m.Kind, m.DueAt, m.HoldReason)).ToListAsync(ct);

    /// <summary>One statement: the upcoming appointments whose reminder was held, and whether a held prompt still waits for a check-in.</summary>
    public async Task<List<HeldNotice>> ForClientAsync(Guid clientId, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - PromptNoticeFor;
        var found = await db.Clients.Where(c => c.Id == clientId).Select(c => new
            {
                Sessions = db.Set<TherapySession>()
                    .Where(s => s.ClientId == clientId && s.Status == SessionStatus.Scheduled && s.StartsAt > now
                        && Held(clientId).Any(m => m.Kind == OutboxKind.SessionReminder && m.SessionId == s.Id))
                    .OrderBy(s => s.StartsAt).Select(s => new { s.StartsAt, s.Modality }).ToList(),
                PromptDue = Held(clientId).Any(m => m.Kind == OutboxKind.CheckInPrompt && m.DueAt > since && m.DueAt <= now
                    && !db.Set<CheckIn>().Any(k => k.ClientId == clientId && k.CreatedAt >= m.DueAt)),
            })
            .AsSingleQuery()
            .SingleOrDefaultAsync(ct);
        if (found is null) return [];
        return [.. found.Sessions.Select(s => new HeldNotice(OutboxKind.SessionReminder, s.StartsAt, s.Modality)),
            .. found.PromptDue ? [new HeldNotice(OutboxKind.CheckInPrompt, null, null)] : Array.Empty<HeldNotice>()];
    }

    private IQueryable<OutboxMessage> Held(Guid clientId) =>
        db.Set<OutboxMessage>().Where(m => m.ClientId == clientId && m.Status == OutboxStatus.Held && db.Clients.Any(c => c.Id == m.ClientId));
}
