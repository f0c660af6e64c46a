using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Caseload;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Messages;
using ClinicPortal.Core.Progress;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Messages;
using ClinicPortal.IntegrationTests.Progress;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Caseload;

/// <summary>
/// The summaries the database keeps (db/migrations/0009) against the same facts computed from the history tables
/// through EF and the domain's own rules, after the demo seeding and after each kind of write.
/// </summary>
public sealed class ClientSummaryTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task Every_demo_clients_summary_matches_its_history()
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var ids = await db.Clients.Select(c => c.Id).ToListAsync();
        Assert.True(ids.Count >= 6);
        foreach (var id in ids) await AssertSummaryMatchesAsync(id);
    }

    [Fact]
    public async Task Each_kind_of_write_keeps_the_summary_current_in_its_own_transaction()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Summary Subject");
        await AssertSummaryMatchesAsync(client.Id);

        await Arrange.NoteAsync(app, client, signed: false);
        await Arrange.NoteAsync(app, client, signed: true);
        await AssertSummaryMatchesAsync(client.Id, s => Assert.Equal(1, s.DraftNotes));

        var now = DateTimeOffset.UtcNow;
        await CheckInArrange.CheckInAsync(app, client.Id, now.AddDays(-3), urge: 3);
        await CheckInArrange.CheckInAsync(app, client.Id, now.AddDays(-2), urge: 5, contact: true);
        await CheckInArrange.CheckInAsync(app, client.Id, now.AddDays(-1), urge: 6, setback: true);
        await AssertSummaryMatchesAsync(client.Id, s => Assert.Equal((6, 5, 3), (s.LatestUrge, s.PreviousUrge, s.EarlierUrge)));

        var held = await Arrange.SessionAsync(app, client, now.AddHours(-3));
        await Arrange.SessionAsync(app, client, now.AddDays(3));
        await WithDbAsync(async db =>
        {
            var session = await db.Set<TherapySession>().SingleAsync(s => s.Id == held.Id);
            session.MarkCompleted(now);
            await db.SaveChangesAsync();
        });
        await AssertSummaryMatchesAsync(client.Id, s => Assert.NotNull(s.LastHeldSessionAt));

        await ArrangeSafety.ConcernAsync(app, client, ConcernSeverity.High);
        var alert = await ArrangeSafety.AlertAsync(app, client, ConcernSeverity.Imminent);
        await AssertSummaryMatchesAsync(client.Id, s => Assert.Equal((1, 1, ConcernSeverity.High), (s.ImminentAlerts, s.OpenConcerns, s.TopOpenSeverity)));
        await WithDbAsync(async db =>
        {
            (await db.Set<ClinicianAlert>().SingleAsync(a => a.Id == alert.Id)).Acknowledge(client.PrimaryClinicianId, now, AlertResponse.CalledClient, null);
            await db.SaveChangesAsync();
        });
        await AssertSummaryMatchesAsync(client.Id, s => Assert.Equal(0, s.ImminentAlerts));

        var journey = BuiltInStageModels.Journey;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await ProgressArrange.AssessmentAsync(app, client, journey, journey.Stages[3].Name, today.AddDays(-20));
        await ProgressArrange.AssessmentAsync(app, client, journey, journey.Stages[1].Name, today.AddDays(-10));
        await ProgressArrange.AssessmentAsync(app, client, journey, journey.Stages[1].Name, today.AddDays(-5));
        await AssertSummaryMatchesAsync(client.Id, s => Assert.Equal((1, today.AddDays(-10)), (s.Regressions, s.StageSince)));

        var read = await MessagesArrange.MessageAsync(app, client.Id, fromClient: true, now.AddHours(-2));
        await MessagesArrange.MessageAsync(app, client.Id, fromClient: true, now.AddHours(-1));
        await MessagesArrange.MessageAsync(app, client.Id, fromClient: false, now);
        await AssertSummaryMatchesAsync(client.Id, s => Assert.Equal(2, s.UnreadMessages));
        await MessagesArrange.MarkReadAsync(app, read.Id, now);
        await AssertSummaryMatchesAsync(client.Id, s => Assert.Equal(1, s.UnreadMessages));

        await WithDbAsync(async db =>
        {
            (await db.Clients.SingleAsync(c => c.Id == client.Id)).ChangeStatus(ClientStatus.Discharged, now);
            await db.SaveChangesAsync();
        });
        await AssertSummaryMatchesAsync(client.Id, s => Assert.False(s.ExpectsCheckIns));
    }

    private async Task WithDbAsync(Func<ClinicDbContext, Task> change)
    {
        await using var scope = app.SystemScope();
        await change(app.SystemDb(scope));
    }

    /// <summary>Recomputes every summary column from the history tables and compares.</summary>
    private async Task AssertSummaryMatchesAsync(Guid id, Action<ClientSummary>? also = null)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var summary = await db.Set<ClientSummary>().AsNoTracking().SingleAsync(s => s.ClientId == id);
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == id);

        var modelId = await db.Set<ClientStageModel>().Where(h => h.ClientId == id).OrderByDescending(h => h.StartedAt)
            .Select(h => (Guid?)h.ModelId).FirstOrDefaultAsync() ?? BuiltInStageModels.DefaultModelId;
        var model = await db.Set<StageModel>().Include(m => m.Stages).SingleAsync(m => m.Id == modelId);
        var path = StagePath.Build(model, await db.Set<StageAssessment>().Where(a => a.ClientId == id).ToListAsync());
        var checkIns = await db.Set<CheckIn>().Where(k => k.ClientId == id).OrderByDescending(k => k.CreatedAt).ToListAsync();
        var open = await db.Set<SafetyConcern>().Where(c => c.ClientId == id && c.Status != ConcernStatus.Resolved).ToListAsync();
        var alerts = await db.Set<ClinicianAlert>().Where(a => a.ClientId == id && a.AcknowledgedAt == null).ToListAsync();
        var notes = await db.CaseNotes.Where(n => n.ClientId == id).ToListAsync();
        var held = await db.Set<TherapySession>().Where(s => s.ClientId == id && s.Status == SessionStatus.Completed).MaxAsync(s => (DateTimeOffset?)s.StartsAt);
        var signInSince = await db.Users.Where(u => u.Id == client.UserId).Select(u => (DateTimeOffset?)u.CreatedAt).FirstOrDefaultAsync();

        Assert.Equal(modelId, summary.StageModelId);
        Assert.Equal(path.Current?.Stage.Id, summary.StageId);
        Assert.Equal(StageSince(path), summary.StageSince);
        Assert.Equal(path.RegressionCount, summary.Regressions);
        Assert.Equal(notes.Max(n => (DateOnly?)n.ServiceDate), summary.LastNoteDate);
        Assert.Equal(notes.Count(n => n.Status == NoteStatus.Draft), summary.DraftNotes);
        Assert.Equal(open.Count, summary.OpenConcerns);
        Assert.Equal(open.Max(c => (ConcernSeverity?)c.Severity), summary.TopOpenSeverity);
        Assert.Equal(alerts.Count(a => a.Severity == ConcernSeverity.Imminent), summary.ImminentAlerts);
        Assert.Equal(alerts.Count, summary.OpenAlerts);
        Assert.Equal(new CheckInFacts(
            checkIns.FirstOrDefault()?.CreatedAt, checkIns.ElementAtOrDefault(0)?.Urge, checkIns.ElementAtOrDefault(1)?.Urge, checkIns.ElementAtOrDefault(2)?.Urge,
            checkIns.Where(k => k.BrokeContact).Max(k => (DateTimeOffset?)k.CreatedAt), checkIns.Where(k => k.ContactAttempted).Max(k => (DateTimeOffset?)k.CreatedAt),
            held, signInSince, client.UserId != null && client.Status == ClientStatus.Active), summary.CheckInFacts);
        Assert.Equal(await db.Set<Boundary>().Where(b => b.ClientId == id).MinAsync(b => b.ReviewDate), summary.NextReviewDate);
        Assert.Equal(await db.Set<SecureMessage>().CountAsync(MessageThread.UnreadByClinician(id)), summary.UnreadMessages);
        also?.Invoke(summary);
    }

    /// <summary>When the current stage's last run began: after the latest assessment of any other stage.</summary>
    private static DateOnly? StageSince(StagePath path)
    {
        if (path.Current is not { } current) return null;
        var run = path.Points.Reverse().TakeWhile(p => p.Stage.Id == current.Stage.Id).ToList();
        return run.Min(p => p.Assessment.AssessedOn);
    }
}
