using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Measures;
using ClinicPortal.Core.Safety;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.Testing;
using ClinicPortal.Web.Features.Measures;

namespace ClinicPortal.IntegrationTests.Measures;

/// <summary>Questionnaires end to end against the real database: the client answers, the clinician gives, schedules, reads and notes.</summary>
public sealed class MeasurePagesTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static readonly int?[] NoneButItem9 = [0, 0, 0, 0, 0, 0, 0, 0, 1];

    [Fact]
    public async Task Item_9_above_zero_shows_the_crisis_numbers_and_raises_an_imminent_alert_with_its_mail_in_the_same_save()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Ines Itemnine");
        var given = await MeasuresArrange.GivenAsync(app, login.Client);
        var session = await CheckInArrange.SignedInAsync(app, login);
        var mailBefore = ArrangeSafety.Mail(app);

        var response = await session.PostFormAsync($"/client/measures/{given.Id}", $"/client/measures/{given.Id}", MeasuresArrange.Form(NoneButItem9));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the answer is the page with the numbers, whatever the total (1 here)
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"tel:988\"", html);
        Assert.Contains("href=\"tel:911\"", html);
        Assert.Contains("data-testid=\"clinician-told\"", html);
        var stored = await MeasuresArrange.ReloadAsync(app, given.Id);
        Assert.Equal((1, true), (stored.Total, stored.SafetyFlag));
        var alert = Assert.Single(await ArrangeSafety.AlertsAsync(app, login.Client.Id));
        Assert.Equal((AlertKind.QuestionnaireSafetyItem, ConcernSeverity.Imminent), (alert.Kind, alert.Severity));
        var row = Assert.Single(await ArrangeSafety.AlertMailRowsAsync(app, login.Client.Id));
        Assert.Equal($"alert:{alert.Id:N}:{row.RecipientUserId:N}", row.Key); // the outbox row of this very alert
        var mail = Assert.Single(await ArrangeSafety.AlertMailAsync(app, login.Client.Id, 1, mailBefore));
        Assert.Contains("You have an urgent alert. Sign in to see it.", mail);

        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var alerts = await morgan.GetPageAsync("/clinician/alerts");
        Assert.Contains(SafetyLabels.Of(AlertKind.QuestionnaireSafetyItem), alerts);
        foreach (var words in new[] { mail, SafetyLabels.Of(AlertKind.QuestionnaireSafetyItem) })
            foreach (var clinical in new[] { "PHQ", "item 9", "dead", "hurting", "suicid", "self-harm", "Ines", "Itemnine" })
                Assert.DoesNotContain(clinical, words, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_total_without_item_9_raises_nothing_and_thanks_the_client()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var given = await MeasuresArrange.GivenAsync(app, login.Client, Instruments.Gad7Code);
        var session = await CheckInArrange.SignedInAsync(app, login);

        var response = await session.PostFormAsync($"/client/measures/{given.Id}", $"/client/measures/{given.Id}", MeasuresArrange.Form([3, 3, 3, 3, 3, 3, 3]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(21, (await MeasuresArrange.ReloadAsync(app, given.Id)).Total);
        Assert.Empty(await ArrangeSafety.AlertsAsync(app, login.Client.Id));
    }

    public static TheoryData<string, string> BadAnswers => new()
    {
        { "unanswered", Instrument.UnansweredMessage(9) },
        { "out of range", Instrument.OutOfRangeMessage(1) },
        { "unreadable", MeasureAnswersForm.UnreadableAnswer },
        { "too many", "This questionnaire has 9 questions; the answers sent do not match them." },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Bad_answers_are_refused_with_a_message_and_nothing_is_saved(string kind, string message)
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var given = await MeasuresArrange.GivenAsync(app, login.Client);
        var session = await CheckInArrange.SignedInAsync(app, login);
        var fields = kind switch
        {
            "unanswered" => MeasuresArrange.Form([1, 1, 1, 1, 1, 1, 1, 1, null]),
            "out of range" => MeasuresArrange.Form([7, 1, 1, 1, 1, 1, 1, 1, 1]),
            "unreadable" => [.. MeasuresArrange.Form([1, 1, 1, 1, 1, 1, 1, 1]), new("Answers[8]", "lots")],
            _ => MeasuresArrange.Form([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
        };
        var before = await Arrange.FingerprintAsync(app);

        var response = await session.PostFormAsync($"/client/measures/{given.Id}", $"/client/measures/{given.Id}", fields);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task The_client_can_stop_and_resume_and_a_sent_response_cannot_be_changed()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var given = await MeasuresArrange.GivenAsync(app, login.Client);
        var session = await CheckInArrange.SignedInAsync(app, login);
        var url = $"/client/measures/{given.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(url, url, MeasuresArrange.Form([2, 1, null, null, null, null, null, null, null], saveOnly: true))).StatusCode);
        var draft = await MeasuresArrange.ReloadAsync(app, given.Id);
        Assert.Equal([2, 1, null, null, null, null, null, null, null], draft.Answers);
        Assert.Null(draft.SubmittedAt);
        var resumed = await session.GetPageAsync(url);
        Assert.Contains($"action=\"{url}\"", resumed); // the form posts back to this very response
        Assert.Contains("id=\"answer-0-2\" value=\"2\" checked=\"checked\"", resumed);
        Assert.Contains("2 of 9 answered", await session.GetPageAsync("/client/measures"));

        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(url, url, MeasuresArrange.Form([2, 1, 0, 0, 0, 0, 0, 0, 0]))).StatusCode);
        var before = await Arrange.FingerprintAsync(app);
        var again = await session.PostFormAsync(url, url, MeasuresArrange.Form([3, 3, 3, 3, 3, 3, 3, 3, 0]));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains(MeasureResponse.SubmittedMessage, WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        Assert.Equal(3, (await MeasuresArrange.ReloadAsync(app, given.Id)).Total);
    }

    [Fact]
    public async Task A_client_reaches_only_their_own_questionnaires()
    {
        var mine = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var theirs = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Theo Theirs");
        var theirResponse = await MeasuresArrange.GivenAsync(app, theirs.Client);
        var session = await CheckInArrange.SignedInAsync(app, mine);
        var before = await Arrange.FingerprintAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await session.Http.GetAsync($"/client/measures/{theirResponse.Id}")).StatusCode);
        var post = await session.PostFormAsync("/client/measures", $"/client/measures/{theirResponse.Id}", MeasuresArrange.Form([0, 0, 0, 0, 0, 0, 0, 0, 0]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("Theo Theirs", await session.GetPageAsync("/client/measures"));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task The_clinician_gives_one_in_session_enters_the_answers_and_reads_scores_with_reliable_change()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Gina Given");
        await MeasuresArrange.SentAsync(app, client, Instruments.Phq9Code, [2, 2, 2, 2, 2, 2, 2, 2, 0], DateTimeOffset.UtcNow.AddDays(-28));
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = $"/clinician/clients/{client.Id}/measures";

        var give = await morgan.PostFormAsync(page, $"{page}/give", [new("InstrumentCode", "PHQ-9"), new("InSession", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, give.StatusCode);
        var entry = give.Headers.Location!.OriginalString;
        var entered = await morgan.PostFormAsync(entry, entry, MeasuresArrange.Form([1, 1, 1, 1, 1, 1, 1, 1, 0]));
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);

        var responses = await MeasuresArrange.ResponsesAsync(app, client.Id);
        var latest = responses[^1];
        Assert.Equal((8, await Arrange.UserIdAsync(app, Arrange.MorganEmail)), (latest.Total, latest.EnteredById));
        var html = WebUtility.HtmlDecode(await morgan.GetPageAsync(page));
        Assert.Contains("-8 from the first", html);
        Assert.Contains("Reliably improved", html);
        Assert.Contains("Mild", html);
        Assert.Contains(await Arrange.AuditAsync(app, client.Id), a => a is { Action: AuditActions.View, RecordType: AuditRecords.MeasureResponse });

        var note = await morgan.PostFormAsync(entry, $"{entry}/notes", [new("Text", "Talked it through")]);
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        Assert.Contains("Talked it through", await morgan.GetPageAsync(entry));
    }

    [Fact]
    public async Task Scheduling_or_giving_for_a_discharged_client_is_refused_and_nothing_is_saved()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        await CheckInArrange.SqlAsync(app, $"UPDATE clients SET status = {(int)ClientStatus.Discharged} WHERE id = {client.Id}");
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = $"/clinician/clients/{client.Id}/measures";
        var before = await Arrange.FingerprintAsync(app);

        var schedule = await morgan.PostFormAsync(page, $"{page}/schedules", [new("InstrumentCode", "GAD-7"), new("Kind", "EveryWeeks"), new("Every", "2")]);
        var give = await morgan.PostFormAsync(page, $"{page}/give", [new("InstrumentCode", "PHQ-9"), new("InSession", "false")]);

        foreach (var r in new[] { schedule, give })
            Assert.Contains(Client.ReadOnlyMessage, WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task A_tampered_response_id_of_another_client_is_not_found_for_the_clinician()
    {
        var mine = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var other = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var theirs = await MeasuresArrange.GivenAsync(app, other);
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await morgan.Http.GetAsync($"/clinician/clients/{mine.Id}/measures/{theirs.Id}")).StatusCode);
        var post = await morgan.PostFormAsync($"/clinician/clients/{mine.Id}/measures", $"/clinician/clients/{mine.Id}/measures/{theirs.Id}", MeasuresArrange.Form(NoneButItem9));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task The_caseload_signal_follows_a_reliably_worse_score_and_a_flagged_item_9()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var start = DateTimeOffset.UtcNow.AddDays(-40);
        await MeasuresArrange.SentAsync(app, client, Instruments.Gad7Code, [1, 1, 1, 1, 1, 1, 0], start);
        Assert.Equal(MeasureSignal.None, await MeasuresArrange.SignalAsync(app, client.Id));

        await MeasuresArrange.SentAsync(app, client, Instruments.Gad7Code, [2, 2, 2, 1, 1, 1, 0], start.AddDays(14)); // +3: within noise
        Assert.Equal(MeasureSignal.None, await MeasuresArrange.SignalAsync(app, client.Id));

        await MeasuresArrange.SentAsync(app, client, Instruments.Gad7Code, [2, 2, 2, 2, 1, 1, 0], start.AddDays(28)); // +4: reliably worse
        Assert.Equal(MeasureSignal.ReliablyWorse, await MeasuresArrange.SignalAsync(app, client.Id));

        await MeasuresArrange.SentAsync(app, client, Instruments.Phq9Code, NoneButItem9, start.AddDays(29));
        Assert.Equal(MeasureSignal.ReliablyWorse | MeasureSignal.SafetyItem, await MeasuresArrange.SignalAsync(app, client.Id));

        await MeasuresArrange.SentAsync(app, client, Instruments.Gad7Code, [1, 1, 1, 1, 1, 1, 0], start.AddDays(35)); // back to the first
        await MeasuresArrange.SentAsync(app, client, Instruments.Phq9Code, [0, 0, 0, 0, 0, 0, 0, 0, 0], start.AddDays(36));
        Assert.Equal(MeasureSignal.None, await MeasuresArrange.SignalAsync(app, client.Id));
    }
}
