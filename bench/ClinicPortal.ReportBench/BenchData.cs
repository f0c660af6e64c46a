using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Progress;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.ReportBench;

/// <summary>A client three years into care: 150 signed notes and sessions, 40 stage assessments, boundaries, network, concerns.</summary>
internal static class BenchData
{
    public const int Notes = 150, Assessments = 40;

    public static async Task<Client> CreateAsync(ClinicAppFactory app, DateOnly today, DateOnly from)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var clinicianId = await db.Users.Where(u => u.Email == "morgan.example@demo.clinicportal.test").Select(u => u.Id).SingleAsync();
        var client = Client.Create(new ClientDetails("Bench Longterm", "Ben", "he/him", new DateOnly(1985, 3, 3), null, null, "America/Chicago",
            from.AddDays(-10), "Long-term client for the report benchmark."), clinicianId, today, DateTimeOffset.UtcNow);
        db.Clients.Add(client);
        var span = today.DayNumber - from.DayNumber;
        DateTimeOffset At(DateOnly day, int hour = 15) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

        for (var i = 0; i < Notes; i++)
        {
            var day = from.AddDays(3 + i * (span - 6) / Notes);
            var session = TherapySession.Schedule(client.Id, clinicianId, At(day), 50, i % 3 == 0 ? SessionModality.Video : SessionModality.InPerson,
                "Room 2", At(day).AddDays(-7));
            if (i % 17 == 5) session.MarkNoShow(At(day).AddHours(2));
            else if (i % 11 == 4) session.Cancel(At(day).AddDays(-1));
            else session.MarkCompleted(At(day).AddHours(2));
            db.Add(session);
            var note = CaseNote.CreateDraft(client.Id, clinicianId, NoteFormat.Dap, day, new Dictionary<NoteField, string?>
            {
                [NoteField.Data] = $"Session {i + 1}: reviewed the week, urges and the plan.", [NoteField.Assessment] = "Steady.", [NoteField.Plan] = "Continue.",
            }, today, DateTimeOffset.UtcNow);
            note.Sign(clinicianId, DateTimeOffset.UtcNow);
            db.Add(note);
        }

        var journey = BuiltInStageModels.Journey;
        string[] walk = ["Considering", "Preparing", "Early no contact", "Fallout", "Early no contact", "Fallout", "Healing", "Fallout", "Healing", "Thriving"];
        for (var i = 0; i < Assessments; i++)
        {
            var index = i * walk.Length / Assessments;
            if (i % 5 == 4 && index > 0) index--; // now and then a step back, as in real care
            var stage = journey.Stages.Single(s => s.Name == walk[index]);
            db.Add(StageAssessment.Record(client, journey, stage.Id, from.AddDays(5 + i * (span - 10) / Assessments),
                $"Assessment {i + 1}: observed in session; the client describes how the week went and what helped.", null, null, clinicianId, today, DateTimeOffset.UtcNow));
        }

        foreach (var (person, relationship, levels) in new[]
                 {
                     ("The ex-partner", RelationshipType.PartnerOrEx, new[] { ContactLevel.LowContact, ContactLevel.NoContact, ContactLevel.NoContact, ContactLevel.NoContact }),
                     ("Mother", RelationshipType.Parent, new[] { ContactLevel.LowContact, ContactLevel.StructuredContact, ContactLevel.NoContact, ContactLevel.LowContact }),
                     ("Former friend group", RelationshipType.Group, new[] { ContactLevel.NoContact, ContactLevel.NoContact }),
                 })
        {
            BoundaryDetails Plan(ContactLevel level) => new(person, relationship, level, level == ContactLevel.LowContact, HowTold.Letter,
                [new(BoundaryChannel.PhoneBlocked, ChannelStatus.Done)], [new($"Reason {levels.Length}", true)], [], null, null, null, null, []);
            var (boundary, first) = Boundary.Create(client.Id, Plan(levels[0]), clinicianId, At(from.AddDays(2)));
            db.AddRange(boundary, first);
            for (var i = 1; i < levels.Length; i++)
                if (boundary.Revise(Plan(levels[i]) with { Exceptions = $"Revision {i}" }, clinicianId, At(from.AddDays(i * span / levels.Length))) is { } revision)
                    db.Add(revision);
        }

        for (var i = 0; i < 8; i++)
            db.Add(SupportPerson.Create(client.Id, new SupportPersonDetails($"Person {i + 1}", "friend", SupportType.Friend,
                i < 5 ? SupportRole.Supportive : i < 7 ? SupportRole.MutualNeutral : SupportRole.Risk, i < 2, "+1 555 0100", null, null, null, false), At(from)));

        for (var i = 0; i < 10; i++)
        {
            var noticed = from.AddDays(20 + i * (span - 40) / 10);
            var concern = SafetyConcern.Record(client.Id, new SafetyConcernDetails(ConcernType.RepeatedMessagesOrCalls, null, (ConcernSeverity)(i % 4),
                ConcernStatus.Open, noticed, null, "Ex-partner", "Calls from new numbers.", null, null), clinicianId, noticed, At(noticed));
            if (i < 8)
                concern.Update(new SafetyConcernDetails(ConcernType.RepeatedMessagesOrCalls, null, (ConcernSeverity)(i % 4), ConcernStatus.Resolved, noticed,
                    null, "Ex-partner", "Calls from new numbers.", null, "Numbers blocked; calls stopped."), clinicianId, noticed.AddDays(20), At(noticed.AddDays(20)));
            db.Add(concern);
        }
        await db.SaveChangesAsync();
        return client;
    }
}
