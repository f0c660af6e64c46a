using System.Net;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Progress;
using ClinicPortal.Core.Sessions;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Progress;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Sessions;

/// <summary>
/// "Write note" and "Assess stage" on a session: the note and the assessment are linked to it, the session shows its
/// note, the note list filters by session, and a session id from another record is refused with nothing saved.
/// </summary>
public sealed class NotesFromSessionsTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static IEnumerable<KeyValuePair<string, string>> Note(DateOnly day, Guid? sessionId, string subjective) =>
        [new("Format", "Soap"), new("ServiceDate", day.ToString("yyyy-MM-dd")), new("SessionId", sessionId?.ToString() ?? ""),
         new("Subjective", subjective)];

    [Fact]
    public async Task A_note_written_from_a_session_is_linked_to_it_and_the_session_and_the_list_show_it()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Sol Session");
        var session = await Arrange.SessionAsync(app, client, DateTimeOffset.UtcNow.AddDays(-2));
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var record = $"/clinician/clients/{client.Id}";

        var sessions = await clinician.GetPageAsync($"{record}/sessions");
        Assert.Contains($"{record}/notes/new?sessionId={session.Id}", sessions);
        var form = await clinician.GetPageAsync($"{record}/notes/new?sessionId={session.Id}");
        Assert.Contains("data-testid=\"note-session\"", form);
        Assert.Contains($"value=\"{session.Id}\"", form);

        var today = await ProgressArrange.TodayAsync(app);
        var created = await clinician.PostFormAsync($"{record}/notes", $"{record}/notes/new", Note(today.AddDays(-2), session.Id, "Talked through the week"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await clinician.PostFormAsync($"{record}/notes", $"{record}/notes/new", Note(today, null, "A note of its own"));

        var note = await NoteAsync(client.Id, "Talked through the week");
        Assert.Equal(session.Id, note.SessionId);
        Assert.Null((await NoteAsync(client.Id, "A note of its own")).SessionId);
        Assert.Contains("From the session of", await clinician.GetPageAsync($"{record}/notes/{note.Id}"));

        var after = await clinician.GetPageAsync($"{record}/sessions");
        Assert.Contains($"href=\"{record}/notes/{note.Id}\"", after);
        Assert.Contains("data-testid=\"session-note\"", after);
        Assert.DoesNotContain($"notes/new?sessionId={session.Id}", after);

        var filtered = await clinician.GetPageAsync($"{record}/notes?Session={session.Id}");
        Assert.Contains("Talked through the week", filtered);
        Assert.DoesNotContain("A note of its own", filtered);
        Assert.Contains("data-testid=\"notes-of-session\"", filtered);
    }

    [Fact]
    public async Task A_session_id_from_another_record_is_refused_and_nothing_is_saved()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Tam Tampered");
        var other = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Oli Other");
        var theirs = await Arrange.SessionAsync(app, other, DateTimeOffset.UtcNow.AddDays(-1));
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var record = $"/clinician/clients/{client.Id}";
        var today = await ProgressArrange.TodayAsync(app);
        var journey = BuiltInStageModels.Journey;
        var before = await Arrange.FingerprintAsync(app);
        var counts = await ProgressArrange.CountsAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await clinician.Http.GetAsync($"{record}/notes/new?sessionId={theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.Http.GetAsync($"{record}/progress?sessionId={theirs.Id}")).StatusCode);
        var note = await clinician.PostFormAsync($"{record}/notes", $"{record}/notes/new", Note(today, theirs.Id, "Tampered words"));
        var assessment = await clinician.PostFormAsync($"{record}/progress", $"{record}/progress/assessments",
            ProgressArrange.Assessment(today, journey.Stages[1].Id).Append(new("SessionId", Guid.NewGuid().ToString())));

        foreach (var response in new[] { note, assessment })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(WebUtility.HtmlEncode(SessionLink.Message), await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        Assert.Equal(counts, await ProgressArrange.CountsAsync(app));
    }

    [Fact]
    public async Task A_stage_assessment_is_linked_to_its_session_directly_or_through_the_note_written_from_it()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Ada Assessed");
        var session = await Arrange.SessionAsync(app, client, DateTimeOffset.UtcNow.AddDays(-3));
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var record = $"/clinician/clients/{client.Id}";
        var today = await ProgressArrange.TodayAsync(app);
        var stage = BuiltInStageModels.Journey.Stages[1].Id;

        Assert.Contains("data-testid=\"assessment-session\"", await clinician.GetPageAsync($"{record}/progress?sessionId={session.Id}"));
        var direct = await clinician.PostFormAsync($"{record}/progress", $"{record}/progress/assessments",
            ProgressArrange.Assessment(today, stage, "Direct link").Append(new("SessionId", session.Id.ToString())));
        await clinician.PostFormAsync($"{record}/notes", $"{record}/notes/new", Note(today, session.Id, "Noted in the session"));
        var noteId = (await NoteAsync(client.Id, "Noted in the session")).Id;
        var throughNote = await clinician.PostFormAsync($"{record}/progress", $"{record}/progress/assessments",
            ProgressArrange.Assessment(today, stage, "Through the note", noteId));

        Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, throughNote.StatusCode);
        await using var scope = app.SystemScope();
        var stored = await app.SystemDb(scope).Set<StageAssessment>().Where(a => a.ClientId == client.Id).ToListAsync();
        Assert.Equal(session.Id, stored.Single(a => a.Evidence == "Direct link").SessionId);
        Assert.Equal((session.Id, (Guid?)noteId), (stored.Single(a => a.Evidence == "Through the note").SessionId, stored.Single(a => a.Evidence == "Through the note").NoteId));
    }

    private async Task<CaseNote> NoteAsync(Guid clientId, string subjective)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).CaseNotes.AsNoTracking().SingleAsync(n => n.ClientId == clientId && n.Subjective == subjective);
    }
}
