using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Progress;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Security;

/// <summary>
/// Walks every clinical route as everyone who must not reach it. The route list is checked against
/// the app's real endpoints, so a new clinical route without a row here fails the test.
/// </summary>
public sealed partial class AuthorizationMatrixTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static readonly IEnumerable<KeyValuePair<string, string>> NoteFields =
        [new("Format", "Soap"), new("ServiceDate", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), new("Subjective", "INJECTED"),
         new("Objective", "o"), new("Assessment", "a"), new("Plan", "p")];

    private static readonly IEnumerable<KeyValuePair<string, string>> ClientFields =
        [new("FullName", "INJECTED"), new("TimeZoneId", "UTC"), new("IntakeDate", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"))];

    private static readonly IEnumerable<KeyValuePair<string, string>> AssessmentFields =
        [new("AssessedOn", DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd")), new("StageId", BuiltInStageModels.Journey.Stages[1].Id.ToString()),
         new("Evidence", "INJECTED")];

    private static readonly IEnumerable<KeyValuePair<string, string>> SessionFields =
        [new("Date", DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd")), new("Time", "11:00"), new("DurationMinutes", "50"), new("Modality", "Video")];

    private static readonly IEnumerable<KeyValuePair<string, string>> BoundaryFields =
        [new("PersonName", "INJECTED"), new("Relationship", "PartnerOrEx"), new("ContactLevel", "NoContact"), new("Reasons[0].Text", "INJECTED")];

    private static IEnumerable<KeyValuePair<string, string>> TrialFields(Guid standby) =>
        [new("Channel", "PhoneCall"), new("Frequency", "INJECTED"), new("FirstMeetingPlace", "INJECTED"), new("FirstMeetingMinutes", "30"),
         new("StandbyPersonId", standby.ToString()), new("ExitCriteria[0]", "INJECTED")];

    private static readonly IEnumerable<KeyValuePair<string, string>> SupportFields =
        [new("Name", "INJECTED"), new("Type", "Friend"), new("Role", "Supportive")];


    private static readonly IEnumerable<KeyValuePair<string, string>> ReportFields =
        [new("From", DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd")), new("To", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), new("Audience", "Provider"),
         new("Sections", "SafetyConcerns"), new("Sections", "Attendance"), new("Summary", "INJECTED")];

    private static readonly IEnumerable<KeyValuePair<string, string>> ContactSafetyFields =
        [new("SafeChannels", "Email"), new("MayBeMonitored", "false"), new("NeverContact", "INJECTED"), new("Note", "INJECTED")];

    private static readonly IEnumerable<KeyValuePair<string, string>> ConcernFields =
        [new("Type", "Threats"), new("Severity", "Imminent"), new("Status", "Open"), new("FirstNoticed", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")),
         new("Description", "INJECTED")];

    /// <summary>(method, route template, concrete path, form fields) for client c, note n, session s and safety concern k.</summary>
    internal static IEnumerable<(string Method, string Template, string Path, IEnumerable<KeyValuePair<string, string>> Form)> Routes(Guid c, Guid n, Guid s, Guid k) =>
    [
        ("GET", "clinician/clients/{}", $"/clinician/clients/{c}", []),
        ("GET", "clinician/clients/{}/edit", $"/clinician/clients/{c}/edit", []),
        ("POST", "clinician/clients/{}/edit", $"/clinician/clients/{c}/edit", ClientFields),
        ("POST", "clinician/clients/{}/status", $"/clinician/clients/{c}/status", [new("status", "Discharged")]),
        ("POST", "clinician/clients/{}/invite", $"/clinician/clients/{c}/invite", []),
        ("POST", "clinician/clients/{}/invite/code", $"/clinician/clients/{c}/invite/code", []),
        ("POST", "clinician/clients/{}/sign-in/reissue", $"/clinician/clients/{c}/sign-in/reissue", [new("method", "InPersonCode")]),
        ("GET", "clinician/clients/{}/notes", $"/clinician/clients/{c}/notes", []),
        ("POST", "clinician/clients/{}/notes/search", $"/clinician/clients/{c}/notes/search", [new("Text", "Secret")]),
        ("GET", "clinician/clients/{}/notes/new", $"/clinician/clients/{c}/notes/new", []),
        ("POST", "clinician/clients/{}/notes/new", $"/clinician/clients/{c}/notes/new", NoteFields),
        ("GET", "clinician/clients/{}/notes/{}", $"/clinician/clients/{c}/notes/{n}", []),
        ("GET", "clinician/clients/{}/notes/{}/edit", $"/clinician/clients/{c}/notes/{n}/edit", []),
        ("POST", "clinician/clients/{}/notes/{}/edit", $"/clinician/clients/{c}/notes/{n}/edit", NoteFields),
        ("POST", "clinician/clients/{}/notes/{}/sign", $"/clinician/clients/{c}/notes/{n}/sign", []),
        ("POST", "clinician/clients/{}/notes/{}/addenda", $"/clinician/clients/{c}/notes/{n}/addenda", [new("text", "INJECTED")]),
        ("GET", "clinician/clients/{}/sessions", $"/clinician/clients/{c}/sessions", []),
        ("POST", "clinician/clients/{}/sessions", $"/clinician/clients/{c}/sessions", SessionFields),
        ("GET", "clinician/clients/{}/sessions/{}/edit", $"/clinician/clients/{c}/sessions/{s}/edit", []),
        ("POST", "clinician/clients/{}/sessions/{}/edit", $"/clinician/clients/{c}/sessions/{s}/edit", SessionFields),
        ("POST", "clinician/clients/{}/sessions/{}/status", $"/clinician/clients/{c}/sessions/{s}/status", [new("status", "Cancelled")]),
        ("GET", "clinician/clients/{}/sessions/{}/ics", $"/clinician/clients/{c}/sessions/{s}/ics", []),
        ("POST", "clinician/clients/{}/sessions/prompt", $"/clinician/clients/{c}/sessions/prompt", [new("enabled", "true"), new("day", "Monday"), new("time", "09:00")]),
        ("GET", "clinician/clients/{}/contact-safety", $"/clinician/clients/{c}/contact-safety", []),
        ("POST", "clinician/clients/{}/contact-safety", $"/clinician/clients/{c}/contact-safety", ContactSafetyFields),
        ("GET", "clinician/clients/{}/progress", $"/clinician/clients/{c}/progress", []),
        ("POST", "clinician/clients/{}/progress/assessments", $"/clinician/clients/{c}/progress/assessments", AssessmentFields),
        ("POST", "clinician/clients/{}/progress/model", $"/clinician/clients/{c}/progress/model", [new("modelId", BuiltInStageModels.GriefId.ToString())]),
        // Boundary plans and support network: real child ids are walked in BoundaryAccessTests; here any id stands in.
        ("GET", "clinician/clients/{}/boundaries", $"/clinician/clients/{c}/boundaries", []),
        ("GET", "clinician/clients/{}/boundaries/new", $"/clinician/clients/{c}/boundaries/new", []),
        ("POST", "clinician/clients/{}/boundaries/new", $"/clinician/clients/{c}/boundaries/new", BoundaryFields),
        ("GET", "clinician/clients/{}/boundaries/{}", $"/clinician/clients/{c}/boundaries/{n}", []),
        ("GET", "clinician/clients/{}/boundaries/{}/edit", $"/clinician/clients/{c}/boundaries/{n}/edit", []),
        ("POST", "clinician/clients/{}/boundaries/{}/edit", $"/clinician/clients/{c}/boundaries/{n}/edit", BoundaryFields),
        ("GET", "clinician/clients/{}/boundaries/{}/history", $"/clinician/clients/{c}/boundaries/{n}/history", []),
        ("GET", "clinician/clients/{}/boundaries/{}/compare", $"/clinician/clients/{c}/boundaries/{n}/compare?from=1&to=1", []),
        ("GET", "clinician/clients/{}/boundaries/{}/trial/new", $"/clinician/clients/{c}/boundaries/{n}/trial/new", []),
        ("POST", "clinician/clients/{}/boundaries/{}/trial/new", $"/clinician/clients/{c}/boundaries/{n}/trial/new", TrialFields(n)),
        ("GET", "clinician/clients/{}/boundaries/{}/trial/{}/edit", $"/clinician/clients/{c}/boundaries/{n}/trial/{s}/edit", []),
        ("POST", "clinician/clients/{}/boundaries/{}/trial/{}/edit", $"/clinician/clients/{c}/boundaries/{n}/trial/{s}/edit", TrialFields(n)),
        ("GET", "clinician/clients/{}/boundaries/{}/trial/{}/end", $"/clinician/clients/{c}/boundaries/{n}/trial/{s}/end", []),
        ("POST", "clinician/clients/{}/boundaries/{}/trial/{}/end", $"/clinician/clients/{c}/boundaries/{n}/trial/{s}/end", [new("Criterion", "0"), new("OtherReason", "INJECTED")]),
        ("POST", "clinician/clients/{}/boundaries/{}/reflections/{}/reviewed", $"/clinician/clients/{c}/boundaries/{n}/reflections/{k}/reviewed", []),
        ("GET", "clinician/clients/{}/support", $"/clinician/clients/{c}/support", []),
        ("GET", "clinician/clients/{}/support/new", $"/clinician/clients/{c}/support/new", []),
        ("POST", "clinician/clients/{}/support/new", $"/clinician/clients/{c}/support/new", SupportFields),
        ("GET", "clinician/clients/{}/support/{}/edit", $"/clinician/clients/{c}/support/{n}/edit", []),
        ("POST", "clinician/clients/{}/support/{}/edit", $"/clinician/clients/{c}/support/{n}/edit", SupportFields),
        ("GET", "clinician/clients/{}/safety", $"/clinician/clients/{c}/safety", []),
        ("GET", "clinician/clients/{}/safety/concerns/new", $"/clinician/clients/{c}/safety/concerns/new", []),
        ("POST", "clinician/clients/{}/safety/concerns/new", $"/clinician/clients/{c}/safety/concerns/new", ConcernFields),
        ("GET", "clinician/clients/{}/safety/concerns/{}", $"/clinician/clients/{c}/safety/concerns/{k}", []),
        ("GET", "clinician/clients/{}/safety/concerns/{}/edit", $"/clinician/clients/{c}/safety/concerns/{k}/edit", []),
        ("POST", "clinician/clients/{}/safety/concerns/{}/edit", $"/clinician/clients/{c}/safety/concerns/{k}/edit", ConcernFields),
        ("POST", "clinician/clients/{}/safety/concerns/{}/actions", $"/clinician/clients/{c}/safety/concerns/{k}/actions", [new("Kind", "PoliceReport"), new("TakenOn", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"))]),
        ("GET", "clinician/clients/{}/safety/plan", $"/clinician/clients/{c}/safety/plan", []),
        ("POST", "clinician/clients/{}/safety/plan", $"/clinician/clients/{c}/safety/plan", [new("WarningSigns", "INJECTED"), new("SharedWithClient", "true")]),
        ("GET", "clinician/clients/{}/check-ins", $"/clinician/clients/{c}/check-ins", []),
        ("POST", "clinician/clients/{}/check-ins/self-care", $"/clinician/clients/{c}/check-ins/self-care", [new("items", "INJECTED")]),
        ("POST", "clinician/clients/{}/check-ins/{}/add-reason", $"/clinician/clients/{c}/check-ins/{n}/add-reason", [new("boundaryId", n.ToString())]),
        ("GET", "clinician/clients/{}/hard-dates", $"/clinician/clients/{c}/hard-dates", []),
        ("POST", "clinician/clients/{}/hard-dates", $"/clinician/clients/{c}/hard-dates", [new("Kind", "Birthday"), new("Date", "2030-01-01"), new("Label", "INJECTED"), new("Yearly", "true")]),
        // Any id stands in for the hard date (real ones are removed in HardDateTests).
        ("POST", "clinician/clients/{}/hard-dates/{}/remove", $"/clinician/clients/{c}/hard-dates/{n}/remove", []),
        ("GET", "clinician/clients/{}/reports", $"/clinician/clients/{c}/reports", []),
        ("POST", "clinician/clients/{}/reports", $"/clinician/clients/{c}/reports", ReportFields),
        ("POST", "clinician/clients/{}/reports/pdf", $"/clinician/clients/{c}/reports/pdf", ReportFields),
        ("GET", "clinician/clients/{}/messages", $"/clinician/clients/{c}/messages", []),
        ("POST", "clinician/clients/{}/messages", $"/clinician/clients/{c}/messages", [new("body", "INJECTED")]),
        // Appointment requests: any id stands in for the request (real ones are walked in AppointmentRequestTests).
        ("GET", "clinician/clients/{}/requests", $"/clinician/clients/{c}/requests", []),
        ("POST", "clinician/clients/{}/requests/{}/approve", $"/clinician/clients/{c}/requests/{n}/approve", []),
        ("POST", "clinician/clients/{}/requests/{}/decline", $"/clinician/clients/{c}/requests/{n}/decline", [new("reason", "INJECTED")]),
        .. TreatmentPlanRoutes(c, n),
        .. IncidentRoutes(c, n),
        .. ProtectiveOrderRoutes(c, n),
        .. IncidentLinkRoutes(c, n, k),
        .. IncidentFileRoutes(c, n),
        // Questionnaires: any id stands in for the response and the schedule (real ones are walked in MeasurePagesTests).
        ("GET", "clinician/clients/{}/measures", $"/clinician/clients/{c}/measures", []),
        ("POST", "clinician/clients/{}/measures/give", $"/clinician/clients/{c}/measures/give", [new("InstrumentCode", "PHQ-9"), new("InSession", "false")]),
        ("POST", "clinician/clients/{}/measures/schedules", $"/clinician/clients/{c}/measures/schedules", [new("InstrumentCode", "GAD-7"), new("Kind", "EveryWeeks"), new("Every", "2")]),
        ("POST", "clinician/clients/{}/measures/schedules/{}/stop", $"/clinician/clients/{c}/measures/schedules/{n}/stop", []),
        ("GET", "clinician/clients/{}/measures/{}", $"/clinician/clients/{c}/measures/{n}", []),
        ("POST", "clinician/clients/{}/measures/{}", $"/clinician/clients/{c}/measures/{n}", [new("Answers[8]", "3")]),
        ("POST", "clinician/clients/{}/measures/{}/notes", $"/clinician/clients/{c}/measures/{n}/notes", [new("Text", "INJECTED")]),
    ];

    [Fact]
    public void The_matrix_covers_every_clinical_route_of_the_app()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("clinician/clients/{") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} {Placeholder().Replace(e.RoutePattern.RawText!, "{}")}"))
            .Order().ToList();
        var covered = Routes(Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty).Select(r => $"{r.Method} {r.Template}").Order().ToList();

        Assert.NotEmpty(endpoints);
        Assert.Equal(endpoints, covered);
    }

    public static TheoryData<string> Intruders => new() { "other-clinician", "admin", "client", "anonymous" };

    [Theory]
    [MemberData(nameof(Intruders))]
    public async Task Nobody_but_the_assigned_clinician_reaches_a_clients_records(string intruder)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Zed Protected", "zed@example.org");
        var note = await Arrange.NoteAsync(app, client, signed: false, subjective: "Secret session words");
        var therapy = await Arrange.SessionAsync(app, client, DateTimeOffset.UtcNow.AddDays(3));
        var concern = await ArrangeSafety.ConcernAsync(app, client, description: "Secret safety words");
        var (session, tokenPage) = intruder switch
        {
            "other-clinician" => (await Arrange.SignedInAsync(app, Arrange.RileyEmail), "/clinician"),
            "admin" => (await Arrange.SignedInAsync(app, DemoLogins.AdminEmail), "/admin"),
            "client" => (await Arrange.SignedInAsync(app, DemoLogins.QuinnEmail), "/client"),
            _ => (new BrowserSession(app.CreateBrowserLikeClient()), "/account/sign-in"),
        };
        var token = await session.TokenFromAsync(tokenPage);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);

        foreach (var (method, _, path, form) in Routes(client.Id, note.Id, therapy.Id, concern.Id))
        {
            var response = await SendAsync(session, token, method, path, form);
            var body = await response.Content.ReadAsStringAsync();

            switch (intruder)
            {
                case "other-clinician":
                    Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} gave {response.StatusCode}");
                    break;
                case "anonymous":
                    Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                    Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
                    break;
                default:
                    Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                    Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
                    break;
            }
            Assert.DoesNotContain("Zed Protected", body);
            Assert.DoesNotContain("Secret session words", body);
            Assert.DoesNotContain("Confidential concern", body);
            Assert.DoesNotContain("Secret safety words", body);
        }

        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
    }

    [Fact]
    public async Task A_note_id_from_another_client_is_not_found_even_under_the_clinicians_own_client()
    {
        var mine = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var theirs = await Arrange.ClientAsync(app, Arrange.RileyEmail);
        var theirNote = await Arrange.NoteAsync(app, theirs, signed: true, subjective: "Riley's client's words");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app);

        var view = await session.Http.GetAsync($"/clinician/clients/{mine.Id}/notes/{theirNote.Id}");
        var add = await session.PostFormAsync("/clinician", $"/clinician/clients/{mine.Id}/notes/{theirNote.Id}/addenda", [new("text", "INJECTED")]);

        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.DoesNotContain("Riley's client's words", await view.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task A_malformed_id_is_not_found()
    {
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Http.GetAsync("/clinician/clients/not-a-guid")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Http.GetAsync($"/clinician/clients/{Guid.NewGuid()}")).StatusCode);
    }

    /// <summary>One row of the matrix as the browser sends it: a GET, or the form posted with the session's token.</summary>
    private static Task<HttpResponseMessage> SendAsync(BrowserSession session, string token, string method, string path, IEnumerable<KeyValuePair<string, string>> form) =>
        method == "GET" ? session.Http.GetAsync(path) : session.Http.PostAsync(path, new FormUrlEncodedContent(form.Append(new("__RequestVerificationToken", token))));

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}
