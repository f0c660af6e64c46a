using System.Net;
using ClinicPortal.Core.HardDates;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Measures;
using ClinicPortal.IntegrationTests.Messages;
using ClinicPortal.IntegrationTests.Reconnecting;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.IntegrationTests.Security;
using ClinicPortal.IntegrationTests.TreatmentPlans;
using ClinicPortal.Testing;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Auditing;

/// <summary>
/// Every read of clinical data is audited: walks the clinical routes of the authorization matrix (as the client's own
/// clinician) and of the client area (as the client), and fails when a page shows the client's record without an audit
/// row written by that request. The POSTs are walked with an empty form, so the pages shown again after a refused save
/// are held to the same rule.
/// </summary>
public sealed class AuditGuardTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    /// <summary>In every arranged record (and the client's name): a page showing it shows the client's record.</summary>
    private const string Marker = "Auditmark";
    private const string ClientName = "Ulla Auditmark";

    /// <summary>Client-area GETs that write no audit row, each because it shows nothing of the client's record.</summary>
    private static readonly Dictionary<string, string> ClientPagesWithoutRecord = new()
    {
        ["client/check-ins/new"] = "a blank check-in form with one person or none: the self-care items to tick, nothing the client has recorded (with several people it names them, and is audited as a view of the plan: CheckInPeopleTests)",
        ["client/debrief"] = "with no ended trial waiting, a line saying so (a debrief that is due is audited as a view of its plan)",
        ["client/journal"] = "the client's private journal entries written on their own: a private record no audit row may name (PrivateJournalTests)",
    };

    /// <summary>POSTs not walked with an empty form, and why.</summary>
    private static readonly Dictionary<string, string> PostsNotWalked = new()
    {
        ["client/sign-out-everywhere"] = "ends the session the walk runs in; it shows no page",
        ["client/unsafe"] = "raises an alert; the page it shows is the GET's, walked above",
    };

    [Fact]
    public async Task Every_clinical_page_the_clinician_opens_writes_an_audit_row()
    {
        var record = await ArrangeRecordAsync();
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var clinicianId = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var failures = new List<string>();

        foreach (var (method, template, path, _) in AuthorizationMatrixTests.Routes(record.Client, Guid.Empty, Guid.Empty, Guid.Empty))
        {
            if (method != "GET") continue;
            var url = Fill(template, record) + Query(path);
            var (status, body, rows, ofRecords) = await RequestAsync(clinicianId, record.Client, () => session.Http.GetAsync(url));
            if (status != HttpStatusCode.OK) failures.Add($"GET {template}: {status}, expected the page");
            else if (rows == 0) failures.Add($"GET {template}: shown without an audit row");
            else if (ShowsMoreThanTheHeader(template, body, ofRecords)) failures.Add($"GET {template}: shows records with only the header's view of the client");
            if (template.EndsWith("/ics")) continue; // a calendar file: the session's time, audited as an export
            if (template.EndsWith("incidents/files/{}")) continue; // an attachment's bytes, audited as a view of the attachment
            if (!body.Contains(ClientName)) failures.Add($"GET {template}: the walk expected the client's page, and it did not name the client");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_clinical_page_shown_again_after_a_refused_post_writes_an_audit_row()
    {
        var record = await ArrangeRecordAsync();
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var clinicianId = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var token = await session.TokenFromAsync("/clinician");
        var failures = new List<string>();

        foreach (var (method, template, path, _) in AuthorizationMatrixTests.Routes(record.Client, Guid.Empty, Guid.Empty, Guid.Empty))
        {
            if (method != "POST") continue;
            var url = Fill(template, record) + Query(path);
            var (_, body, rows, ofRecords) = await RequestAsync(clinicianId, record.Client,
                () => session.Http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)])));
            if (ShowsRecord(body, includeName: true) && rows == 0) failures.Add($"POST {template}: the page shown again has no audit row");
            else if (ShowsMoreThanTheHeader(template, body, ofRecords)) failures.Add($"POST {template}: the page shown again shows records with only the header's view of the client");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_page_of_the_clients_own_record_writes_an_audit_row()
    {
        var record = await ArrangeRecordAsync();
        var session = await CheckInArrange.SignedInAsync(app, record.Login);
        var token = await session.TokenFromAsync("/client");
        var failures = new List<string>();

        foreach (var (method, template, path, _) in ClientAreaAccessTests.Routes(record.CheckIn))
        {
            if (PostsNotWalked.ContainsKey(template) && method == "POST") continue;
            var url = template.Contains("{}") ? path.Replace(record.CheckIn.ToString(), IdFor(template, record).ToString()) : path;
            var (status, body, rows, _) = await RequestAsync(record.Login.UserId, record.Client, () => method == "GET"
                ? session.Http.GetAsync(url)
                : session.Http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)])));
            if (method == "GET" && status != HttpStatusCode.OK) failures.Add($"GET {template}: {status}, expected the page");
            if (rows > 0) continue;
            if (ShowsRecord(body, includeName: false)) failures.Add($"{method} {template}: shows the client's record without an audit row");
            else if (method == "GET" && !ClientPagesWithoutRecord.ContainsKey(template))
                failures.Add($"GET {template}: no audit row; list it in {nameof(ClientPagesWithoutRecord)} with the reason if it shows no record");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The client's record as each page needs it, every piece carrying the marker.</summary>
    private async Task<ArrangedRecord> ArrangeRecordAsync()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, ClientName);
        var client = login.Client;
        var note = await Arrange.NoteAsync(app, client, signed: false, subjective: $"{Marker} session words");
        var therapy = await Arrange.SessionAsync(app, client, DateTimeOffset.UtcNow.AddDays(3));
        var concern = await ArrangeSafety.ConcernAsync(app, client, description: $"{Marker} safety words");
        var boundary = await BoundaryArrange.BoundaryAsync(app, client, BoundaryArrange.Plan($"{Marker} ex-partner") with { DoorOpen = true });
        var person = await BoundaryArrange.PersonAsync(app, client, $"{Marker} friend", SupportRole.Supportive, shared: true);
        var (trial, reflection) = await ReconnectingArrange.TrialAndReflectionAsync(app, client.Id, boundary.Id, person.Id, Marker);
        var checkIn = await CheckInArrange.CheckInAsync(app, client.Id, DateTimeOffset.UtcNow.AddHours(-1), journal: $"{Marker} journal", share: true);
        await MessagesArrange.MessageAsync(app, client.Id, fromClient: true, DateTimeOffset.UtcNow.AddHours(-2), body: $"{Marker} message");
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            var (plan, revision) = SafetyPlan.Create(client.Id, new Dictionary<SafetyPlanStep, string?> { [SafetyPlanStep.WarningSigns] = $"{Marker} warning signs" }, [],
                shared: true, client.PrimaryClinicianId, DateTimeOffset.UtcNow);
            db.AddRange(plan, revision);
            db.Add(HardDate.Add(client.Id, HardDateKind.Other, $"{Marker} day", Arrange.ClinicToday().AddDays(2), false, client.PrimaryClinicianId, false,
                Arrange.ClinicToday(), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var task = await TreatmentPlanArrange.SignedPlanAndTaskAsync(app, client, Marker);
        var (measure, schedule) = await MeasuresArrange.SentWithNoteAsync(app, client, $"{Marker} measure note");
        // Two fresh entries, so each side's correction page opens for its author.
        var incident = await Incidents.IncidentArrange.WriteAsync(app, client.Id, client.PrimaryClinicianId, by: Core.Incidents.IncidentAuthor.Clinician,
            details: Incidents.IncidentArrange.Details($"{Marker} incident words"));
        var clientIncident = await Incidents.IncidentArrange.WriteAsync(app, client.Id, login.UserId, details: Incidents.IncidentArrange.Details($"{Marker} note words"));
        var order = await ProtectiveOrders.OrderArrange.OrderAsync(app, client, boundary, ProtectiveOrders.OrderArrange.Details() with { Notes = $"{Marker} order notes" });
        var attachment = await Incidents.AttachmentArrange.AddAsync(app, clientIncident, login.UserId, Incidents.AttachmentFiles.Png());
        return new ArrangedRecord(login, client.Id, note.Id, therapy.Id, concern.Id, boundary.Id, person.Id, checkIn.Id, task, trial, reflection, measure, schedule)
            { Incident = incident.Id, ClientIncident = clientIncident.Id, Order = order.Id, Attachment = attachment.Id };
    }

    private sealed record ArrangedRecord(ClientLogin Login, Guid Client, Guid Note, Guid Session, Guid Concern, Guid Boundary, Guid Person, Guid CheckIn,
        Guid Task, Guid Trial, Guid Reflection, Guid Measure, Guid MeasureSchedule)
    {
        public Guid Incident { get; init; }
        public Guid ClientIncident { get; init; }
        public Guid Order { get; init; }
        public Guid Attachment { get; init; }
    }

    /// <summary>A route template's ids, each named by the segment before it.</summary>
    private static string Fill(string template, ArrangedRecord r)
    {
        var segments = template.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i] != "{}") continue;
            segments[i] = (segments[i - 1] switch
            {
                "clients" => r.Client, "notes" => r.Note, "sessions" => r.Session, "concerns" => r.Concern,
                "boundaries" => r.Boundary, "support" => r.Person, "requests" => Guid.NewGuid(), "tasks" => r.Task, "trial" => r.Trial,
                "reflections" => r.Reflection, "hard-dates" => Guid.NewGuid(), "check-ins" => r.CheckIn,
                "measures" => r.Measure, "schedules" => r.MeasureSchedule, "incidents" => r.Incident, "files" => r.Attachment,
                "orders" => r.Order,
                var other => throw new InvalidOperationException($"No arranged id for '{other}/{{}}' in {template}: add one."),
            }).ToString();
        }
        return "/" + string.Join('/', segments);
    }

    private static Guid IdFor(string template, ArrangedRecord r) =>
        template.StartsWith("client/appointments") ? r.Session : template.StartsWith("client/tasks") ? r.Task
            : template.StartsWith("client/measures") ? r.Measure : template.StartsWith("client/log/files") ? r.Attachment
            : template.StartsWith("client/log") ? r.ClientIncident : r.CheckIn;

    private static string Query(string path) => path.Contains('?') ? path[path.IndexOf('?')..] : "";

    /// <summary>Whether a page shows the arranged record; in the client's own area their name (in the header) does not count.</summary>
    private static bool ShowsRecord(string body, bool includeName) =>
        (includeName ? body : body.Replace(ClientName, "")).Contains(Marker, StringComparison.Ordinal);

    /// <summary>
    /// A clinician's page showing the record's content (beyond the client's name in the header) needs a row about that content,
    /// not only the view of the client that <c>ClientRecordController</c> records for a page without one. The overview is the
    /// client record itself, audited as such.
    /// </summary>
    private static bool ShowsMoreThanTheHeader(string template, string body, long ofRecords) =>
        template != "clinician/clients/{}" && ShowsRecord(body, includeName: false) && ofRecords == 0;

    /// <summary>
    /// Runs one request; returns its status, its body, the audit rows it wrote (by this user, about this client) and how many of
    /// them are about something other than the client as a whole (the header).
    /// </summary>
    private async Task<(HttpStatusCode Status, string Body, long Rows, long OfRecords)> RequestAsync(Guid userId, Guid clientId, Func<Task<HttpResponseMessage>> send)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var last = await ScalarAsync(connection, "SELECT coalesce(max(id), 0) FROM audit_entries", 0, userId, clientId);
        var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        const string Written = "FROM audit_entries WHERE id > @last AND user_id = @user AND client_id = @client";
        var rows = await ScalarAsync(connection, $"SELECT count(*) {Written}", last, userId, clientId);
        var ofRecords = await ScalarAsync(connection, $"SELECT count(*) {Written} AND NOT (action = 'view' AND record_type = 'client')", last, userId, clientId);
        return (response.StatusCode, body, rows, ofRecords);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, long last, Guid userId, Guid clientId)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("last", last);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("client", clientId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
