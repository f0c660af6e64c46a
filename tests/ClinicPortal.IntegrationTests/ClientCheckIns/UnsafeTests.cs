using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;

namespace ClinicPortal.IntegrationTests.ClientCheckIns;

public sealed class UnsafeTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task Every_client_page_has_the_one_tap_I_feel_unsafe_button()
    {
        var session = await Arrange.SignedInAsync(app, DemoLogins.AveryEmail);
        foreach (var path in new[] { "/client", "/client/check-ins", "/client/check-ins/new", "/client/safety-plan" })
        {
            var html = await session.GetPageAsync(path);
            Assert.Contains("action=\"/client/unsafe\"", html);
            Assert.Contains("data-testid=\"i-feel-unsafe\"", html);
        }
    }

    [Fact]
    public async Task Pressing_I_feel_unsafe_answers_with_the_numbers_and_the_plan_and_emails_the_clinician_without_content()
    {
        // Jordan (Morgan's client) has a shared safety plan in the demo clinic.
        var session = await Arrange.SignedInAsync(app, DemoLogins.JordanEmail);
        var jordan = await ClientIdAsync(DemoLogins.JordanEmail);
        var alertsBefore = (await ArrangeSafety.AlertsAsync(app, jordan)).Count(a => a.Kind == AlertKind.ClientFeelsUnsafe);
        var mailBefore = ArrangeSafety.Mail(app);

        var response = await session.PostFormAsync("/client", "/client/unsafe", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the answer itself is the page: no redirect, no second request
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"tel:911\"", html);
        Assert.Contains("href=\"tel:988\"", html);
        Assert.Contains("href=\"sms:988\"", html);
        Assert.Contains("href=\"tel:18007997233\"", html);
        Assert.Contains("Door chain on", html); // the shared safety plan
        Assert.Contains("data-testid=\"clinician-told\"", html);
        Assert.True(html.IndexOf("tel:911", StringComparison.Ordinal) < html.IndexOf("data-testid=\"clinician-told\"", StringComparison.Ordinal),
            "the numbers come first on the page");
        Assert.DoesNotContain("data-testid=\"crisis-resources\"", html); // the page is the strip in full; no second copy
        Assert.DoesNotContain("<script", html.Replace("<script src=", "")); // nothing inline, nothing to fetch before the numbers

        var raised = (await ArrangeSafety.AlertsAsync(app, jordan)).Where(a => a.Kind == AlertKind.ClientFeelsUnsafe).ToList();
        Assert.Equal(alertsBefore + 1, raised.Count);
        Assert.Equal(ConcernSeverity.Imminent, raised[^1].Severity);
        var mail = Assert.Single(await ArrangeSafety.AlertMailAsync(app, jordan, 1, mailBefore)); // through the outbox
        Assert.Contains(Arrange.MorganEmail, mail);
        Assert.Contains("You have an urgent alert. Sign in to see it.", mail);
        foreach (var word in new[] { "Jordan", "Jordy", "Testperson", "unsafe", "safety", "check-in" })
            Assert.DoesNotContain(word, mail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(await Arrange.AuditAsync(app, jordan), a => a is { Action: AuditActions.Create, RecordType: AuditRecords.ClinicianAlert }
            && a.RecordId == raised[^1].Id.ToString());

        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var alerts = await morgan.GetPageAsync("/clinician/alerts");
        Assert.Contains("Client pressed &#x201C;I feel unsafe&#x201D;", alerts);
    }

    [Fact]
    public async Task Repeated_presses_raise_one_alert_per_window_until_the_clinician_acknowledges()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Remy Repeat");
        var session = await CheckInArrange.SignedInAsync(app, login);
        var mailBefore = ArrangeSafety.Mail(app);

        for (var i = 0; i < 3; i++)
        {
            var page = await session.PostFormAsync("/client", "/client/unsafe", []);
            Assert.Contains("href=\"tel:911\"", await page.Content.ReadAsStringAsync()); // the numbers every time
        }

        var alert = Assert.Single(await ArrangeSafety.AlertsAsync(app, login.Client.Id));
        Assert.Single(await ArrangeSafety.AlertMailAsync(app, login.Client.Id, 1, mailBefore));

        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        await riley.PostFormAsync("/clinician/alerts", $"/clinician/alerts/{alert.Id}/acknowledge", [new("Response", "CalledClient")]);
        await session.PostFormAsync("/client", "/client/unsafe", []);

        Assert.Equal(2, (await ArrangeSafety.AlertsAsync(app, login.Client.Id)).Count);
        Assert.Equal(2, (await ArrangeSafety.AlertMailAsync(app, login.Client.Id, 2, mailBefore)).Count);
    }

    [Fact]
    public async Task An_unacknowledged_alert_older_than_the_window_is_followed_by_a_new_one()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail);
        var session = await CheckInArrange.SignedInAsync(app, login);
        await session.PostFormAsync("/client", "/client/unsafe", []);
        var first = Assert.Single(await ArrangeSafety.AlertsAsync(app, login.Client.Id));
        await CheckInArrange.SqlAsync(app, $"UPDATE clinician_alerts SET raised_at = raised_at - interval '31 minutes' WHERE id = {first.Id}");

        await session.PostFormAsync("/client", "/client/unsafe", []);

        Assert.Equal(2, (await ArrangeSafety.AlertsAsync(app, login.Client.Id)).Count);
    }

    [Fact]
    public async Task A_double_tap_sent_at_once_still_raises_a_single_alert()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Dara Doubletap");
        var session = await CheckInArrange.SignedInAsync(app, login);
        var token = await session.TokenFromAsync("/client");

        var presses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            session.Http.PostAsync("/client/unsafe", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))));

        Assert.All(presses, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        Assert.Single(await ArrangeSafety.AlertsAsync(app, login.Client.Id));
    }

    [Fact]
    public async Task Opening_the_page_without_pressing_raises_nothing_and_offers_the_button()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var session = await CheckInArrange.SignedInAsync(app, login);

        var html = await session.GetPageAsync("/client/unsafe");

        Assert.Contains("href=\"tel:911\"", html);
        Assert.Contains("data-testid=\"tell-clinician\"", html);
        Assert.DoesNotContain("data-testid=\"unsafe-plan\"", html); // no plan shared with this client
        Assert.Empty(await ArrangeSafety.AlertsAsync(app, login.Client.Id));
    }

    private async Task<Guid> ClientIdAsync(string email)
    {
        var userId = await Arrange.UserIdAsync(app, email);
        await using var scope = app.SystemScope();
        return app.SystemDb(scope).Clients.Single(c => c.UserId == userId).Id;
    }
}
