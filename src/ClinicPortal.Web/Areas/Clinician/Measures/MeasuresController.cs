using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Measures;
using ClinicPortal.Core.Reports;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Measures;
using ClinicPortal.Web.Areas.Clinician.Clients;
using ClinicPortal.Web.Features.Measures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Measures;

/// <summary>
/// A client's questionnaires (PHQ-9, GAD-7, PCL-5): scores over time, what is still open, schedules, giving one now
/// (to answer in the client's space or together in session), and notes on sent answers. Part of the Progress tab.
/// </summary>
[Route("clinician/clients/{clientId:guid}/measures")]
public sealed class MeasuresController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, MeasureScoresQuery scores, MeasureSubmissions submissions)
    : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Progress;

    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => ShowAsync(new GiveMeasureForm(), new MeasureScheduleForm(), ct);

    [HttpPost("give")]
    public Task<IActionResult> Give(GiveMeasureForm form, CancellationToken ct) =>
        SubmitAsync(() => ShowAsync(form, new MeasureScheduleForm(), ct), async () =>
        {
            var response = MeasureResponse.Give(Client, form.InstrumentCode, Me, calendar.UtcNow);
            Db.Add(response);
            audit.Add(AuditActions.Create, AuditRecords.MeasureResponse, response.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            if (form.InSession) return RedirectToAction(nameof(Show), new { responseId = response.Id });
            Flash($"{response.InstrumentCode} is waiting in the client's space.");
            return RedirectToAction(nameof(Index));
        });

    [HttpPost("schedules")]
    public Task<IActionResult> Schedule(MeasureScheduleForm form, CancellationToken ct) =>
        SubmitAsync(() => ShowAsync(new GiveMeasureForm(), form, ct), async () =>
        {
            var zone = await calendar.ZoneAsync(ct);
            var schedule = MeasureSchedule.Create(Client, form.InstrumentCode, form.Kind, form.Every, form.ShareTrend, Me, calendar.UtcNow, form.On, zone);
            Db.Add(schedule);
            audit.Add(AuditActions.Create, AuditRecords.MeasureSchedule, schedule.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash(schedule.Kind == ScheduleKind.Once
                ? $"{schedule.InstrumentCode} opens in the client's space on {ReportPeriod.Format(ClinicTime.DayOf(schedule.StartsAt, zone))}."
                : $"{schedule.InstrumentCode} is scheduled.");
            return RedirectToAction(nameof(Index));
        });

    [HttpPost("schedules/{scheduleId:guid}/stop")]
    public async Task<IActionResult> StopSchedule(Guid scheduleId, CancellationToken ct)
    {
        var schedule = await Db.Set<MeasureSchedule>().SingleOrDefaultAsync(s => s.Id == scheduleId && s.ClientId == Client.Id, ct);
        if (schedule is null) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Index)), async () =>
        {
            schedule.Stop(Client, calendar.UtcNow);
            audit.Add(AuditActions.Update, AuditRecords.MeasureSchedule, schedule.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            return $"The {schedule.InstrumentCode} schedule is stopped. Scores already sent stay.";
        });
    }

    /// <summary>One response: its answers once sent (with notes), or the form to enter them with the client in session.</summary>
    [HttpGet("{responseId:guid}")]
    public async Task<IActionResult> Show(Guid responseId, CancellationToken ct)
    {
        var response = await FindAsync(responseId, ct);
        if (response is null) return NotFound();
        return await ResponsePageAsync(response, Versioned(new MeasureAnswersForm { Answers = [.. response.Answers] }, response), new MeasureNoteForm(), ct);
    }

    /// <summary>The clinician enters the answers with the client in session (or keeps a draft); the same rules as the client's own.</summary>
    [HttpPost("{responseId:guid}")]
    public async Task<IActionResult> Enter(Guid responseId, MeasureAnswersForm form, CancellationToken ct)
    {
        var response = await FindAsync(responseId, ct);
        if (response is null) return NotFound();
        return await SubmitAsync(() => ResponsePageAsync(response, form, new MeasureNoteForm(), ct), async () =>
        {
            Client.EnsureEditable();
            ExpectVersion(response, form);
            var answers = form.For(response.Instrument.Items.Count);
            if (form.SaveOnly)
            {
                response.SaveDraft(answers);
                audit.Add(AuditActions.Update, AuditRecords.MeasureResponse, response.Id, Client.Id);
                await Db.SaveChangesAsync(ct);
                Flash("The answers so far are saved.");
                return RedirectToAction(nameof(Show), new { responseId });
            }
            var flagged = await submissions.SubmitAsync(response, answers, Me, ct);
            await Db.SaveChangesAsync(ct);
            Flash(flagged
                ? $"{response.InstrumentCode} scored {response.Total}. Item {response.Instrument.SafetyItem} was answered above 0: an urgent alert was raised."
                : $"{response.InstrumentCode} scored {response.Total}.");
            return RedirectToAction(nameof(Show), new { responseId });
        }, () => Show(responseId, ct));
    }

    [HttpPost("{responseId:guid}/notes")]
    public async Task<IActionResult> AddNote(Guid responseId, MeasureNoteForm form, CancellationToken ct)
    {
        var response = await FindAsync(responseId, ct);
        if (response is null) return NotFound();
        return await SubmitAsync(() => ResponsePageAsync(response, new MeasureAnswersForm { Answers = [.. response.Answers] }, form, ct), async () =>
        {
            Client.EnsureEditable();
            var note = MeasureNote.Add(response, Me, form.Text, calendar.UtcNow);
            Db.Add(note);
            audit.Add(AuditActions.Create, AuditRecords.MeasureNote, note.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Note added.");
            return RedirectToAction(nameof(Show), new { responseId });
        });
    }

    private Task<MeasureResponse?> FindAsync(Guid responseId, CancellationToken ct) =>
        Db.Set<MeasureResponse>().SingleOrDefaultAsync(r => r.Id == responseId && r.ClientId == Client.Id, ct);

    private async Task<IActionResult> ShowAsync(GiveMeasureForm give, MeasureScheduleForm schedule, CancellationToken ct)
    {
        var clientId = Client.Id;
        var trends = MeasureTrendsViewComponent.Trends(await scores.ScoresAsync(clientId, ct: ct));
        var open = await Db.Set<MeasureResponse>().AsNoTracking().Where(r => r.ClientId == clientId && r.SubmittedAt == null)
            .OrderBy(r => r.DueAt).Select(r => new { r.Id, r.InstrumentCode, r.DueAt, r.Answers }).ToListAsync(ct);
        var schedules = await Db.Set<MeasureSchedule>().AsNoTracking().Where(s => s.ClientId == clientId && s.StoppedAt == null)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new ScheduleRow(s.Id, s.InstrumentCode, s.Kind, s.IntervalWeeks, s.HoursBefore, s.ShareTrend, s.CreatedAt, s.StartsAt)).ToListAsync(ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.MeasureResponse, null, clientId, ct);
        return View(nameof(Index), new MeasuresPage(trends,
            open.Select(o => new OpenMeasureRow(o.Id, o.InstrumentCode, o.DueAt, o.Answers.Count(a => a is not null), o.Answers.Length)).ToList(),
            schedules, give, schedule, await calendar.ZoneAsync(ct), Client.IsReadOnly));
    }

    private async Task<IActionResult> ResponsePageAsync(MeasureResponse response, MeasureAnswersForm answers, MeasureNoteForm note, CancellationToken ct)
    {
        var notes = await Db.Set<MeasureNote>().AsNoTracking().Where(n => n.ResponseId == response.Id && n.ClientId == Client.Id)
            .OrderBy(n => n.CreatedAt)
            .Select(n => new MeasureNoteRow(n.CreatedAt, Db.Users.Where(u => u.Id == n.AuthorId).Select(u => u.DisplayName).First(), n.Text))
            .ToListAsync(ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.MeasureResponse, response.Id, Client.Id, ct);
        var shown = response.IsSubmitted ? response.Answers : answers.For(response.Instrument.Items.Count);
        return View("Show", new MeasureResponsePage(response.Id, response.Instrument, response.InstrumentVersion, response.DueAt, response.SubmittedAt,
            response.Total, response.SafetyFlag, response.EnteredById is not null, new QuestionnaireFields(response.Instrument, shown, response.IsSubmitted || Client.IsReadOnly),
            answers, notes, note, await calendar.ZoneAsync(ct), Client.IsReadOnly));
    }
}
