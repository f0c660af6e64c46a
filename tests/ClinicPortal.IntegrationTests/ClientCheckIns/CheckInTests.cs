using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Safety;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.ClientCheckIns;

public sealed class CheckInTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task A_client_checks_in_and_sees_it_on_their_home_page()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var session = await CheckInArrange.SignedInAsync(app, login);
        var form = await session.GetPageAsync("/client/check-ins/new");
        Assert.Contains(SelfCareChecklist.DefaultItems[0], form);

        var saved = await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new",
            CheckInArrange.Form(mood: "2", urge: "9", sleep: "1", setback: "true", selfCare: [SelfCareChecklist.DefaultItems[0], SelfCareChecklist.DefaultItems[3]]));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/client", saved.Headers.Location!.OriginalString);
        var stored = Assert.Single(await CheckInArrange.CheckInsAsync(app, login.Client.Id));
        Assert.Equal((2, 9, SleepQuality.VeryBadly, true, false), (stored.Mood, stored.Urge, stored.Sleep, stored.BrokeContact, stored.ContactAttempted));
        Assert.Equal([SelfCareChecklist.DefaultItems[0], SelfCareChecklist.DefaultItems[3]], stored.SelfCare);
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id),
            a => a is { Action: AuditActions.Create, RecordType: AuditRecords.CheckIn } && a.RecordId == stored.Id.ToString() && a.UserId == login.UserId);
        var home = await session.GetPageAsync("/client");
        Assert.Contains("Thank you for checking in.", home);
        Assert.Contains("Feeling 2/10 · pull to get in touch 9/10", home);
        Assert.Contains($"href=\"/client/check-ins/{stored.Id}\"", home);
        Assert.Empty(await ArrangeSafety.AlertsAsync(app, login.Client.Id)); // no contact attempt: no alert
    }

    [Fact]
    public async Task A_contact_attempt_alerts_the_clinician_without_an_email()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail);
        var session = await CheckInArrange.SignedInAsync(app, login);
        var mailBefore = ArrangeSafety.Mail(app).Count;

        await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new",
            CheckInArrange.Form(attempted: "true", channel: "ThroughSomeoneElse", note: "Aunt passed on a message"));

        var stored = Assert.Single(await CheckInArrange.CheckInsAsync(app, login.Client.Id));
        Assert.Equal((true, ContactChannel.ThroughSomeoneElse, "Aunt passed on a message"), (stored.ContactAttempted, stored.Channel, stored.ContactNote));
        var alert = Assert.Single(await ArrangeSafety.AlertsAsync(app, login.Client.Id));
        Assert.Equal((AlertKind.ContactAttemptReported, ConcernSeverity.Moderate), (alert.Kind, alert.Severity));
        Assert.Empty(await ArrangeSafety.AlertMailRowsAsync(app, login.Client.Id)); // nothing queued: no mail can follow
        Assert.Equal(mailBefore, ArrangeSafety.Mail(app).Count);
        Assert.Contains("Your clinician will see that they tried to reach you.", await session.GetPageAsync("/client"));

        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var alerts = await riley.GetPageAsync("/clinician/alerts");
        Assert.Contains("Client reported a contact attempt", alerts);
        Assert.Contains($"/clinician/clients/{login.Client.Id}/check-ins", alerts);
        Assert.DoesNotContain("Aunt passed on a message", alerts); // alerts name the kind, never the content
    }

    [Fact]
    public async Task A_check_in_can_be_changed_within_24_hours_and_each_change_is_audited()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var session = await CheckInArrange.SignedInAsync(app, login);
        await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", CheckInArrange.Form(mood: "3", urge: "7"));
        var id = Assert.Single(await CheckInArrange.CheckInsAsync(app, login.Client.Id)).Id;

        var page = await session.GetPageAsync($"/client/check-ins/{id}");
        Assert.Contains("data-testid=\"editable-until\"", page);
        Assert.Contains("id=\"Mood_3\" value=\"3\" checked=\"checked\"", page);
        var changed = await session.PostFormAsync($"/client/check-ins/{id}", $"/client/check-ins/{id}",
            CheckInArrange.Form(mood: "5", urge: "6", attempted: "true", channel: "Email"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var stored = Assert.Single(await CheckInArrange.CheckInsAsync(app, login.Client.Id));
        Assert.Equal((5, 6, ContactChannel.Email), (stored.Mood, stored.Urge, stored.Channel));
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.Update, RecordType: AuditRecords.CheckIn });
        Assert.Single(await ArrangeSafety.AlertsAsync(app, login.Client.Id)); // the newly reported attempt
    }

    [Fact]
    public async Task After_24_hours_a_check_in_is_read_only_and_a_change_is_refused_with_a_message()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var checkIn = await CheckInArrange.CheckInAsync(app, login.Client.Id, DateTimeOffset.UtcNow.AddHours(-25), mood: 4);
        var session = await CheckInArrange.SignedInAsync(app, login);

        var page = await session.GetPageAsync($"/client/check-ins/{checkIn.Id}");
        Assert.Contains("data-testid=\"read-only\"", page);
        Assert.DoesNotContain("data-testid=\"check-in-form\"", page);
        Assert.DoesNotContain("data-testid=\"change-check-in\"", page);

        var before = await Arrange.FingerprintAsync(app);
        var refused = await session.PostFormAsync("/client/check-ins/new", $"/client/check-ins/{checkIn.Id}", CheckInArrange.Form(mood: "9"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Check-ins can be changed for 24 hours after they are saved", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        Assert.Equal(4, Assert.Single(await CheckInArrange.CheckInsAsync(app, login.Client.Id)).Mood);
    }

    public static TheoryData<string, string[], string> BadInput => new()
    {
        { "mood above 10", ["Mood", "11"], "must be from 0 to 10" },
        { "urge below 0", ["Urge", "-1"], "must be from 0 to 10" },
        { "mood not a number", ["Mood", "lots"], "Choose a number from 0 to 10 for your mood." },
        { "no mood", ["Mood", ""], "Choose a number from 0 to 10 for your mood." },
        { "sleep off the scale", ["Sleep", "9"], "Choose how you slept from the list." },
        { "channel not in the list", ["ContactAttempted", "true", "Channel", "Telepathy"], "Choose how they tried to reach you from the list." },
        { "channel as a number", ["ContactAttempted", "true", "Channel", "3"], "Choose how they tried to reach you from the list." },
        { "attempt without a channel", ["ContactAttempted", "true"], "Choose how they tried to reach you." },
        { "contact note too long", ["ContactAttempted", "true", "Channel", "Call", "ContactNote", new string('n', CheckIn.ContactNoteMax + 1)], "at most 500 characters" },
        { "journal too long", ["Journal", new string('j', CheckIn.JournalMax + 1)], "Journal must be at most 4000 characters." },
        { "self-care item not on the list", ["SelfCare", "Ran a marathon"], "not on your list" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_saved(string _, string[] overrides, string message)
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var session = await CheckInArrange.SignedInAsync(app, login);
        var fields = CheckInArrange.Form();
        for (var i = 0; i < overrides.Length; i += 2)
        {
            fields.RemoveAll(f => f.Key == overrides[i]);
            fields.Add(new(overrides[i], overrides[i + 1]));
        }
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);

        var response = await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message), html);
        Assert.Contains("data-testid=\"check-in-form\"", html);
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
    }

    [Fact]
    public async Task A_client_cannot_check_in_as_someone_else_a_posted_client_id_is_ignored()
    {
        var me = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Mia Mine");
        var other = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Otto Other");
        var session = await CheckInArrange.SignedInAsync(app, me);

        var fields = CheckInArrange.Form(mood: "1");
        fields.Add(new("ClientId", other.Client.Id.ToString()));
        fields.Add(new("CheckIn.ClientId", other.Client.Id.ToString()));
        await session.PostFormAsync("/client/check-ins/new", $"/client/check-ins/new?clientId={other.Client.Id}", fields);

        Assert.Empty(await CheckInArrange.CheckInsAsync(app, other.Client.Id));
        Assert.Equal(1, Assert.Single(await CheckInArrange.CheckInsAsync(app, me.Client.Id)).Mood);
    }

    [Fact]
    public async Task Another_clients_check_in_id_is_not_found_and_nothing_changes()
    {
        var me = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var other = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var theirs = await CheckInArrange.CheckInAsync(app, other.Client.Id, DateTimeOffset.UtcNow.AddHours(-1), mood: 2, journal: "Their private words");
        var session = await CheckInArrange.SignedInAsync(app, me);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true); // the pages shown are reads, audited

        var view = await session.Http.GetAsync($"/client/check-ins/{theirs.Id}");
        var edit = await session.PostFormAsync("/client", $"/client/check-ins/{theirs.Id}", CheckInArrange.Form(mood: "10"));

        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.DoesNotContain("Their private words", await view.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
        Assert.Equal(2, Assert.Single(await CheckInArrange.CheckInsAsync(app, other.Client.Id)).Mood);
    }

    [Fact]
    public async Task A_client_can_check_in_several_times_a_day_and_sees_their_trend()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail);
        var session = await CheckInArrange.SignedInAsync(app, login);
        foreach (var (mood, urge) in new[] { ("3", "8"), ("4", "6"), ("6", "4") })
            Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", CheckInArrange.Form(mood, urge))).StatusCode);

        Assert.Equal(3, (await CheckInArrange.CheckInsAsync(app, login.Client.Id)).Count);
        var mine = await session.GetPageAsync("/client/check-ins");
        Assert.Contains("id=\"check-in-data\"", mine);
        Assert.Contains("\"mood\":3,\"urge\":8", mine);
        Assert.Equal(3, mine.Split("data-testid=\"my-check-in\"").Length - 1);
    }

    [Fact]
    public async Task A_discharged_client_can_still_read_but_not_add_check_ins()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        await CheckInArrange.SqlAsync(app, $"UPDATE clients SET status = 2 WHERE id = {login.Client.Id}");
        var session = await CheckInArrange.SignedInAsync(app, login);
        var before = await Arrange.FingerprintAsync(app);

        var response = await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", CheckInArrange.Form());

        Assert.Contains("new check-ins are not saved", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }
}
