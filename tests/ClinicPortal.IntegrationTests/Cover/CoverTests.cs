using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Cover;
using ClinicPortal.Core.Safety;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Cover;

/// <summary>
/// Temporary cover through the pages: the clinician gives a colleague chosen clients for some days, the colleague works on
/// them (a note, an alert) as their own, the clinician sees who covered and what they read, and revoking ends it at once.
/// </summary>
public sealed class CoverTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private const string Page = "/clinician/cover";

    private static IEnumerable<KeyValuePair<string, string>> Fields(Guid covering, int from, int to, params Guid[] clients) =>
        [new("CoveringClinicianId", covering.ToString()), new("StartsOn", Arrange.ClinicDay(from)), new("EndsOn", Arrange.ClinicDay(to)),
         .. clients.Select(c => new KeyValuePair<string, string>("ClientIds", c.ToString()))];

    [Fact]
    public async Task A_covering_clinician_works_on_the_clients_given_and_the_clinician_sees_what_they_read_until_revoking_ends_it()
    {
        var covered = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Carla Cover");
        var notCovered = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Nico Notcovered");
        var alert = await ArrangeSafety.AlertAsync(app, covered, ConcernSeverity.Imminent);
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var give = await morgan.PostFormAsync(Page, Page, Fields(riley, 0, 2, covered.Id));
        Assert.Equal(HttpStatusCode.Redirect, give.StatusCode);
        var grant = Assert.Single(await GrantsAsync(covered.Id));
        Assert.Equal((riley, Arrange.ClinicToday(), Arrange.ClinicToday().AddDays(2)), (grant.CoveringClinicianId, grant.StartsOn, grant.EndsOn));
        Assert.Contains(await Arrange.AuditAsync(app, covered.Id), a => a.Action == AuditActions.Create && a.RecordType == AuditRecords.CoverGrant);

        // Riley finds the client under "Covering", opens the record, writes a note and acknowledges the alert.
        var rileySession = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var rileyPage = await rileySession.GetPageAsync(Page);
        Assert.Contains("Carla Cover", rileyPage);
        Assert.Contains("Dr. Morgan Example", rileyPage);
        Assert.DoesNotContain("Nico Notcovered", rileyPage);
        Assert.Contains("Carla Cover", await rileySession.GetPageAsync($"/clinician/clients/{covered.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await rileySession.Http.GetAsync($"/clinician/clients/{notCovered.Id}")).StatusCode);
        var noteForm = await rileySession.PostFormAsync($"/clinician/clients/{covered.Id}/notes/new", $"/clinician/clients/{covered.Id}/notes/new",
            [new("Format", "FreeText"), new("ServiceDate", Arrange.ClinicDay(0)), new("Body", "Called during cover")]);
        Assert.Equal(HttpStatusCode.Redirect, noteForm.StatusCode);
        var note = Assert.Single(await NotesAsync(covered.Id));
        Assert.Equal(riley, note.AuthorId);
        Assert.Contains("Carla Cover", await rileySession.GetPageAsync("/clinician/alerts"));
        var ack = await rileySession.PostFormAsync("/clinician/alerts", $"/clinician/alerts/{alert.Id}/acknowledge", [new("Response", "CalledClient")]);
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        Assert.Equal(riley, Assert.Single(await ArrangeSafety.AlertsAsync(app, covered.Id)).AcknowledgedById);

        // Morgan sees who covers, and each of Riley's reads and changes, as verbs and kinds of record.
        var morganPage = await morgan.GetPageAsync(Page);
        Assert.Contains("Riley Sample", morganPage);
        Assert.Contains("Running", morganPage);
        Assert.Contains("view client", morganPage);
        Assert.Contains("create case-note", morganPage);
        Assert.Contains("acknowledge clinician-alert", morganPage);

        // Revoked: Riley reaches nothing any more, and the page says so.
        var revoke = await morgan.PostFormAsync(Page, $"{Page}/{grant.Id}/revoke", []);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.NotNull(Assert.Single(await GrantsAsync(covered.Id)).RevokedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await rileySession.Http.GetAsync($"/clinician/clients/{covered.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rileySession.Http.GetAsync($"/clinician/clients/{covered.Id}/notes/{note.Id}")).StatusCode);
        Assert.DoesNotContain("Carla Cover", await rileySession.GetPageAsync(Page));
        Assert.Contains("Revoked", await morgan.GetPageAsync(Page));
        Assert.Contains(await Arrange.AuditAsync(app, covered.Id), a => a.Action == AuditActions.Revoke && a.UserId == grant.GrantorClinicianId);

        // Revoking again, or a cover that is not one's own to revoke: refused, nothing changes.
        var twice = await morgan.PostFormAsync(Page, $"{Page}/{grant.Id}/revoke", []);
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Contains("already ended", await morgan.GetPageAsync(Page));
        Assert.Equal(HttpStatusCode.NotFound, (await rileySession.PostFormAsync(Page, $"{Page}/{grant.Id}/revoke", [])).StatusCode);
    }

    public static TheoryData<string, string> BadCovers => new()
    {
        { "end before start", "on or after its first day" },
        { "oneself", "cannot cover their own" },
        { "not a clinician", "active clinician" },
        { "no clinician", "Choose the clinician" },
        { "another clinician's client", "caseload" },
        { "no client", "at least one client" },
        { "no dates", "first and the last day" },
        { "past", "already passed" },
        { "overlapping", "already covers" },
        { "unreadable date", "first day of the cover as a date" },
    };

    [Theory]
    [MemberData(nameof(BadCovers))]
    public async Task A_refused_cover_says_why_and_saves_nothing(string bad, string reason)
    {
        var mine = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Bea Badcover");
        var rileys = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Rory Rileys");
        var (morganId, riley, admin) = (await Arrange.UserIdAsync(app, Arrange.MorganEmail), await Arrange.UserIdAsync(app, Arrange.RileyEmail),
            await Arrange.UserIdAsync(app, DemoLogins.AdminEmail));
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        if (bad == "overlapping") Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(Page, Page, Fields(riley, 1, 3, mine.Id))).StatusCode);
        IEnumerable<KeyValuePair<string, string>> fields = bad switch
        {
            "end before start" => Fields(riley, 3, 2, mine.Id),
            "oneself" => Fields(morganId, 0, 2, mine.Id),
            "not a clinician" => Fields(admin, 0, 2, mine.Id),
            "no clinician" => Fields(Guid.Empty, 0, 2, mine.Id).Where(f => f.Key != "CoveringClinicianId"),
            "another clinician's client" => Fields(riley, 0, 2, mine.Id, rileys.Id),
            "no client" => Fields(riley, 0, 2),
            "no dates" => Fields(riley, 0, 2, mine.Id).Where(f => f.Key is not ("StartsOn" or "EndsOn")),
            "past" => Fields(riley, -5, -1, mine.Id),
            "overlapping" => Fields(riley, 3, 4, mine.Id),
            _ => Fields(riley, 0, 2, mine.Id).Select(f => f.Key == "StartsOn" ? new KeyValuePair<string, string>("StartsOn", "soon") : f),
        };
        var before = await Arrange.FingerprintAsync(app);

        var response = await session.PostFormAsync(Page, Page, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(reason), body);
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        if (bad == "unreadable date") Assert.Equal("Enter the first day of the cover as a date.", BindingMessageAttribute.Of<Web.Features.Cover.CoverForm>("StartsOn"));
    }

    [Fact]
    public async Task The_same_cover_posted_several_times_at_once_is_given_once_and_the_others_say_it_exists()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Dot Doubleclick");
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var token = await session.TokenFromAsync(Page);

        var posts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => session.Http.PostAsync(Page,
            new FormUrlEncodedContent(Fields(riley, 0, 2, client.Id).Append(new("__RequestVerificationToken", token))))));

        Assert.Single(posts, p => p.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in posts.Where(p => p.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("already covers", await refused.Content.ReadAsStringAsync());
        }
        Assert.Single(await GrantsAsync(client.Id));
    }

    [Fact]
    public async Task The_cover_pages_are_audited_and_only_the_grantor_sees_a_cover_of_their_clients()
    {
        var client = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Ulla Unseen");
        await ArrangeCover.GrantAsync(app, client, await Arrange.UserIdAsync(app, Arrange.MorganEmail), DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var admin = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);
        var morganId = await Arrange.UserIdAsync(app, Arrange.MorganEmail);

        var page = await morgan.GetPageAsync(Page); // Morgan covers Ulla: listed under Covering, not under "Cover for my clients"
        Assert.Contains("Ulla Unseen", page);
        Assert.DoesNotContain("Ulla Unseen", page[page.IndexOf("Cover for my clients", StringComparison.Ordinal)..]);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.GetAsync(Page)).StatusCode); // clinicians only
        await using var scope = app.SystemScope();
        Assert.True(await app.SystemDb(scope).AuditEntries.AnyAsync(a => a.UserId == morganId && a.RecordType == AuditRecords.CoverGrant && a.Action == AuditActions.View));
    }

    [Fact]
    public async Task An_administrator_gives_cover_of_a_clinicians_clients_and_revokes_it()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Ada Absentee");
        var rileys = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Rex Rileys");
        var (morganId, riley, adminId) = (await Arrange.UserIdAsync(app, Arrange.MorganEmail), await Arrange.UserIdAsync(app, Arrange.RileyEmail),
            await Arrange.UserIdAsync(app, DemoLogins.AdminEmail));
        var admin = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);
        var form = $"/admin/cover?clinicianId={morganId}";
        var formPage = await admin.GetPageAsync(form);
        Assert.Contains("Ada Absentee", formPage);
        Assert.DoesNotContain("Rex Rileys", formPage);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/admin/cover?clinicianId={Guid.NewGuid()}")).StatusCode);

        // A client of another clinician's caseload: refused, nothing saved.
        var before = await Arrange.FingerprintAsync(app);
        var refused = await admin.PostFormAsync(form, $"/admin/cover/{morganId}", Fields(riley, 0, 1, client.Id, rileys.Id));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("caseload", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(form, $"/admin/cover/{morganId}", Fields(riley, 0, 1, client.Id))).StatusCode);
        var grant = Assert.Single(await GrantsAsync(client.Id));
        Assert.Equal((morganId, riley, adminId), (grant.GrantorClinicianId, grant.CoveringClinicianId, grant.GrantedById));
        var list = await admin.GetPageAsync("/admin/cover");
        Assert.Contains("Ada Absentee", list);
        Assert.Contains("Riley Sample", list);
        var rileySession = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        Assert.Equal(HttpStatusCode.OK, (await rileySession.Http.GetAsync($"/clinician/clients/{client.Id}/safety")).StatusCode);
        var adminReads = await admin.Http.GetAsync($"/clinician/clients/{client.Id}"); // giving cover does not open the record to the administrator
        Assert.StartsWith("/account/access-denied", adminReads.Headers.Location?.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/cover", $"/admin/cover/grants/{grant.Id}/revoke", [])).StatusCode);
        Assert.Equal(adminId, Assert.Single(await GrantsAsync(client.Id)).RevokedById);
        Assert.Equal(HttpStatusCode.NotFound, (await rileySession.Http.GetAsync($"/clinician/clients/{client.Id}/safety")).StatusCode);
        Assert.DoesNotContain("Ada Absentee", await admin.GetPageAsync("/admin/cover"));
    }

    private async Task<List<CoverGrant>> GrantsAsync(Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).CoverGrants.Where(g => g.ClientId == clientId).ToListAsync();
    }

    private async Task<List<CaseNote>> NotesAsync(Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).CaseNotes.Where(n => n.ClientId == clientId).ToListAsync();
    }
}
