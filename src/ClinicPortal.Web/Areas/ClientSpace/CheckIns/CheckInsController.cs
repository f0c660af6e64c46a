using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.CheckIns;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.Web.Areas.ClientSpace.Home;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.CheckIns;

/// <summary>
/// The client's own check-ins: add one, change it for 24 hours, see them all with a trend. Every query names
/// the signed-in client's id (from the sign-in, never the form); another client's check-in id is not found.
/// </summary>
[Route("client/check-ins")]
public sealed class CheckInsController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit, ClinicianAlerts alerts, CheckInPeopleQuery answersQuery)
    : ClientSpaceController(db, calendar)
{
    public const string DischargedMessage =
        "Your time with the clinic has ended, so new check-ins are not saved. The numbers at the top of the page are always here.";
    public const int ListWeeks = 12;

    protected override bool RequiresOwnRecord => true;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var checkIns = await MineAsync(Calendar.UtcNow.AddDays(-7 * ListWeeks), ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.CheckIn, null, Own.ClientId, ct);
        return View(new MyCheckInsPage(checkIns, Own.Zone));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        var options = await OptionsAsync(ct);
        // With several people the form asks about each by name: that is a read of the client's plan.
        if (options.People.Count > 1) await audit.RecordAsync(AuditActions.View, AuditRecords.Boundary, null, Own.ClientId, ct);
        return View("Form", new CheckInFormPage(null, options.Offer(new CheckInForm()), options.SelfCare, null, Own.Zone));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(CheckInForm form, CancellationToken ct)
    {
        var options = await OptionsAsync(ct);
        return await SubmitAsync(() => View("Form", new CheckInFormPage(null, options.Offer(form), options.SelfCare, null, Own.Zone)), async () =>
        {
            if (Own.IsReadOnly) throw new DomainRuleException(DischargedMessage);
            var recorded = CheckIn.Record(Own.ClientId, form.ToAnswers(), options.SelfCare, Calendar.UtcNow, options.BoundaryIds);
            Db.Add(recorded.CheckIn);
            Db.AddRange(recorded.People);
            if (recorded.PrivateJournal is { } journal) Db.Add(journal);
            audit.Add(AuditActions.Create, AuditRecords.CheckIn, recorded.CheckIn.Id, Own.ClientId);
            if (recorded.ReportsContactAttempt) await alerts.AddForCheckInAsync(Own.ClientId, AlertKind.ContactAttemptReported, ct: ct);
            await Db.SaveChangesAsync(ct); // the clinician is told once this commits
            Flash(recorded.ReportsContactAttempt
                ? "Thank you for checking in. Your clinician will see that they tried to reach you."
                : "Thank you for checking in.");
            return RedirectToAction(nameof(HomeController.Index), ControllerNames.Of<HomeController>());
        });
    }

    [HttpGet("{checkInId:guid}")]
    public async Task<IActionResult> Show(Guid checkInId, CancellationToken ct)
    {
        var (checkIn, journal) = await FindAsync(checkInId, ct);
        if (checkIn is null) return NotFound();
        await audit.RecordAsync(AuditActions.View, AuditRecords.CheckIn, checkIn.Id, Own.ClientId, ct);
        var people = await PeopleOfAsync(checkIn.Id, ct);
        if (!checkIn.IsEditable(Calendar.UtcNow) || Own.IsReadOnly) return await ReadOnlyAsync(checkIn, journal, null, ct);
        var options = await OptionsAsync(ct);
        var form = options.Offer(Versioned(CheckInForm.From(checkIn, journal, people), checkIn));
        return View("Form", new CheckInFormPage(checkIn.Id, form, options.SelfCare, checkIn.EditableUntil, Own.Zone));
    }

    [HttpPost("{checkInId:guid}")]
    public async Task<IActionResult> Update(Guid checkInId, CheckInForm form, CancellationToken ct)
    {
        var (checkIn, journal) = await FindAsync(checkInId, ct);
        if (checkIn is null) return NotFound();
        if (!checkIn.IsEditable(Calendar.UtcNow))
        {
            await audit.RecordAsync(AuditActions.View, AuditRecords.CheckIn, checkIn.Id, Own.ClientId, ct); // the refusal shows the check-in
            return await ReadOnlyAsync(checkIn, journal, CheckIn.ReadOnlyMessage, ct);
        }
        var options = await OptionsAsync(ct);
        return await SubmitAsync(() => View("Form", new CheckInFormPage(checkIn.Id, options.Offer(form), options.SelfCare, checkIn.EditableUntil, Own.Zone)), async () =>
        {
            if (Own.IsReadOnly) throw new DomainRuleException(DischargedMessage);
            ExpectVersion(checkIn, form);
            var edited = checkIn.Edit(form.ToAnswers(), options.SelfCare, journal, Calendar.UtcNow, options.BoundaryIds);
            // The answers per person are replaced as a whole, like the rest of the check-in.
            Db.RemoveRange(await Db.Set<CheckInPerson>().Where(p => p.CheckInId == checkIn.Id && p.ClientId == Own.ClientId).ToListAsync(ct));
            Db.AddRange(edited.People);
            if (edited.AddedJournal is { } added) Db.Add(added);
            if (edited.RemovedJournal is { } removed) Db.Remove(removed);
            audit.Add(AuditActions.Update, AuditRecords.CheckIn, checkIn.Id, Own.ClientId);
            if (edited.NewContactAttempt) await alerts.AddForCheckInAsync(Own.ClientId, AlertKind.ContactAttemptReported, ct: ct);
            await Db.SaveChangesAsync(ct);
            Flash("Your check-in was updated.");
            return RedirectToAction(nameof(HomeController.Index), ControllerNames.Of<HomeController>());
        }, () => Show(checkInId, ct));
    }

    private async Task<IActionResult> ReadOnlyAsync(CheckIn checkIn, PrivateJournalEntry? journal, string? error, CancellationToken ct)
    {
        var people = await answersQuery.OfAsync(Own.ClientId, [checkIn.Id], ct);
        if (error is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Show", new MyCheckInPage(ToMine(checkIn, journal?.Text, false, people.GetValueOrDefault(checkIn.Id, [])), Own.Zone, error));
    }

    private async Task<(CheckIn?, PrivateJournalEntry?)> FindAsync(Guid checkInId, CancellationToken ct)
    {
        var checkIn = await Db.Set<CheckIn>().SingleOrDefaultAsync(c => c.Id == checkInId && c.ClientId == Own.ClientId, ct);
        if (checkIn is null) return (null, null);
        var journal = await Db.Set<PrivateJournalEntry>().SingleOrDefaultAsync(j => j.CheckInId == checkInId && j.ClientId == Own.ClientId, ct);
        return (checkIn, journal);
    }

    /// <summary>What the form offers: the self-care list and the people of the client's plan, in one statement.</summary>
    private async Task<CheckInOptions> OptionsAsync(CancellationToken ct)
    {
        var people = await Db.Set<Boundary>().AsNoTracking().Where(b => b.ClientId == Own.ClientId).OrderBy(b => b.CreatedAt)
            .Select(b => new CheckInPersonChoice(b.Id, b.PersonName)).ToListAsync(ct);
        var list = await Db.Set<SelfCareChecklist>().AsNoTracking().SingleOrDefaultAsync(l => l.ClientId == Own.ClientId, ct);
        return new CheckInOptions(SelfCareChecklist.ItemsOf(list), people);
    }

    private Task<List<CheckInPerson>> PeopleOfAsync(Guid checkInId, CancellationToken ct) =>
        Db.Set<CheckInPerson>().AsNoTracking().Where(p => p.CheckInId == checkInId && p.ClientId == Own.ClientId).ToListAsync(ct);

    private async Task<List<MyCheckIn>> MineAsync(DateTimeOffset since, CancellationToken ct)
    {
        var checkIns = await Db.Set<CheckIn>().AsNoTracking().Where(c => c.ClientId == Own.ClientId && c.CreatedAt >= since)
            .OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        var ids = checkIns.Select(c => c.Id).ToList();
        var journals = await Db.Set<PrivateJournalEntry>().AsNoTracking().Where(j => j.ClientId == Own.ClientId && j.CheckInId != null && ids.Contains(j.CheckInId.Value))
            .ToDictionaryAsync(j => j.CheckInId!.Value, j => j.Text, ct);
        var people = await answersQuery.OfAsync(Own.ClientId, ids, ct);
        var now = Calendar.UtcNow;
        return checkIns.Select(c => ToMine(c, journals.GetValueOrDefault(c.Id), c.IsEditable(now) && !Own.IsReadOnly, people.GetValueOrDefault(c.Id, []))).ToList();
    }

    private static MyCheckIn ToMine(CheckIn c, string? privateJournal, bool editable, IReadOnlyList<PersonAnswerView> people) =>
        new(c.Id, c.CreatedAt, c.Mood, c.Urge, c.Sleep, c.ContactAttempted, c.Channel, c.ContactNote, c.BrokeContact, c.SelfCare,
            c.SharedJournal ?? privateJournal, c.SharedJournal is not null, editable)
        { LookedThemUp = c.LookedThemUp, OwnReason = c.OwnReason, Emotions = c.Emotions, People = people };
}
