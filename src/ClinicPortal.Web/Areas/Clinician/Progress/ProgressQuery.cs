using ClinicPortal.Infrastructure.Progress;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Measures;
using ClinicPortal.Infrastructure.Measures;
using ClinicPortal.Core.Progress;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Progress;

/// <summary>Loads a client's stage model and path. Runs under the clinician's scope: another clinician's client yields nothing.</summary>
public sealed class ProgressQuery(ClinicDbContext db, ClinicCalendar calendar, StageModelCache stageModels)
{
    public async Task<Guid> CurrentModelIdAsync(Guid clientId, CancellationToken ct) =>
        await db.Set<ClientStageModel>().Where(h => h.ClientId == clientId)
            .OrderByDescending(h => h.StartedAt).Select(h => (Guid?)h.ModelId).FirstOrDefaultAsync(ct)
        ?? BuiltInStageModels.DefaultModelId;

    public Task<StageModel?> ModelAsync(Guid modelId, CancellationToken ct) =>
        db.Set<StageModel>().Include(m => m.Stages).SingleOrDefaultAsync(m => m.Id == modelId, ct);

    public async Task<StageModel> CurrentModelAsync(Guid clientId, CancellationToken ct) =>
        await ModelAsync(await CurrentModelIdAsync(clientId, ct), ct)
        ?? throw new InvalidOperationException("The client's stage model is missing.");

    public async Task<ProgressPage> PageAsync(Client client, AssessmentForm form, CancellationToken ct)
    {
        // The model history and every assessment, each with who made it, in one statement; the models come from the cache.
        var record = await db.Clients.Where(c => c.Id == client.Id).Select(c => new
            {
                History = db.Set<ClientStageModel>().Where(h => h.ClientId == client.Id).OrderBy(h => h.StartedAt)
                    .Select(h => new { Entry = h, By = db.Users.Where(u => u.Id == h.ChangedById).Select(u => u.DisplayName).FirstOrDefault() }).ToList(),
                Assessments = db.Set<StageAssessment>().Where(a => a.ClientId == client.Id)
                    .Select(a => new { Entry = a, By = db.Users.Where(u => u.Id == a.RecordedById).Select(u => u.DisplayName).FirstOrDefault() }).ToList(),
                // Questionnaire scores, charted beside the stage path (Measures).
                Scores = db.Set<MeasureResponse>().Where(r => r.ClientId == client.Id).Where(MeasureScore.Sent).OrderBy(r => r.SubmittedAt)
                    .Select(MeasureScore.Projection).ToList(),
            })
            .AsSingleQuery()
            .SingleAsync(ct);
        var history = record.History.Select(h => h.Entry).ToList();
        var assessments = record.Assessments.Select(a => a.Entry).ToList();
        var currentId = ClientStageModel.CurrentModelId(history);
        var modelIds = assessments.Select(a => a.ModelId).Concat(history.Select(h => h.ModelId)).Append(currentId).ToHashSet();
        var models = (await stageModels.AllAsync(ct)).Where(m => modelIds.Contains(m.Id) || m.RetiredAt == null).ToList();
        var current = models.Single(m => m.Id == currentId);

        var earlier = assessments.Where(a => a.ModelId != currentId).Select(a => a.ModelId).Distinct()
            .Select(id => StagePath.Build(models.Single(m => m.Id == id), assessments))
            .OrderByDescending(p => p.Points.Max(x => x.Assessment.AssessedOn)).ToList();

        var names = record.History.Select(h => (h.Entry.ChangedById, h.By)).Concat(record.Assessments.Select(a => (a.Entry.RecordedById, a.By)))
            .DistinctBy(n => n.Item1).ToDictionary(n => n.Item1, n => n.Item2 ?? "");
        var modelChanges = history.Select(h => new ModelChange(models.Single(m => m.Id == h.ModelId).Name, h.StartedAt, names[h.ChangedById])).ToList();
        var notes = await db.CaseNotes.Where(n => n.ClientId == client.Id).OrderByDescending(n => n.ServiceDate)
            .Select(n => new LinkableNote(n.Id, n.ServiceDate, n.Format)).ToListAsync(ct);

        var today = await calendar.TodayAsync(ct);
        var (signals, weeks) = await SignalsAsync(client.Id, ct);
        var page = new ProgressPage(client.IsReadOnly, today, await calendar.ZoneAsync(ct),
            StagePath.Build(current, assessments), earlier, modelChanges,
            models.Where(m => !m.IsRetired && m.Id != currentId).OrderBy(m => !m.IsBuiltIn).ThenBy(m => m.Name).ToList(),
            notes, names, signals, form, Measures.MeasureTrendsViewComponent.Trends(record.Scores)) { CheckInWeeks = weeks };
        form.Choices = new AssessmentChoices(today, current.OrderedStages.ToList(), notes.Select(n => (n.Id, page.NoteLabel(n.Id))).ToList());
        return page;
    }

    /// <summary>
    /// Check-in signals on the same time axis as the stage path, by the clinic's calendar day: the urge to break
    /// contact at each check-in ("urge"), and setbacks ("setback") and contact attempts ("contact") marked at that urge.
    /// Beside them, week by week: looking them up, feelings, and contact attempts per person. One statement.
    /// </summary>
    private async Task<(IReadOnlyList<ProgressSignal> Signals, IReadOnlyList<WeekTally> Weeks)> SignalsAsync(Guid clientId, CancellationToken ct)
    {
        var zone = await calendar.ZoneAsync(ct);
        var checkIns = await db.Set<CheckIn>().Where(c => c.ClientId == clientId).OrderBy(c => c.CreatedAt)
            .Select(c => new
            {
                c.CreatedAt, c.Urge, c.BrokeContact, c.ContactAttempted, c.LookedThemUp, c.Emotions,
                AttemptedBy = db.Set<CheckInPerson>().Where(p => p.CheckInId == c.Id && p.ContactAttempted)
                    .Join(db.Set<Boundary>().Where(b => b.ClientId == clientId), p => p.BoundaryId, b => b.Id, (p, b) => b.PersonName).ToList(),
            })
            .ToListAsync(ct);
        var signals = new List<ProgressSignal>();
        var days = new List<(DateOnly, TallyInput)>();
        foreach (var c in checkIns)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.CreatedAt, zone).DateTime);
            signals.Add(new ProgressSignal(day, SignalUrge, c.Urge));
            if (c.BrokeContact) signals.Add(new ProgressSignal(day, SignalSetback, c.Urge));
            if (c.ContactAttempted) signals.Add(new ProgressSignal(day, SignalContact, c.Urge));
            days.Add((day, new TallyInput(c.LookedThemUp, c.Emotions, c.ContactAttempted, c.AttemptedBy)));
        }
        return (signals, CheckInTally.ByWeek(days));
    }

    public const string SignalUrge = "urge", SignalSetback = "setback", SignalContact = "contact";
}
