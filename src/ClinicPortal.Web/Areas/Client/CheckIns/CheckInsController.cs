using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Safety;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.CheckIns;

/// <summary>
/// The client's own check-ins: add one, change it for 24 hours, see them all with a trend. Every query names
/// the signed-in client's id (from the sign-in, never the form); another client's check-in id is not found.
/// </summary>
[Route("client/check-ins")]
public sealed class CheckInsController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit, ClinicianAlerts alerts)
    : ClientSpaceController(db, calendar)
{
    public const string DischargedMessage =
        "Your time with the clinic has ended, so new check-ins are not saved. The numbers at the top of the page are always here.";
    public const string ChangedElsewhere = "This check-in was changed in another window. Reload it and try again.";
    public const int ListWeeks = 12;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (await MeAsync(ct) is not { } me) return NotFound();
        var since = Calendar.UtcNow.AddDays(-7 * ListWeeks);
        var checkIns = await MineAsync(me, since, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.CheckIn, null, me.ClientId, ct);
        return View(new MyCheckInsPage(checkIns, me.Zone));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        if (await MeAsync(ct) is not { } me) return NotFound();
        return View("Form", new CheckInFormPage(null, new CheckInForm(), await OptionsAsync(me, ct), null, me.Zone));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(CheckInForm form, CancellationToken ct)
    {
        if (await MeAsync(ct) is not { } me) return NotFound();
        var options = await OptionsAsync(me, ct);
        var page = new CheckInFormPage(null, form, options, null, me.Zone);
        if (!ExplainBindingErrors()) return View("Form", page);
        try
        {
            if (me.IsReadOnly) throw new DomainRuleException(DischargedMessage);
            var recorded = CheckIn.Record(me.ClientId, form.ToAnswers(), options, Calendar.UtcNow);
            Db.Add(recorded.CheckIn);
            if (recorded.PrivateJournal is { } journal) Db.Add(journal);
            audit.Add(AuditActions.Create, AuditRecords.CheckIn, recorded.CheckIn.Id, me.ClientId);
            var alert = recorded.ReportsContactAttempt ? RaiseContactAttempt(me) : null;
            await Db.SaveChangesAsync(ct);
            if (alert is not null) await alerts.NotifyAsync(alert, ct);
            Flash(recorded.ReportsContactAttempt
                ? "Thank you for checking in. Your clinician will see that they tried to reach you."
                : "Thank you for checking in.");
            return Redirect("/client");
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("Form", page);
        }
    }

    [HttpGet("{checkInId:guid}")]
    public async Task<IActionResult> Show(Guid checkInId, CancellationToken ct)
    {
        if (await MeAsync(ct) is not { } me) return NotFound();
        var (checkIn, journal) = await FindAsync(me, checkInId, ct);
        if (checkIn is null) return NotFound();
        await audit.RecordAsync(AuditActions.View, AuditRecords.CheckIn, checkIn.Id, me.ClientId, ct);
        if (!checkIn.IsEditable(Calendar.UtcNow) || me.IsReadOnly) return ReadOnly(me, checkIn, journal, null);
        return View("Form", new CheckInFormPage(checkIn.Id, CheckInForm.From(checkIn, journal), await OptionsAsync(me, ct), checkIn.EditableUntil, me.Zone));
    }

    [HttpPost("{checkInId:guid}")]
    public async Task<IActionResult> Update(Guid checkInId, CheckInForm form, CancellationToken ct)
    {
        if (await MeAsync(ct) is not { } me) return NotFound();
        var (checkIn, journal) = await FindAsync(me, checkInId, ct);
        if (checkIn is null) return NotFound();
        var options = await OptionsAsync(me, ct);
        var page = new CheckInFormPage(checkIn.Id, form, options, checkIn.EditableUntil, me.Zone);
        if (!checkIn.IsEditable(Calendar.UtcNow)) return ReadOnly(me, checkIn, journal, CheckIn.ReadOnlyMessage);
        if (!ExplainBindingErrors()) return View("Form", page);
        try
        {
            if (me.IsReadOnly) throw new DomainRuleException(DischargedMessage);
            var edited = checkIn.Edit(form.ToAnswers(), options, journal, Calendar.UtcNow);
            if (edited.AddedJournal is { } added) Db.Add(added);
            if (edited.RemovedJournal is { } removed) Db.Remove(removed);
            audit.Add(AuditActions.Update, AuditRecords.CheckIn, checkIn.Id, me.ClientId);
            var alert = edited.NewContactAttempt ? RaiseContactAttempt(me) : null;
            await Db.SaveChangesAsync(ct);
            if (alert is not null) await alerts.NotifyAsync(alert, ct);
            Flash("Your check-in was updated.");
            return Redirect("/client");
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("Form", page);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ChangedElsewhere);
            return View("Form", page);
        }
    }

    private ClinicianAlert RaiseContactAttempt(Me me) =>
        alerts.Add(me.ClientId, AlertKind.ContactAttemptReported, AlertRules.CheckInSeverity(AlertKind.ContactAttemptReported));

    private IActionResult ReadOnly(Me me, CheckIn checkIn, PrivateJournalEntry? journal, string? error)
    {
        if (error is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Show", new MyCheckInPage(ToMine(checkIn, journal?.Text, false), me.Zone, error));
    }

    private async Task<(CheckIn?, PrivateJournalEntry?)> FindAsync(Me me, Guid checkInId, CancellationToken ct)
    {
        var checkIn = await Db.Set<CheckIn>().SingleOrDefaultAsync(c => c.Id == checkInId && c.ClientId == me.ClientId, ct);
        if (checkIn is null) return (null, null);
        var journal = await Db.Set<PrivateJournalEntry>().SingleOrDefaultAsync(j => j.CheckInId == checkInId && j.ClientId == me.ClientId, ct);
        return (checkIn, journal);
    }

    private async Task<IReadOnlyList<string>> OptionsAsync(Me me, CancellationToken ct) =>
        SelfCareChecklist.ItemsOf(await Db.Set<SelfCareChecklist>().AsNoTracking().SingleOrDefaultAsync(l => l.ClientId == me.ClientId, ct));

    private async Task<List<MyCheckIn>> MineAsync(Me me, DateTimeOffset since, CancellationToken ct)
    {
        var checkIns = await Db.Set<CheckIn>().AsNoTracking().Where(c => c.ClientId == me.ClientId && c.CreatedAt >= since)
            .OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        var ids = checkIns.Select(c => c.Id).ToList();
        var journals = await Db.Set<PrivateJournalEntry>().AsNoTracking().Where(j => j.ClientId == me.ClientId && ids.Contains(j.CheckInId))
            .ToDictionaryAsync(j => j.CheckInId, j => j.Text, ct);
        var now = Calendar.UtcNow;
        return checkIns.Select(c => ToMine(c, journals.GetValueOrDefault(c.Id), c.IsEditable(now) && !me.IsReadOnly)).ToList();
    }

    private static MyCheckIn ToMine(CheckIn c, string? privateJournal, bool editable) =>
        new(c.Id, c.CreatedAt, c.Mood, c.Urge, c.Sleep, c.ContactAttempted, c.Channel, c.ContactNote, c.BrokeContact, c.SelfCare,
            c.SharedJournal ?? privateJournal, c.SharedJournal is not null, editable);

    /// <summary>Puts plain words on values the form could not even read (e.g. "abc" for the mood). False when there were any.</summary>
    private bool ExplainBindingErrors()
    {
        foreach (var (key, message) in BindingMessages)
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                entry.Errors.Add(message);
            }
        return ModelState.IsValid;
    }

    private static readonly (string Key, string Message)[] BindingMessages =
    [
        ("Mood", "Choose a number from 0 to 10 for your mood."),
        ("Urge", "Choose a number from 0 to 10 for the urge to contact them."),
        ("Sleep", "Choose how you slept from the list."),
        ("ContactAttempted", "Answer whether they tried to reach you."),
        ("BrokeContact", "Answer whether you got in touch with them."),
        ("ShareJournal", "Choose whether to share your journal."),
    ];
}
