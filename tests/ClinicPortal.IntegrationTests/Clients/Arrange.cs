using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Clients;

/// <summary>Builds test data straight in the database (system scope), and reads it back for assertions.</summary>
internal static class Arrange
{
    public const string MorganEmail = DemoLogins.MorganEmail;
    public const string RileyEmail = DemoLogins.RileyEmail;

    /// <summary>Every arranged client's date of birth (an emailed invitation asks for it), as the form field.</summary>
    public const string BornOn = "1990-05-01";

    /// <summary>
    /// A day relative to the clinic's today (its time zone, as the app's rules count days), as a form field.
    /// Not the UTC date: between midnight UTC and midnight in the clinic the two differ by a day.
    /// </summary>
    public static string ClinicDay(int offset) => ClinicToday().AddDays(offset).ToString("yyyy-MM-dd");

    /// <summary>"Today" as the demo clinic sees it: forms refuse dates after the clinic's today, which in the evening there is already tomorrow in UTC.</summary>
    public static DateOnly ClinicToday() =>
        ClinicTime.DayOf(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(new ClinicSettings().TimeZoneId));

    public static async Task<Guid> UserIdAsync(ClinicAppFactory app, string email)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public static async Task<Client> ClientAsync(ClinicAppFactory app, string clinicianEmail, string name = "Test Client", string? email = null)
    {
        var clinicianId = await UserIdAsync(app, clinicianEmail);
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var client = Client.Create(new ClientDetails(name, null, null, DateOnly.Parse(BornOn), email, null, "America/Chicago", today.AddDays(-30), "Confidential concern text"),
            clinicianId, today, DateTimeOffset.UtcNow);
        db.Clients.Add(client);
        await db.SaveChangesAsync();
        return client;
    }

    public static async Task<CaseNote> NoteAsync(ClinicAppFactory app, Client client, bool signed, string subjective = "Secret session words")
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var note = CaseNote.CreateDraft(client.Id, client.PrimaryClinicianId, NoteFormat.Soap, today.AddDays(-1), new Dictionary<NoteField, string?>
        {
            [NoteField.Subjective] = subjective, [NoteField.Objective] = "O", [NoteField.Assessment] = "A", [NoteField.Plan] = "P",
        }, today, DateTimeOffset.UtcNow);
        if (signed) note.Sign(client.PrimaryClinicianId, DateTimeOffset.UtcNow);
        db.CaseNotes.Add(note);
        await db.SaveChangesAsync();
        return note;
    }

    public static async Task<TherapySession> SessionAsync(ClinicAppFactory app, Client client, DateTimeOffset startsAt, int minutes = 50)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var session = TherapySession.Schedule(client.Id, client.PrimaryClinicianId, startsAt, minutes, SessionModality.Video, null, DateTimeOffset.UtcNow);
        db.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    public static async Task<BrowserSession> SignedInAsync(ClinicAppFactory app, string email, string? password = null)
    {
        var session = new BrowserSession(app.CreateBrowserLikeClient());
        var password1 = password ?? (email.StartsWith("admin") ? DemoLogins.AdminPassword
            : email is MorganEmail or RileyEmail ? DemoLogins.ClinicianPassword : DemoLogins.ClientPassword);
        var response = await session.SignInAsync(email, password1);
        Xunit.Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>Row counts of every table a clinical request could touch, for "nothing changed" checks.</summary>
    /// <param name="exceptViews">Leave the audit log's views out: a refused form shown again (or the page a form is on) is a read, and audited.</param>
    public static async Task<string> FingerprintAsync(ClinicAppFactory app, bool includeAudit = false, bool exceptViews = false)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var sql = """
            SELECT (SELECT count(*) FROM clients) || '/' || (SELECT coalesce(max(updated_at)::text, '') FROM clients) || '/' ||
                   (SELECT count(*) FROM case_notes) || '/' || (SELECT coalesce(max(updated_at)::text, '') FROM case_notes) || '/' ||
                   (SELECT count(*) FROM case_note_addenda) || '/' || (SELECT count(*) FROM one_time_tokens) || '/' ||
                   (SELECT count(*) FILTER (WHERE revoked_at IS NOT NULL) FROM one_time_tokens) || '/' ||
                   (SELECT coalesce(string_agg(primary_clinician_id::text || status, ',' ORDER BY id), '') FROM clients) || '/' ||
                   (SELECT count(*) FROM sessions) || '/' || (SELECT coalesce(max(updated_at)::text, '') FROM sessions) || '/' ||
                   (SELECT count(*) FROM outbox_messages) || '/' || (SELECT count(*) FILTER (WHERE status = 4) FROM outbox_messages) || '/' ||
                   (SELECT count(*) FROM check_in_prompt_settings) || '/' ||
                   (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM boundaries) || '/' ||
                   (SELECT count(*) FROM boundary_revisions) || '/' ||
                   (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM support_people) || '/' ||
                   (SELECT count(*) FROM safety_concerns) || '/' || (SELECT coalesce(max(updated_at)::text, '') FROM safety_concerns) || '/' ||
                   (SELECT count(*) FROM safety_concern_actions) || '/' || (SELECT count(*) FROM safety_concern_changes) || '/' ||
                   (SELECT count(*) FROM clinician_alerts) || '/' || (SELECT count(*) FILTER (WHERE acknowledged_at IS NOT NULL) FROM clinician_alerts) || '/' ||
                   (SELECT count(*) FROM safety_plans) || '/' || (SELECT coalesce(max(updated_at)::text, '') FROM safety_plans) || '/' ||
                   (SELECT count(*) FROM crisis_resources) || '/' || (SELECT coalesce(max(updated_at)::text, '') FROM crisis_resources) || '/' ||
                   (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM check_ins) || '/' ||
                   (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM private_journal_entries) || '/' ||
                   (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM self_care_checklists) || '/' ||
                   (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM contact_safety_profiles) || '/' ||
                   (SELECT count(*) || ':' || coalesce(max(read_at)::text, '') FROM secure_messages) || '/' ||
                   (SELECT count(*) || ':' || coalesce(max(decided_at)::text, '') FROM appointment_requests) || '/' ||
                   (SELECT count(*) || ':' || count(revoked_at) FROM cover_grants) || '/' ||
                   (SELECT count(*) || ':' || coalesce(max(corrected_at)::text, '') || ':' || count(*) FILTER (WHERE is_private) FROM incident_entries) || '/' ||
                   (SELECT count(*) FROM incident_addenda)
            """ + (includeAudit ? " || '/' || (SELECT count(*) FROM audit_entries" + (exceptViews ? " WHERE action <> 'view'" : "") + ")" : "");
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<(string Action, string RecordType, string? RecordId, Guid? UserId)>> AuditAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return (await app.SystemDb(scope).AuditEntries.Where(a => a.ClientId == clientId).OrderBy(a => a.Id).ToListAsync())
            .Select(a => (a.Action, a.RecordType, a.RecordId, a.UserId)).ToList();
    }
}
