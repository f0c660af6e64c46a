using System.Text.RegularExpressions;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Clients;

/// <summary>
/// End to end: a clinician creates a client, writes and signs a SOAP note, is refused an
/// edit, adds an addendum and invites the client, who sets a password in a fresh browser.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ClientCareFlowTests(PortalFixture portal) : PortalTest(portal)
{
    private const string ClinicianEmail = DemoLogins.MorganEmail;
    private const string ClinicianName = "Dr. Morgan Example";
    private const string ClientPassword = "Client-Pass-2026!x";
    private const string FullName = "Harper Endtoend";
    private const string PreferredName = "Harp";
    private const string DisplayName = $"{PreferredName} ({FullName})";

    private static readonly (string Label, string Text)[] Soap =
    [
        ("Subjective", "Reports sleeping better since blocking the number; still anxious on Sunday evenings."),
        ("Objective", "Calm, good eye contact; laughed twice while describing the week."),
        ("Assessment", "Consolidating no contact; anticipatory anxiety before family calls."),
        ("Plan", "Practise the Sunday routine; review the support list next session."),
    ];

    private const string Addendum = "Addendum: the client asked to move sessions to Thursday mornings.";

    [Fact]
    public async Task A_clinician_creates_a_client_signs_a_SOAP_note_amends_it_and_the_invited_client_sets_a_password()
    {
        var email = $"e2e.{Guid.NewGuid():N}@example.org";
        var intake = (await ClinicTodayAsync()).AddDays(-7);

        // 1. New client, from the caseload.
        await SignInAsync(ClinicianEmail, DemoLogins.ClinicianPassword);
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Clinician));
        await Page.GetByTestId("new-client").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url("/clinician/clients/new"));
        await Page.GetByLabel("Full name").FillAsync(FullName);
        await Page.GetByLabel("Preferred name").FillAsync(PreferredName);
        await Page.GetByLabel("Date of birth").FillAsync(NewClient.BornOn);
        await Page.GetByLabel("Intake date").FillAsync(intake.ToString("yyyy-MM-dd"));
        await Page.GetByLabel("Time zone").FillAsync("America/Denver");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(ClientUrl());
        var overviewUrl = Page.Url;
        await Expect(Page.GetByTestId("client-name")).ToHaveTextAsync(DisplayName);
        await Expect(Page.GetByTestId("client-header").GetByTestId("status")).ToHaveTextAsync("Active");
        await Expect(Page.GetByTestId("client-header")).ToContainTextAsync($"Clinician: {ClinicianName}");
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Client created.");
        await Expect(Page.GetByText(email)).ToBeVisibleAsync();
        await Expect(Page.GetByText(intake.ToString("d MMM yyyy"))).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("recent-notes")).ToContainTextAsync("No notes yet.");
        await ScreenshotAsync("client-overview");
        AssertNoBrowserProblems();

        // 2. A SOAP note: save the draft, then sign it.
        await Page.GetByTestId("new-note").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url($"{new Uri(overviewUrl).AbsolutePath}/notes/new"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "New SOAP note" })).ToBeVisibleAsync();
        foreach (var (label, text) in Soap)
            await Page.GetByLabel(label, new() { Exact = true }).FillAsync(text);
        await Page.GetByTestId("save-draft").ClickAsync();

        await Expect(Page).ToHaveURLAsync(NoteUrl());
        var noteUrl = Page.Url;
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Draft saved.");
        await Expect(Page.GetByTestId("note-status")).ToHaveTextAsync("Draft");
        await ExpectNoteTextAsync();
        await Page.GetByTestId("sign-note").ClickAsync();

        await Expect(Page).ToHaveURLAsync(noteUrl);
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Note signed.");
        await Expect(Page.GetByTestId("note-status")).ToHaveTextAsync(new Regex($"^Signed by {Regex.Escape(ClinicianName)}, "));
        await Expect(Page.GetByTestId("sign-note")).ToHaveCountAsync(0);
        await ExpectNoteTextAsync();
        AssertNoBrowserProblems();

        // 3. Editing the signed note is refused with a clear message; nothing changes.
        await Page.GetByTestId("edit-note").ClickAsync();

        await Expect(Page).ToHaveURLAsync(noteUrl);
        await Expect(Page.GetByTestId("errors")).ToContainTextAsync("signed and locked");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Add an addendum");
        await Expect(Page.GetByTestId("note-form")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("note-status")).ToContainTextAsync("Signed");
        await ExpectNoteTextAsync();

        // ... and so is a hand-made edit post (a stale tab, a tampered form).
        var tampered = await PostFormAsync($"{noteUrl}/edit", new()
        {
            ["Format"] = "Soap", ["ServiceDate"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
            ["Subjective"] = "TAMPERED", ["Objective"] = "TAMPERED", ["Assessment"] = "TAMPERED", ["Plan"] = "TAMPERED",
        });
        Assert.Equal(302, tampered.Status);
        Assert.Equal(new Uri(noteUrl).AbsolutePath, tampered.Headers["location"]);
        await Page.ReloadAsync();
        await Expect(Page.GetByTestId("errors")).ToContainTextAsync("signed and locked");
        await ExpectNoteTextAsync();
        await Expect(Page.GetByText("TAMPERED")).ToHaveCountAsync(0);

        // 4. An addendum, with its author.
        await Page.ReloadAsync(); // the refusal message shows once
        await Expect(Page.GetByTestId("errors")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("addenda")).ToContainTextAsync("No addenda.");
        await Page.GetByTestId("addendum-form").Locator("#text").FillAsync(Addendum);
        await Page.GetByTestId("add-addendum").ClickAsync();

        await Expect(Page).ToHaveURLAsync(noteUrl);
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Addendum added.");
        await Expect(Page.GetByTestId("addendum")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("addendum")).ToContainTextAsync(ClinicianName);
        await Expect(Page.GetByTestId("addendum")).ToContainTextAsync(Addendum);
        await Expect(Page.GetByTestId("addendum-form").Locator("#text")).ToHaveValueAsync("");
        await ExpectNoteTextAsync();
        await ScreenshotAsync("client-note-signed-with-addendum");
        AssertNoBrowserProblems();

        // 5. Invite the client; the link arrives by (pickup folder) mail.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(overviewUrl);
        await Expect(Page.GetByTestId("recent-notes").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("recent-notes")).ToContainTextAsync("SOAP");
        await Expect(Page.GetByTestId("recent-notes")).ToContainTextAsync("Signed");
        await Expect(Page.GetByTestId("client-access")).ToContainTextAsync("Not invited yet.");
        await Page.GetByTestId("invite").ClickAsync();

        await Expect(Page).ToHaveURLAsync(overviewUrl);
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Invitation sent.");
        await Expect(Page.GetByTestId("client-access")).ToContainTextAsync("An invitation is waiting to be accepted.");
        await Expect(Page.GetByTestId("invite")).ToHaveTextAsync("Send a new invitation");
        var mail = await PortalMail.WaitForMessageToAsync(Portal.Server.MailDirectory, email);
        Assert.Equal("Your account", mail.Subject); // discreet by default: no clinic or service named
        foreach (var secret in new[] { FullName, PreferredName, Soap[0].Text, Addendum, "SOAP" })
            Assert.DoesNotContain(secret, mail.Text, StringComparison.OrdinalIgnoreCase); // mail leaves the clinic
        var link = PortalMail.InvitationLink(mail);
        Assert.Equal(Portal.BaseAddress.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));

        // The client, on their own device: no cookies from the clinician's session.
        var visitor = await NewPageInFreshContextAsync();
        Assert.Empty(await visitor.Context.CookiesAsync());
        await visitor.GotoAsync(link.ToString());
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Welcome to ClinicPortal" })).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("user-name")).ToHaveCountAsync(0);
        await visitor.GetByLabel("Your date of birth").FillAsync(NewClient.BornOn);
        await visitor.GetByLabel("Password", new() { Exact = true }).FillAsync(ClientPassword);
        await visitor.GetByLabel("Type it again").FillAsync(ClientPassword);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Set my password" }).ClickAsync();

        await Expect(visitor).ToHaveURLAsync(Url(RoleHomes.Client));
        await Expect(visitor.GetByTestId("home-title")).ToHaveTextAsync("My space");
        await Expect(visitor.GetByTestId("user-role")).ToHaveTextAsync("Client");
        await Expect(visitor.GetByTestId("user-name")).ToHaveTextAsync(PreferredName);
        await Expect(visitor.GetByText(Soap[0].Text)).ToHaveCountAsync(0);
        await PortalPages.ScreenshotAsync(visitor, "client-home-after-invitation");
        AssertNoBrowserProblems();

        // The link worked once, and the clinician now sees a client with a sign-in.
        await visitor.GotoAsync(link.ToString());
        await Expect(visitor.GetByTestId("link-invalid")).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await Expect(Page.GetByTestId("client-access")).ToContainTextAsync("The client has a sign-in");
        await Expect(Page.GetByTestId("invite")).ToHaveCountAsync(0);
        AssertNoBrowserProblems();
    }

    private async Task ExpectNoteTextAsync()
    {
        foreach (var (label, text) in Soap)
            await Expect(Page.GetByTestId($"section-{label.ToLowerInvariant()}")).ToHaveTextAsync(text);
    }

    /// <summary>Posts a form from the clinician's browser (its cookies, plus the anti-forgery token of the page it is on), without following redirects.</summary>
    private async Task<IAPIResponse> PostFormAsync(string url, Dictionary<string, string> fields)
    {
        var token = await Page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var form = Context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields) form.Set(name, value);
        form.Set("__RequestVerificationToken", token);
        return await Context.APIRequest.PostAsync(url, new() { Form = form, MaxRedirects = 0 });
    }

    private Regex ClientUrl() => new($"^{Regex.Escape(Url("/clinician/clients/"))}{GuidPattern}$");

    private Regex NoteUrl() => new($"^{Regex.Escape(Url("/clinician/clients/"))}{GuidPattern}/notes/{GuidPattern}$");

    private const string GuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
}
