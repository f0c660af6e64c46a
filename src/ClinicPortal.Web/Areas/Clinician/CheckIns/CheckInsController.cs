using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Caseload;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.CheckIns;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.Clients;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.CheckIns;

/// <summary>
/// A client's check-ins for their clinician: the trend (mood and urge, setbacks and contact attempts marked),
/// the signals the caseload shows, every answer with the journal entries the client shared, and the
/// self-care checklist the clinician tailors. Private journal entries are never read here.
/// </summary>
[Route("clinician/clients/{clientId:guid}/check-ins")]
public sealed class CheckInsController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, CheckInPeopleQuery people) : ClientRecordController(db)
{
    public const int Weeks = 12;

    protected override ClientSection Section => ClientSection.CheckIns;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        return View(await PageAsync(null, null, ct));
    }

    [HttpPost("self-care")]
    public async Task<IActionResult> SelfCare(SelfCareForm form, CancellationToken ct)
    {
        var list = await Db.Set<SelfCareChecklist>().SingleOrDefaultAsync(l => l.ClientId == Client.Id, ct);
        try
        {
            Client.EnsureEditable();
            ExpectVersion(list, form);
            var isNew = list is null;
            list ??= SelfCareChecklist.For(Client.Id);
            list.Replace((form.Items ?? "").Split('\n'), Me, calendar.UtcNow);
            if (isNew) Db.Add(list);
            audit.Add(isNew ? AuditActions.Create : AuditActions.Update, AuditRecords.SelfCareChecklist, Client.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Self-care checklist saved. The client sees it in their next check-in.");
            return RedirectToAction(nameof(Index));
        }
        catch (Exception e) when (Refusals.MessageFor(e) is { } message)
        {
            // The checklist has its own error spot on the page (and answers 400), apart from the page's notices.
            Db.ChangeTracker.Clear();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            // A list saved in another window meanwhile is shown as it is now, with its version.
            return View(nameof(Index), await PageAsync(Refusals.IsStale(e) ? null : form.Items, message, ct));
        }
    }

    /// <summary>Adds the reason the client wrote in a check-in to one of their boundaries, as a revision of the plan.</summary>
    [HttpPost("{checkInId:guid}/add-reason")]
    public async Task<IActionResult> AddReason(Guid checkInId, Guid boundaryId, CancellationToken ct)
    {
        var checkIn = await Db.Set<CheckIn>().AsNoTracking().Where(c => c.Id == checkInId && c.ClientId == Client.Id)
            .Select(c => new { c.Id, c.OwnReason }).SingleOrDefaultAsync(ct);
        if (checkIn is null) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Index)), async () =>
        {
            Client.EnsureEditable();
            var boundary = await Db.Set<Boundary>().SingleOrDefaultAsync(b => b.Id == boundaryId && b.ClientId == Client.Id, ct)
                ?? throw new DomainRuleException(UnknownBoundaryMessage);
            Db.Add(OwnReasons.AddToPlan(boundary, checkIn.OwnReason, Me, calendar.UtcNow));
            audit.Add(AuditActions.Update, AuditRecords.Boundary, boundary.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            return $"Added to the reasons for the boundary with {boundary.PersonName}, shared with the client.";
        });
    }

    public const string UnknownBoundaryMessage = "Choose one of the boundaries of this client to add the reason to.";

    /// <summary>The page, first view or shown again after a refused checklist: either way the check-ins were read (audited).</summary>
    private async Task<CheckInsPage> PageAsync(string? selfCareText, string? selfCareError, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.View, AuditRecords.CheckIn, null, Client.Id, ct);
        var since = calendar.UtcNow.AddDays(-7 * Weeks);
        var checkIns = await Db.Set<CheckIn>().AsNoTracking().Where(c => c.ClientId == Client.Id && c.CreatedAt >= since)
            .OrderByDescending(c => c.CreatedAt)
            .Select(ClinicianCheckIn.Projection)
            .ToListAsync(ct);
        // The signals' facts and the self-care list in one statement; the rules come with the clinic's settings.
        var extra = await Db.Set<ClientSummary>().AsNoTracking().Where(s => s.ClientId == Client.Id)
            .Select(s => new
            {
                Summary = s,
                Tailored = Db.Set<SelfCareChecklist>().Where(l => l.ClientId == s.ClientId).Select(l => l.Items).FirstOrDefault(),
                Version = Db.Set<SelfCareChecklist>().Where(l => l.ClientId == s.ClientId).Select(l => (uint?)EF.Property<uint>(l, RowVersion.Column)).FirstOrDefault(),
                Boundaries = Db.Set<Boundary>().Where(b => b.ClientId == Client.Id).OrderBy(b => b.CreatedAt)
                    .Select(b => new CheckInPersonChoice(b.Id, b.PersonName)).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        var answers = await people.SinceAsync(Client.Id, since, ct);
        var facts = extra?.Summary.CheckInFacts ?? CheckInFacts.None;
        var rules = (await calendar.SettingsAsync(ct)).CheckInRules;
        var tailored = extra?.Tailored;
        IReadOnlyList<string> items = tailored ?? SelfCareChecklist.DefaultItems;
        return new CheckInsPage(Client.IsReadOnly, Weeks, checkIns, facts, CheckInSignals.Evaluate(facts, rules, calendar.UtcNow), rules,
            items, tailored is not null, selfCareText ?? string.Join("\n", items), selfCareError, extra?.Version ?? 0, await calendar.ZoneAsync(ct))
        { People = answers, Boundaries = extra?.Boundaries ?? [] };
    }
}
