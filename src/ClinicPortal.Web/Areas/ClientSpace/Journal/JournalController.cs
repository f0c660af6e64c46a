using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Common;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.ClientSpace.CheckIns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.Journal;

/// <summary>
/// The client's private journal: an entry on its own, without mood and urge, and the entries written so. Only the
/// client reads them (<see cref="PrivateJournalEntry"/> is a private record); to show their clinician something, a
/// client shares it in a check-in or a secure message. Every query names the signed-in client's id.
/// Like a check-in's private entry, it writes no audit row: the audit log is read by staff, and no row may name or
/// hint at a private entry (as PrivateJournalTests holds for check-ins).
/// </summary>
[Route("client/journal")]
public sealed class JournalController(ClinicDbContext db, ClinicCalendar calendar) : ClientSpaceController(db, calendar)
{
    public const int Shown = 50;

    protected override bool RequiresOwnRecord => true;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new JournalForm(), ct));

    [HttpPost("")]
    public Task<IActionResult> Create(JournalForm form, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Index), await PageAsync(form, ct)), async () =>
        {
            if (Own.IsReadOnly) throw new DomainRuleException(CheckInsController.DischargedMessage);
            var entry = PrivateJournalEntry.Alone(Own.ClientId, form.Text, Calendar.UtcNow);
            Db.Add(entry);
            await Db.SaveChangesAsync(ct);
            Flash("Saved in your private journal. Only you can read it.");
            return RedirectToAction(nameof(Index));
        });

    private async Task<JournalPage> PageAsync(JournalForm form, CancellationToken ct)
    {
        var entries = await Db.Set<PrivateJournalEntry>().AsNoTracking()
            .Where(j => j.ClientId == Own.ClientId && j.CheckInId == null).OrderByDescending(j => j.CreatedAt).Take(Shown)
            .Select(j => new JournalLine(j.CreatedAt, j.Text)).ToListAsync(ct);
        return new JournalPage(entries, form, Own.IsReadOnly, Own.Zone);
    }
}
