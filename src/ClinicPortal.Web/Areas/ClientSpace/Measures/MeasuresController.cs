using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Measures;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Measures;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.Web.Areas.ClientSpace.Unsafe;
using ClinicPortal.Web.Features.Measures;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.Measures;

/// <summary>
/// The questionnaires the clinician gave the client: answer on one page, stop and come back (a draft), send. Answers
/// that flag the safety item show the crisis numbers at once, and the clinician is alerted as for "I feel unsafe".
/// The client sees their own scores over time only where the clinician shares them. Every query names the signed-in
/// client's id; another client's response id is not found.
/// </summary>
[Route("client/measures")]
public sealed class MeasuresController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit, MeasureScoresQuery scores, MeasureSubmissions submissions)
    : ClientSpaceController(db, calendar)
{
    public const string DischargedMessage = "Your time with the clinic has ended, so answers are no longer saved.";

    protected override bool RequiresOwnRecord => true;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var clientId = Own.ClientId;
        var open = await Db.Set<MeasureResponse>().AsNoTracking().Where(r => r.ClientId == clientId && r.SubmittedAt == null)
            .OrderBy(r => r.DueAt).Select(r => new { r.Id, r.InstrumentCode, r.DueAt, r.Answers }).ToListAsync(ct);
        // The newest schedule of a questionnaire decides whether its scores are shown: stopping one (and a "once" one
        // stops as it opens) ends the asking, not the sharing.
        var shared = await Db.Set<MeasureSchedule>().AsNoTracking().Where(s => s.ClientId == clientId && s.ShareTrend
                && !Db.Set<MeasureSchedule>().Any(n => n.ClientId == clientId && n.InstrumentCode == s.InstrumentCode && n.CreatedAt > s.CreatedAt))
            .Select(s => s.InstrumentCode).Distinct().ToListAsync(ct);
        var trends = shared.Count == 0 ? [] : (await scores.ScoresAsync(clientId, ct: ct))
            .Where(s => shared.Contains(s.InstrumentCode)).GroupBy(s => s.InstrumentCode)
            .Select(g => new MySharedTrend(g.First().Instrument.Name,
                g.Select(s => (s.CompletedAt, s.Total, s.Instrument.BandOf(s.Total).PlainWords)).ToList(), g.First().Instrument.MaxTotal))
            .ToList();
        await audit.RecordAsync(AuditActions.View, AuditRecords.MeasureResponse, null, clientId, ct);
        return View(new MyMeasuresPage(
            open.Select(o => new MyOpenMeasure(o.Id, Instruments.Find(o.InstrumentCode)!.Name, o.DueAt, o.Answers.Count(a => a is not null), o.Answers.Length)).ToList(),
            trends, Own.Zone, Own.IsReadOnly));
    }

    [HttpGet("{responseId:guid}")]
    public async Task<IActionResult> Show(Guid responseId, CancellationToken ct)
    {
        var response = await FindAsync(responseId, ct);
        if (response is null) return NotFound();
        return await PageAsync(response, Versioned(new MeasureAnswersForm { Answers = [.. response.Answers] }, response), null, ct);
    }

    [HttpPost("{responseId:guid}")]
    public async Task<IActionResult> Answer(Guid responseId, MeasureAnswersForm form, CancellationToken ct)
    {
        var response = await FindAsync(responseId, ct);
        if (response is null) return NotFound();
        if (response.IsSubmitted)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await PageAsync(response, form, MeasureResponse.SubmittedMessage, ct);
        }
        return await SubmitAsync(() => PageAsync(response, form, null, ct), async () =>
        {
            if (Own.IsReadOnly) throw new DomainRuleException(DischargedMessage);
            ExpectVersion(response, form);
            var answers = form.For(response.Instrument.Items.Count);
            if (form.SaveOnly)
            {
                response.SaveDraft(answers);
                audit.Add(AuditActions.Update, AuditRecords.MeasureResponse, response.Id, Own.ClientId);
                await Db.SaveChangesAsync(ct);
                Flash("Your answers so far are saved. You can finish any time.");
                return RedirectToAction(nameof(Index));
            }
            var flagged = await submissions.SubmitAsync(response, answers, ct: ct);
            await Db.SaveChangesAsync(ct); // the clinician is alerted once this commits
            if (flagged)
            {
                var lines = (await CrisisResourceCache.ReadActiveAsync(Db, ct)).Select(CrisisLine.From).ToList();
                return View("Sent", new MeasureSentPage(lines.Count > 0 ? lines : UnsafeController.FallbackLines, DiscreetMode.IsOn(User)));
            }
            Flash("Thank you. Your answers were sent to your clinician.");
            return RedirectToAction(nameof(Index));
        }, () => Show(responseId, ct));
    }

    private Task<MeasureResponse?> FindAsync(Guid responseId, CancellationToken ct) =>
        Db.Set<MeasureResponse>().SingleOrDefaultAsync(r => r.Id == responseId && r.ClientId == Own.ClientId, ct);

    private async Task<IActionResult> PageAsync(MeasureResponse response, MeasureAnswersForm form, string? refusal, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.View, AuditRecords.MeasureResponse, response.Id, Own.ClientId, ct);
        var shown = response.IsSubmitted ? response.Answers : form.For(response.Instrument.Items.Count);
        return View("Show", new MyMeasurePage(response.Id, response.Instrument, response.IsSubmitted,
            new QuestionnaireFields(response.Instrument, shown, response.IsSubmitted || Own.IsReadOnly), form, refusal));
    }
}
