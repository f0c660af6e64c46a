using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Safety;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.ClientCheckIns;

/// <summary>A check-in that names the person (with two boundaries), feelings and looking them up, on both sides.</summary>
public sealed class CheckInPeopleTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task With_one_boundary_the_check_in_asks_about_them_and_keeps_feelings_and_looking_up()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Una Single");
        await BoundaryArrange.BoundaryAsync(app, login.Client, BoundaryArrange.Plan("Ex-partner"));
        var session = await CheckInArrange.SignedInAsync(app, login);

        var form = await session.GetPageAsync("/client/check-ins/new");
        Assert.DoesNotContain("data-testid=\"check-in-person\"", form);
        Assert.Contains("Did you look them up or check their profiles?", form);
        Assert.DoesNotContain(await Arrange.AuditAsync(app, login.Client.Id), a => (a.Action, a.RecordType) == (AuditActions.View, AuditRecords.Boundary)); // names no one

        var fields = CheckInArrange.Form();
        fields.AddRange([new("LookedThemUp", "true"), new("Emotions", "Grief"), new("Emotions", "Relief")]);
        var saved = await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = Assert.Single(await CheckInArrange.CheckInsAsync(app, login.Client.Id));
        Assert.Equal((true, false), (stored.LookedThemUp, stored.BrokeContact));
        Assert.Equal([EmotionTag.Relief, EmotionTag.Grief], stored.Emotions);
        Assert.Empty(await PeopleAsync(login.Client.Id));

        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = await morgan.GetPageAsync($"/clinician/clients/{login.Client.Id}/check-ins");
        Assert.Contains("Relief, Grief", page);
        Assert.Contains("data-testid=\"tally-looked-up\">1 of 1", page);
    }

    [Fact]
    public async Task With_two_boundaries_each_person_is_asked_about_and_the_clinician_sees_who()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Tia Two");
        var mother = await BoundaryArrange.BoundaryAsync(app, login.Client, BoundaryArrange.Plan("Mother"));
        var aunt = await BoundaryArrange.BoundaryAsync(app, login.Client, BoundaryArrange.Plan("Aunt Ruth"));
        var session = await CheckInArrange.SignedInAsync(app, login);

        var form = await session.GetPageAsync("/client/check-ins/new");
        Assert.Contains("About Mother", form);
        Assert.Contains("Urge to contact Aunt Ruth (optional)", form);
        Assert.Contains("How strong is the pull to get in touch with any of them?", form);
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => (a.Action, a.RecordType) == (AuditActions.View, AuditRecords.Boundary)); // it names them

        var fields = new List<KeyValuePair<string, string>>
        {
            new("Mood", "4"), new("Urge", "6"), new("Channel", "Text"), new("Emotions", "Guilt"),
            new("People[0].BoundaryId", mother.Id.ToString()), new("People[0].Urge", "8"), new("People[0].ContactAttempted", "true"),
            new("People[1].BoundaryId", aunt.Id.ToString()), new("People[1].LookedUp", "true"),
        };
        var saved = await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = Assert.Single(await CheckInArrange.CheckInsAsync(app, login.Client.Id));
        Assert.Equal((true, false, true, ContactChannel.Text), (stored.ContactAttempted, stored.BrokeContact, stored.LookedThemUp, stored.Channel));
        var people = await PeopleAsync(login.Client.Id);
        Assert.Equal(2, people.Count);
        Assert.Contains(people, p => p.BoundaryId == mother.Id && p is { Urge: 8, ContactAttempted: true, LookedUp: false });
        Assert.Contains(people, p => p.BoundaryId == aunt.Id && p is { Urge: null, ContactAttempted: false, LookedUp: true });
        // A contact attempt by one person alerts the clinician as any contact attempt does.
        Assert.Contains(await ArrangeSafety.AlertsAsync(app, login.Client.Id), a => a.Kind == AlertKind.ContactAttemptReported);

        var mine = await session.GetPageAsync("/client/check-ins");
        Assert.Contains("urge 8 out of 10; they tried to reach you", mine);
        Assert.Contains("you looked them up", mine);

        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var page = await riley.GetPageAsync($"/clinician/clients/{login.Client.Id}/check-ins");
        Assert.Contains("Mother:</span> urge 8 out of 10; tried to reach the client", page);
        Assert.Contains("Aunt Ruth:</span> client looked them up", page);
        Assert.Contains("Contact attempts · Mother", page);
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.View, RecordType: AuditRecords.CheckIn } && a.UserId != login.UserId);
    }

    [Fact]
    public async Task An_edit_replaces_the_answers_per_person()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Eda Edit");
        var mother = await BoundaryArrange.BoundaryAsync(app, login.Client, BoundaryArrange.Plan("Mother"));
        var aunt = await BoundaryArrange.BoundaryAsync(app, login.Client, BoundaryArrange.Plan("Aunt Ruth"));
        var session = await CheckInArrange.SignedInAsync(app, login);
        await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new",
            [new("Mood", "4"), new("Urge", "6"), new("People[0].BoundaryId", mother.Id.ToString()), new("People[0].Urge", "8")]);
        var id = Assert.Single(await CheckInArrange.CheckInsAsync(app, login.Client.Id)).Id;

        var page = await session.GetPageAsync($"/client/check-ins/{id}");
        Assert.Contains("id=\"People_0_Urge_8\" value=\"8\" checked=\"checked\"", page);
        var changed = await session.PostFormAsync($"/client/check-ins/{id}", $"/client/check-ins/{id}",
            [new("Mood", "4"), new("Urge", "6"), new("People[0].BoundaryId", mother.Id.ToString()),
             new("People[1].BoundaryId", aunt.Id.ToString()), new("People[1].GotInTouch", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var person = Assert.Single(await PeopleAsync(login.Client.Id));
        Assert.Equal((aunt.Id, true), (person.BoundaryId, person.GotInTouch));
        Assert.True(Assert.Single(await CheckInArrange.CheckInsAsync(app, login.Client.Id)).BrokeContact);
    }

    [Fact]
    public async Task The_progress_page_shows_looking_up_feelings_and_attempts_per_person_week_by_week()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Pam Progress");
        var mother = await BoundaryArrange.BoundaryAsync(app, login.Client, BoundaryArrange.Plan("Mother"));
        var aunt = await BoundaryArrange.BoundaryAsync(app, login.Client, BoundaryArrange.Plan("Aunt Ruth"));
        var session = await CheckInArrange.SignedInAsync(app, login);
        foreach (var fields in new List<KeyValuePair<string, string>>[]
                 {
                     [new("Mood", "4"), new("Urge", "6"), new("Channel", "Text"), new("Emotions", "Guilt"), new("Emotions", "Grief"),
                      new("People[0].BoundaryId", mother.Id.ToString()), new("People[0].ContactAttempted", "true"),
                      new("People[1].BoundaryId", aunt.Id.ToString()), new("People[1].LookedUp", "true")],
                     [new("Mood", "5"), new("Urge", "3"), new("Channel", "Call"), new("Emotions", "Grief"),
                      new("People[0].BoundaryId", mother.Id.ToString()), new("People[0].ContactAttempted", "true"),
                      new("People[1].BoundaryId", aunt.Id.ToString()), new("People[1].ContactAttempted", "true")],
                 })
        {
            var saved = await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", fields);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var page = await riley.GetPageAsync($"/clinician/clients/{login.Client.Id}/progress");

        var weeks = page[page.IndexOf("data-testid=\"check-in-weeks\"", StringComparison.Ordinal)..];
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(weeks, "data-testid=\"check-in-week\""));
        Assert.Contains("<td data-testid=\"week-looked-up\">1</td>", weeks);
        Assert.Contains("<td data-testid=\"week-attempts\">Mother 2, Aunt Ruth 1</td>", weeks);
        Assert.Contains("<td data-testid=\"week-emotions\">Grief 2, Guilt 1</td>", weeks);
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.View, RecordType: AuditRecords.StageProgress });

        // Another clinician's client: not found.
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var theirs = await morgan.Http.GetAsync($"/clinician/clients/{login.Client.Id}/progress");
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "unknown feeling", "Emotions", "Jealousy", EmotionTags.UnknownMessage },
        { "feeling by number", "Emotions", "3", EmotionTags.UnknownMessage },
        { "person id unreadable", "People[0].BoundaryId", "not-a-guid", "An answer about one of the people could not be read. Reload the page and try again." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_saved(string _, string field, string value, string message)
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Bea Bad");
        var session = await CheckInArrange.SignedInAsync(app, login);
        var fields = CheckInArrange.Form();
        fields.Add(new(field, value));
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);

        var response = await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(message), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
    }

    [Fact]
    public async Task A_person_of_another_clients_plan_is_refused_with_a_message_and_nothing_is_saved()
    {
        var me = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Mo Mine");
        var mine = await BoundaryArrange.BoundaryAsync(app, me.Client, BoundaryArrange.Plan("Father"));
        await BoundaryArrange.BoundaryAsync(app, me.Client, BoundaryArrange.Plan("Stepmother"));
        var other = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Oz Other");
        var theirs = await BoundaryArrange.BoundaryAsync(app, other.Client, BoundaryArrange.Plan("Their brother"));
        var session = await CheckInArrange.SignedInAsync(app, me);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true);

        var response = await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new",
            [new("Mood", "4"), new("Urge", "6"), new("People[0].BoundaryId", mine.Id.ToString()), new("People[0].Urge", "2"),
             new("People[1].BoundaryId", theirs.Id.ToString()), new("People[1].LookedUp", "true")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(CheckIn.UnknownPersonMessage), html);
        Assert.DoesNotContain("Their brother", html);
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
    }

    [Fact]
    public async Task The_clinician_adds_the_clients_own_reason_to_a_boundary_as_a_revision()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Rae Reason");
        var boundary = await BoundaryArrange.BoundaryAsync(app, login.Client, BoundaryArrange.Plan("Ex-partner"));
        var session = await CheckInArrange.SignedInAsync(app, login);
        var fields = CheckInArrange.Form();
        fields.Add(new("OwnReason", "I stopped walking on eggshells"));
        await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", fields);
        var checkIn = Assert.Single(await CheckInArrange.CheckInsAsync(app, login.Client.Id));
        Assert.Equal("I stopped walking on eggshells", checkIn.OwnReason);

        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = $"/clinician/clients/{login.Client.Id}/check-ins";
        Assert.Contains("I stopped walking on eggshells", await morgan.GetPageAsync(page));

        // Another client's boundary id: a message, and nothing saved.
        var other = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Oli Other");
        var theirs = await BoundaryArrange.BoundaryAsync(app, other, BoundaryArrange.Plan("Their ex"));
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true);
        var refused = await morgan.PostFormAsync(page, $"{page}/{checkIn.Id}/add-reason", [new("boundaryId", theirs.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
        Assert.Contains(WebUtility.HtmlEncode(Web.Areas.Clinician.CheckIns.CheckInsController.UnknownBoundaryMessage), await morgan.GetPageAsync(page));
        Assert.Single(await BoundaryArrange.RevisionsAsync(app, theirs.Id));
        Assert.Single(await BoundaryArrange.RevisionsAsync(app, boundary.Id));

        var added = await morgan.PostFormAsync(page, $"{page}/{checkIn.Id}/add-reason", [new("boundaryId", boundary.Id.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var revisions = await BoundaryArrange.RevisionsAsync(app, boundary.Id);
        Assert.Equal(2, revisions.Count);
        await using (var scope = app.SystemScope())
        {
            var stored = await app.SystemDb(scope).Set<ClinicPortal.Core.BoundaryPlans.Boundary>().AsNoTracking().SingleAsync(b => b.Id == boundary.Id);
            Assert.Contains(new ClinicPortal.Core.BoundaryPlans.PlanItem("I stopped walking on eggshells", true), stored.Reasons);
        }
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.Update, RecordType: AuditRecords.Boundary } && a.RecordId == boundary.Id.ToString());
        Assert.Contains("I stopped walking on eggshells", await session.GetPageAsync("/client")); // the shared plan on the client's home
    }

    private async Task<List<CheckInPerson>> PeopleAsync(Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<CheckInPerson>().AsNoTracking().Where(p => p.ClientId == clientId).ToListAsync();
    }
}
