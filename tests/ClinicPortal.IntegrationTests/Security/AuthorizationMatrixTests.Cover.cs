using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Cover;
using ClinicPortal.IntegrationTests.Safety;

namespace ClinicPortal.IntegrationTests.Security;

/// <summary>Cover access over the same routes: a running cover opens the client's record; an expired, revoked, future or absent one does not.</summary>
public sealed partial class AuthorizationMatrixTests
{
    // Routes whose stand-in child id (boundaries, support people, requests, questionnaires) is no real record of the client: 404 for anyone.
    private static bool HasStandInId(string template) =>
        template.Contains("boundaries/{}") || template.Contains("support/{}") || template.Contains("requests/{}") || template.Contains("tasks/{}")
            || template.Contains("hard-dates/{}") || template.Contains("check-ins/{}") || template.Contains("measures/{}")
            || template.Contains("orders/{}") || template.Contains("incidents/{}") || template.Contains("incidents/files/{}");

    [Fact]
    public async Task A_running_cover_opens_every_page_of_the_clients_record_to_the_covering_clinician_and_audits_each_read()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Cora Covered", "cora@example.org");
        var note = await Arrange.NoteAsync(app, client, signed: false, subjective: "Covered session words");
        var therapy = await Arrange.SessionAsync(app, client, DateTimeOffset.UtcNow.AddDays(3));
        var concern = await ArrangeSafety.ConcernAsync(app, client, description: "Covered safety words");
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);
        await ArrangeCover.GrantAsync(app, client, riley, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(2));
        var session = await Arrange.SignedInAsync(app, Arrange.RileyEmail);

        var gets = Routes(client.Id, note.Id, therapy.Id, concern.Id).Where(r => r.Method == "GET" && !HasStandInId(r.Template)).ToList();
        foreach (var (_, _, path, _) in gets)
        {
            var response = await session.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} gave {response.StatusCode}");
        }

        Assert.Contains("Covered session words", await session.GetPageAsync($"/clinician/clients/{client.Id}/notes/{note.Id}"));
        var audit = await Arrange.AuditAsync(app, client.Id);
        Assert.Contains(audit, a => a.UserId == riley && a.Action == AuditActions.View && a.RecordType == AuditRecords.CaseNote && a.RecordId == note.Id.ToString());
        Assert.Contains(audit, a => a.UserId == riley && a.Action == AuditActions.View && a.RecordType == AuditRecords.Client);
    }

    public static TheoryData<string> EndedCovers => new() { "expired", "revoked", "not started", "never granted", "another client's" };

    [Theory]
    [MemberData(nameof(EndedCovers))]
    public async Task A_cover_that_is_not_running_opens_nothing(string cover)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Zed Uncovered", "zed.uncovered@example.org");
        var note = await Arrange.NoteAsync(app, client, signed: false, subjective: "Secret session words");
        var therapy = await Arrange.SessionAsync(app, client, DateTimeOffset.UtcNow.AddDays(3));
        var concern = await ArrangeSafety.ConcernAsync(app, client, description: "Secret safety words");
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);
        var now = DateTimeOffset.UtcNow;
        switch (cover)
        {
            case "expired": await ArrangeCover.GrantAsync(app, client, riley, now.AddDays(-3), now.AddMinutes(-1)); break;
            case "revoked": await ArrangeCover.GrantAsync(app, client, riley, now.AddHours(-2), now.AddDays(2), revokedAt: now.AddMinutes(-1)); break;
            case "not started": await ArrangeCover.GrantAsync(app, client, riley, now.AddMinutes(5), now.AddDays(2)); break;
            case "another client's":
                await ArrangeCover.GrantAsync(app, await Arrange.ClientAsync(app, Arrange.MorganEmail), riley, now.AddHours(-1), now.AddDays(2)); break;
        }
        var session = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var token = await session.TokenFromAsync("/clinician");
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);

        foreach (var (method, _, path, form) in Routes(client.Id, note.Id, therapy.Id, concern.Id))
        {
            var response = await SendAsync(session, token, method, path, form);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} gave {response.StatusCode}");
            Assert.DoesNotContain("Zed Uncovered", body);
            Assert.DoesNotContain("Secret session words", body);
        }
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
        Assert.DoesNotContain("Zed Uncovered", await session.GetPageAsync("/clinician/cover"));
        Assert.DoesNotContain("Zed Uncovered", await session.GetPageAsync("/clinician/alerts"));
    }
}
