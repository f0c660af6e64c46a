using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.CaseNotes;

public sealed class CaseNoteTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static string Today => DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");

    private static IEnumerable<KeyValuePair<string, string>> Soap(string subjective = "Felt pulled to answer a call.") =>
        [new("Format", "Soap"), new("ServiceDate", Today), new("Subjective", subjective), new("Objective", "Calm, engaged."),
         new("Assessment", "Coping with urges."), new("Plan", "Keep the number blocked.")];

    [Fact]
    public async Task Opening_a_draft_to_edit_it_is_audited_as_a_read()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var notes = $"/clinician/clients/{client.Id}/notes";
        var notePath = (await session.PostFormAsync($"{notes}/new?format=Soap", $"{notes}/new", Soap())).Headers.Location!.OriginalString;
        var noteId = notePath.Split('/').Last();

        Assert.Contains("Felt pulled to answer a call.", await session.GetPageAsync($"{notePath}/edit"));

        Assert.Equal([AuditActions.Create, AuditActions.View],
            (await Arrange.AuditAsync(app, client.Id)).Where(a => a.RecordId == noteId).Select(a => a.Action));
    }

    [Fact]
    public async Task Draft_then_sign_then_locked_then_addendum_each_audited()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Nola Notes");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var notes = $"/clinician/clients/{client.Id}/notes";

        var created = await session.PostFormAsync($"{notes}/new?format=Soap", $"{notes}/new", Soap());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var notePath = created.Headers.Location!.OriginalString;
        var noteId = Guid.Parse(notePath.Split('/').Last());

        var signed = await session.PostFormAsync(notePath, $"{notePath}/sign", []);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Contains("Signed by", await session.GetPageAsync(notePath));

        // Locked: an edit is refused with a clear message and nothing changes.
        var before = await Arrange.FingerprintAsync(app);
        var edit = await session.PostFormAsync(notePath, $"{notePath}/edit", Soap("Rewriting history"));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("signed and locked", await session.GetPageAsync(notePath));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        // Signing twice is refused too.
        await session.PostFormAsync(notePath, $"{notePath}/sign", []);
        Assert.Contains("already signed", await session.GetPageAsync(notePath));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        var addendum = await session.PostFormAsync(notePath, $"{notePath}/addenda", [new("text", "Correction: the call was on Tuesday.")]);
        Assert.Equal(HttpStatusCode.Redirect, addendum.StatusCode);
        var page = await session.GetPageAsync(notePath);
        Assert.Contains("Correction: the call was on Tuesday.", page);
        Assert.Contains("Felt pulled to answer a call.", page);

        var actions = (await Arrange.AuditAsync(app, client.Id)).Where(a => a.RecordId == noteId.ToString()).Select(a => a.Action).ToList();
        Assert.Contains(AuditActions.Create, actions);
        Assert.Contains(AuditActions.Sign, actions);
        Assert.Contains(AuditActions.Addendum, actions);
        Assert.Contains(AuditActions.View, actions);
        Assert.DoesNotContain(AuditActions.Update, actions);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Felt pulled") || l.Contains("Correction: the call") || l.Contains("Nola Notes"));
    }

    [Fact]
    public async Task An_addendum_to_a_draft_is_refused_and_the_draft_stays_editable()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var draft = await Arrange.NoteAsync(app, client, signed: false);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var notePath = $"/clinician/clients/{client.Id}/notes/{draft.Id}";
        var before = await Arrange.FingerprintAsync(app);

        var refused = await session.PostFormAsync(notePath, $"{notePath}/addenda", [new("text", "Too early")]);

        // The page comes back with the reason, and no cookie carries the refused text.
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Addenda are for signed notes", page);
        var cookies = refused.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("clinicportal.flash=") && !c.StartsWith("clinicportal.flash=;")); // clearing it is fine
        Assert.DoesNotContain("Too early", await session.GetPageAsync(notePath));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        var edited = await session.PostFormAsync($"{notePath}/edit", $"{notePath}/edit", Soap("Revised wording"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Revised wording", await session.GetPageAsync(notePath));
    }

    [Theory]
    [InlineData("Dap", "Data", "Assessment", "Plan")]
    [InlineData("Birp", "Behavior", "Intervention", "Response")]
    [InlineData("FreeText", "Body", null, null)]
    public async Task Each_format_has_its_own_fields(string format, string first, string? second, string? third)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var notes = $"/clinician/clients/{client.Id}/notes";

        var form = await session.GetPageAsync($"{notes}/new?format={format}");
        foreach (var field in new[] { first, second, third }.OfType<string>()) Assert.Contains($"name=\"{field}\"", form);
        Assert.DoesNotContain("name=\"Subjective\"", form);

        var created = await session.PostFormAsync($"{notes}/new?format={format}", $"{notes}/new",
            [new("Format", format), new("ServiceDate", Today), new(first, $"{format} first field")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains($"{format} first field", await session.GetPageAsync(created.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task Bad_note_input_is_refused_and_nothing_is_saved()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var notes = $"/clinician/clients/{client.Id}/notes";
        var before = await Arrange.FingerprintAsync(app);

        var empty = await session.PostFormAsync($"{notes}/new", $"{notes}/new", [new("Format", "Soap"), new("ServiceDate", Today)]);
        var future = await session.PostFormAsync($"{notes}/new", $"{notes}/new", [new("Format", "Soap"), new("ServiceDate", "2999-01-01"), new("Subjective", "x")]);
        var huge = await session.PostFormAsync($"{notes}/new", $"{notes}/new", [new("Format", "Soap"), new("ServiceDate", Today), new("Subjective", new string('x', 9000))]);

        Assert.Contains("Write at least one section", await empty.Content.ReadAsStringAsync());
        Assert.Contains("cannot be in the future", await future.Content.ReadAsStringAsync());
        Assert.Contains("at most 8000 characters", await huge.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task Note_list_filters_and_searches_within_one_client_by_post()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var other = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        await Arrange.NoteAsync(app, client, signed: true, subjective: "Talked about the birthday card");
        await Arrange.NoteAsync(app, client, signed: false, subjective: "Discussed the weekend plan");
        await Arrange.NoteAsync(app, other, signed: true, subjective: "Another birthday mention");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var notes = $"/clinician/clients/{client.Id}/notes";

        var search = await session.PostFormAsync(notes, $"{notes}/search", [new("Text", "BIRTHDAY")]);
        var html = await search.Content.ReadAsStringAsync();
        Assert.Contains("Talked about the birthday card", html);
        Assert.DoesNotContain("weekend plan", html);
        Assert.DoesNotContain("Another birthday mention", html);

        var drafts = await session.GetPageAsync($"{notes}?Status=Draft");
        Assert.Contains("weekend plan", drafts);
        Assert.DoesNotContain("birthday card", drafts);

        var outOfRange = await session.GetPageAsync($"{notes}?From=2000-01-01&To=2000-12-31");
        Assert.Contains("No notes match", outOfRange);

        var wildcard = await session.PostFormAsync(notes, $"{notes}/search", [new("Text", "%")]);
        Assert.Contains("No notes match", await wildcard.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_notes_are_locked_in_the_database_too()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var note = await Arrange.NoteAsync(app, client, signed: true);
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);

        var e = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlInterpolatedAsync($"UPDATE case_notes SET subjective = 'tampered' WHERE id = {note.Id}"));

        Assert.Contains("locked", e.Message);
        Assert.Equal("Secret session words", (await db.CaseNotes.AsNoTracking().SingleAsync(n => n.Id == note.Id)).Subjective);
        Assert.Equal(NoteStatus.Signed, (await db.CaseNotes.AsNoTracking().SingleAsync(n => n.Id == note.Id)).Status);
    }
}
