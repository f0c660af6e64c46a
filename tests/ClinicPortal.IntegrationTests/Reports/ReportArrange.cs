using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Progress;
using ClinicPortal.Core.Reports;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Progress;
using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.Reports;

/// <summary>Clients with report data made straight in the database, dated back from the clinic's today.</summary>
internal static class ReportArrange
{
    public const string NoteText = "NOTE-SECRET the client described the argument in detail";
    public const string Evidence = "EVIDENCE-SECRET guilt after the family call";
    public const string RiskPerson = "Rex Relay";
    public const string CrisisPerson = "Sam Supporter";

    public static DateTimeOffset At(DateOnly day, int hour = 15) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    public static async Task<Client> ClientAsync(ClinicAppFactory app, string name, int daysInCare = 400)
    {
        var clinicianId = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var today = await ProgressArrange.TodayAsync(app);
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var client = Client.Create(new ClientDetails(name, null, null, null, null, null, "America/Chicago", today.AddDays(-daysInCare), "Presenting concern words"),
            clinicianId, today, DateTimeOffset.UtcNow);
        db.Clients.Add(client);
        await db.SaveChangesAsync();
        return client;
    }

    /// <summary>
    /// Something in every section over the last 90 days: <paramref name="scale"/> multiplies the sessions, notes and
    /// assessments so a test can compare a short report with a long one.
    /// </summary>
    public static async Task RecordAsync(ClinicAppFactory app, Client client, int scale = 1)
    {
        var today = await ProgressArrange.TodayAsync(app);
        var by = client.PrimaryClinicianId;
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var journey = BuiltInStageModels.Journey;
        Guid Stage(string name) => journey.Stages.Single(s => s.Name == name).Id;

        // Stage path: one assessment before the period, then forward, forward, back.
        var path = new List<(string, int, string)> { ("Considering", 120, "Weighing low contact."), ("Preparing", 80, "Planning which numbers to block."),
            ("Early no contact", 50, "Relief, then guilt."), ("Preparing", 20, Evidence) };
        for (var i = 1; i < scale; i++)
            path.Add((i % 2 == 0 ? "Early no contact" : "Fallout", 85 - (i % 80), $"Follow-up assessment {i}: steady week, noticing urges in the evening."));
        foreach (var (stage, daysAgo, evidence) in path.OrderByDescending(p => p.Item2))
            db.Add(StageAssessment.Record(client, journey, Stage(stage), today.AddDays(-daysAgo), evidence, null, null, by, today, DateTimeOffset.UtcNow));

        var (boundary, first) = Boundary.Create(client.Id, Plan("The ex-partner", ContactLevel.LowContact), by, At(today.AddDays(-150)));
        db.AddRange(boundary, first, boundary.Revise(Plan("The ex-partner", ContactLevel.NoContact), by, At(today.AddDays(-40)))!);

        db.Add(SupportPerson.Create(client.Id, new SupportPersonDetails(CrisisPerson, "sister", SupportType.Family, SupportRole.Supportive, true,
            "+1 555 0142", null, null, null, true), At(today.AddDays(-100))));
        db.Add(SupportPerson.Create(client.Id, new SupportPersonDetails(RiskPerson, "ex's best friend", SupportType.Friend, SupportRole.Risk, false,
            null, null, "Passes news on", null, false), At(today.AddDays(-100))));

        db.Add(SafetyConcern.Record(client.Id, new SafetyConcernDetails(ConcernType.Threats, null, ConcernSeverity.Imminent, ConcernStatus.Open,
            today.AddDays(-10), null, "Ex-partner", "Concern description words", today.AddDays(3), null), by, today, DateTimeOffset.UtcNow));
        var calls = SafetyConcern.Record(client.Id, new SafetyConcernDetails(ConcernType.RepeatedMessagesOrCalls, null, ConcernSeverity.Moderate,
            ConcernStatus.Open, today.AddDays(-60), null, "Ex-partner", "Concern description words", today.AddDays(3), null), by, today.AddDays(-60), At(today.AddDays(-60)));
        calls.Update(new SafetyConcernDetails(ConcernType.RepeatedMessagesOrCalls, null, ConcernSeverity.Moderate, ConcernStatus.Resolved,
            today.AddDays(-60), null, "Ex-partner", "Concern description words", null, "Numbers blocked; the calls stopped."), by, today.AddDays(-30), At(today.AddDays(-30)));
        db.Add(calls);

        var sessions = 4 * scale;
        for (var i = 0; i < sessions; i++)
        {
            var start = At(today.AddDays(-85 + i * 80 / sessions), 14 + i % 4);
            var session = TherapySession.Schedule(client.Id, by, start, 50, SessionModality.InPerson, "Room 2", start.AddDays(-7));
            if (i % 4 == 2) session.MarkNoShow(start.AddHours(2));
            else if (i % 4 == 3) session.Cancel(start.AddDays(-1));
            else session.MarkCompleted(start.AddHours(2));
            db.Add(session);
            var note = CaseNote.CreateDraft(client.Id, by, NoteFormat.Soap, DateOnly.FromDateTime(start.UtcDateTime), new Dictionary<NoteField, string?>
            {
                [NoteField.Subjective] = NoteText, [NoteField.Objective] = "O", [NoteField.Assessment] = "A", [NoteField.Plan] = "P",
            }, today, DateTimeOffset.UtcNow);
            if (i % 2 == 0) note.Sign(by, DateTimeOffset.UtcNow);
            db.Add(note);
        }
        await db.SaveChangesAsync();
    }

    private static BoundaryDetails Plan(string person, ContactLevel level) => new(person, RelationshipType.PartnerOrEx, level, false, HowTold.NotTold,
        [new(BoundaryChannel.PhoneBlocked, ChannelStatus.Done)], [new("REASON-TEXT feels safer", true)], [], null, null, null, null, []);

    /// <summary>A check-in a day over the last <paramref name="days"/> days: urge easing, two setbacks, five contact attempts.</summary>
    public static List<ReportCheckIn> CheckIns(DateOnly today, int days = 90)
    {
        var list = new List<ReportCheckIn>();
        for (var i = days - 1; i >= 0; i--)
        {
            var day = today.AddDays(-i);
            var progress = (days - i) / (double)days;
            var attempts = i is 70 or 66 or 40 ? ["Text"] : i is 55 or 12 ? new[] { "Call" } : [];
            list.Add(new ReportCheckIn(day, (int)Math.Round(3 + 5 * progress), (int)Math.Round(8 - 6 * progress), i is 68 or 30, attempts));
        }
        return list;
    }

    public static IEnumerable<KeyValuePair<string, string>> Form(DateOnly from, DateOnly to, ReportAudience audience, string? summary = null,
        IEnumerable<ReportSections>? sections = null) =>
    [
        new("From", from.ToString("yyyy-MM-dd")), new("To", to.ToString("yyyy-MM-dd")), new("Audience", audience.ToString()),
        .. (sections ?? Enum.GetValues<ReportSections>().Where(s => s is not ReportSections.None and not ReportSections.All))
            .Select(s => new KeyValuePair<string, string>("Sections", s.ToString())),
        new("Summary", summary ?? ""),
    ];
}
