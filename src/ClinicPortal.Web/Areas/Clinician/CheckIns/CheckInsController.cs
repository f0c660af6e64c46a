using ClinicPortal.Core.Caseload;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.CheckIns;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.CheckIns;

/// <summary>
/// A client's check-ins for their clinician: the trend (mood and urge, setbacks and contact attempts marked),
/// the signals the caseload shows, every answer with the journal entries the client shared, and the
/// self-care checklist the clinician tailors. Private journal entries are never read here.
/// </summary>
[Route("clinician/clients/{clientId:guid}/check-ins")]
public sealed class CheckInsController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar) : ClinicianController(db)
{
    public const string Section = "checkins";
    public const int Weeks = 12;

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid clientId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        var page = await PageAsync(client, null, null, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.CheckIn, null, clientId, ct);
        return View("Index", page);
    }

    [HttpPost("self-care")]
    public async Task<IActionResult> SelfCare(Guid clientId, [FromForm] string? items, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        var list = await Db.Set<SelfCareChecklist>().SingleOrDefaultAsync(l => l.ClientId == clientId, ct);
        try
        {
            client.EnsureEditable();
            var isNew = list is null;
            list ??= SelfCareChecklist.For(clientId);
            list.Replace((items ?? "").Split('\n'), Me, calendar.UtcNow);
            if (isNew) Db.Add(list);
            audit.Add(isNew ? AuditActions.Create : AuditActions.Update, AuditRecords.SelfCareChecklist, clientId, clientId);
            await Db.SaveChangesAsync(ct);
            Flash("Self-care checklist saved. The client sees it in their next check-in.");
            return RedirectToAction(nameof(Index), new { clientId });
        }
        catch (DomainRuleException e)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await PageAsync(client, items, e.Message, ct));
        }
    }

    private async Task<CheckInsPage> PageAsync(Client client, string? selfCareText, string? selfCareError, CancellationToken ct)
    {
        await SetHeaderAsync(client, Section, ct);
        var since = calendar.UtcNow.AddDays(-7 * Weeks);
        var checkIns = await Db.Set<CheckIn>().AsNoTracking().Where(c => c.ClientId == client.Id && c.CreatedAt >= since)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new ClinicianCheckIn(c.Id, c.CreatedAt, c.UpdatedAt, c.Mood, c.Urge, c.Sleep, c.ContactAttempted, c.Channel,
                c.ContactNote, c.BrokeContact, c.SelfCare, c.SharedJournal))
            .ToListAsync(ct);
        // The signals' facts and the self-care list in one statement; the rules come with the clinic's settings.
        var extra = await Db.Set<ClientSummary>().AsNoTracking().Where(s => s.ClientId == client.Id)
            .Select(s => new { Summary = s, Tailored = Db.Set<SelfCareChecklist>().Where(l => l.ClientId == s.ClientId).Select(l => l.Items).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        var facts = extra?.Summary.CheckInFacts ?? CheckInFacts.None;
        var rules = (await calendar.SettingsAsync(ct)).CheckInRules;
        var tailored = extra?.Tailored;
        IReadOnlyList<string> items = tailored ?? SelfCareChecklist.DefaultItems;
        return new CheckInsPage(client.Id, client.IsReadOnly, Weeks, checkIns, facts, CheckInSignals.Evaluate(facts, rules, calendar.UtcNow), rules,
            items, tailored is not null, selfCareText ?? string.Join("\n", items), selfCareError, await calendar.ZoneAsync(ct));
    }
}
