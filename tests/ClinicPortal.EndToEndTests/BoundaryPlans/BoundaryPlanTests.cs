using System.Globalization;
using System.Text.RegularExpressions;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.BoundaryPlans;

/// <summary>
/// End to end: a clinician builds a no-contact plan (three reasons, two shared with the client;
/// two conditions for reconsidering contact) and a support network (a supportive crisis contact, a mutual
/// friend and a risk person, who is refused as a crisis contact), then moves the boundary to reconnecting
/// and reads the revision history and the comparison of the two revisions.
/// The client's own view of the shared subset is not rendered by any client page yet (see the report),
/// so this test stops at the clinician's side.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class BoundaryPlanTests(PortalFixture portal) : PortalTest(portal)
{
    private const string ClinicianEmail = DemoLogins.MorganEmail;
    private const string ClinicianName = "Dr. Morgan Example";

    private const string Person = "Ex-partner (Dale)";
    private const string ReconnectingRefused =
        "'Reconnecting' means the door is open: tick 'door left open to reconnect' or choose another contact level.";

    /// <summary>The client's reasons in order; the first and the third are shared with the client.</summary>
    private static readonly (string Text, bool Shared)[] Reasons =
    [
        ("I stop walking on eggshells in my own home.", true),
        ("He read my messages and tracked my phone for two years.", false),
        ("I sleep through the night when I have not heard from him.", true),
    ];

    private static readonly string[] Conditions =
    [
        "He has finished a perpetrator programme and I hear it from the facilitator, not from him.",
        "Six months without any message through friends.",
    ];

    private const string Supportive = "Priya Okafor";
    private const string SupportivePhone = "+1 (555) 010-2233";
    private const string Mutual = "Sam Lindqvist";
    private const string Risk = "Chris Harrow";

    [Fact]
    public async Task A_clinician_builds_a_no_contact_plan_and_support_network_then_moves_to_reconnecting_and_reads_the_history()
    {
        var today = await ClinicTodayAsync();
        var client = new NewClient("Linnea Brightwater", null, today.AddDays(-60), "America/Chicago", NewClient.UniqueEmail());

        await SignInAsync(ClinicianEmail, DemoLogins.ClinicianPassword);
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Clinician));
        var clientId = await ClientSteps.CreateClientAsync(Page, client);
        var boundaries = $"/clinician/clients/{clientId}/boundaries";

        // 1. The no-contact plan, from the client's "Boundary plan" tab.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Boundary plan", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url(boundaries));
        await Expect(Page.GetByTestId("no-boundaries")).ToBeVisibleAsync();
        await Page.GetByTestId("new-boundary").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url($"{boundaries}/new"));
        await Expect(Page.GetByLabel("Contact level")).ToHaveValueAsync("NoContact");
        await Expect(Page.GetByLabel("Start date")).ToHaveValueAsync(Iso(today));
        await Expect(Page.GetByLabel("Door left open to reconnect")).Not.ToBeCheckedAsync();

        await Page.GetByLabel("Who the boundary is with").FillAsync(Person);
        await Page.GetByLabel("Relationship").SelectOptionAsync(new SelectOptionValue { Label = "Partner / ex-partner" });
        await Page.GetByLabel("How the person is told").SelectOptionAsync(new SelectOptionValue { Label = "Not told" });
        await Page.GetByLabel("Phone number blocked").SelectOptionAsync(new SelectOptionValue { Label = "Done" });
        await Page.GetByLabel("Social media blocked, privacy tightened").SelectOptionAsync(new SelectOptionValue { Label = "Planned" });
        for (var i = 0; i < Reasons.Length; i++)
        {
            await Page.GetByLabel($"The client's reasons {i + 1}", new() { Exact = true }).FillAsync(Reasons[i].Text);
            if (Reasons[i].Shared) await Page.Locator($"#Reasons_{i}_Shared").CheckAsync();
        }
        for (var i = 0; i < Conditions.Length; i++)
            await Page.GetByLabel($"Conditions for reconsidering contact {i + 1}", new() { Exact = true }).FillAsync(Conditions[i]);
        await Page.GetByLabel("Planned length").FillAsync("6 months, then review");
        await Page.GetByLabel("Review date").FillAsync(Iso(today.AddDays(-1)));
        await Page.GetByLabel("Therapist in place").CheckAsync();
        await Page.GetByLabel("Blocking done").CheckAsync();
        await Page.GetByTestId("save-boundary").ClickAsync();

        // A review date before the start is refused; nothing is saved and nothing typed is lost.
        await Expect(Page.GetByTestId("boundary-form").GetByTestId("errors")).ToContainTextAsync("The review date cannot be before the start date.");
        await Expect(Page.GetByLabel("Who the boundary is with")).ToHaveValueAsync(Person);
        for (var i = 0; i < Reasons.Length; i++)
        {
            await Expect(Page.GetByLabel($"The client's reasons {i + 1}", new() { Exact = true })).ToHaveValueAsync(Reasons[i].Text);
            if (Reasons[i].Shared) await Expect(Page.Locator($"#Reasons_{i}_Shared")).ToBeCheckedAsync();
            else await Expect(Page.Locator($"#Reasons_{i}_Shared")).Not.ToBeCheckedAsync();
        }
        await Expect(Page.GetByLabel("Phone number blocked")).ToHaveValueAsync("Done");
        await Expect(Page.GetByLabel("Therapist in place")).ToBeCheckedAsync();
        await Page.GetByLabel("Review date").FillAsync(Iso(today.AddDays(90)));
        await Page.GetByTestId("save-boundary").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex($"{Regex.Escape(boundaries)}/[0-9a-f-]{{36}}$"));
        var boundaryPath = new Uri(Page.Url).AbsolutePath;
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Boundary saved as revision 1.");
        var plan = Page.GetByTestId("boundary");
        await Expect(plan.GetByTestId("person")).ToHaveTextAsync(Person);
        await Expect(plan.GetByTestId("contact-level")).ToHaveTextAsync("No contact");
        await ExpectItemsAsync(plan.GetByTestId("reasons"), Reasons);
        await ExpectItemsAsync(plan.GetByTestId("conditions"), Conditions.Select(c => (c, false)).ToArray());
        await Expect(plan.GetByTestId("latest-revision")).ToContainTextAsync($"Revision 1 · saved by {ClinicianName}");
        await Expect(plan.GetByTestId("latest-revision")).ToContainTextAsync("Created at no contact, 3 reasons, 2 conditions (2 shared with the client).");
        await Expect(plan.GetByTestId("channels").GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Phone number blocked" })).ToContainTextAsync("Done");
        await Expect(plan.GetByTestId("boundary-history")).ToHaveTextAsync("History (1)");
        await Expect(plan.GetByTestId("linked-people")).ToContainTextAsync("No one linked.");
        AssertNoBrowserProblems();

        // 2. The support network: a supportive crisis contact shared with the client ...
        await plan.GetByTestId("linked-people").GetByRole(AriaRole.Link, new() { Name = "Support network" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url($"/clinician/clients/{clientId}/support"));
        await AddSupportPersonAsync(Supportive, "Sister", "Family", "Supportive", SupportivePhone, crisis: true, shared: true, boundary: null);
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{Supportive} added to the support network.");

        // ... a mutual friend, linked to the boundary ...
        await AddSupportPersonAsync(Mutual, "Friend of both", "Friend", "Mutual / neutral", null, crisis: false, shared: false, boundary: Person);
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{Mutual} added to the support network.");

        // ... and a risk person: as a crisis contact they are refused with a clear message, and nothing is saved.
        await AddSupportPersonAsync(Risk, "Ex-partner's brother", "Family", "Risk", "555-0199", crisis: true, shared: false, boundary: Person);
        var supportForm = Page.GetByTestId("support-form");
        await Expect(supportForm.GetByTestId("errors")).ToContainTextAsync(SupportPerson.RiskCrisisMessage);
        await Expect(Page).ToHaveURLAsync(Url($"/clinician/clients/{clientId}/support/new"));
        await Expect(supportForm.GetByLabel("Name *", new() { Exact = true })).ToHaveValueAsync(Risk);
        await Expect(supportForm.GetByLabel("Role *", new() { Exact = true })).ToHaveValueAsync("Risk");
        await Expect(supportForm.GetByLabel("Crisis contact")).ToBeCheckedAsync();
        await supportForm.GetByLabel("Crisis contact").UncheckAsync();
        await supportForm.GetByTestId("save-support-person").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{Risk} added to the support network.");

        var people = Page.GetByTestId("support-person");
        await Expect(people).ToHaveCountAsync(3);
        var supportiveRow = people.Filter(new() { HasText = Supportive });
        await Expect(supportiveRow.GetByTestId("role")).ToHaveTextAsync("Supportive");
        await Expect(supportiveRow.GetByTestId("crisis-contact")).ToHaveTextAsync("Crisis contact");
        await Expect(supportiveRow).ToContainTextAsync(SupportivePhone);
        await Expect(supportiveRow.GetByTestId("client-sees")).ToHaveTextAsync("Shared");
        var mutualRow = people.Filter(new() { HasText = Mutual });
        await Expect(mutualRow.GetByTestId("role")).ToHaveTextAsync("Mutual / neutral");
        await Expect(mutualRow.GetByTestId("crisis-contact")).ToHaveCountAsync(0);
        await Expect(mutualRow.GetByTestId("client-sees")).ToHaveTextAsync("—");
        await Expect(mutualRow.GetByRole(AriaRole.Link, new() { Name = Person })).ToHaveAttributeAsync("href", boundaryPath);
        var riskRow = people.Filter(new() { HasText = Risk });
        await Expect(riskRow).ToHaveClassAsync(new Regex(@"\btable-danger\b"));
        await Expect(riskRow.GetByTestId("role")).ToHaveTextAsync("Risk");
        await Expect(riskRow.GetByTestId("crisis-contact")).ToHaveCountAsync(0);
        await Expect(riskRow.GetByTestId("client-sees")).ToHaveTextAsync("—");
        await ScreenshotAsync("boundaries-support-network");

        // Editing the risk person into a crisis contact is refused the same way.
        await riskRow.GetByTestId("edit-support-person").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/clinician/clients/{clientId}/support/[0-9a-f-]{{36}}/edit$"));
        await Expect(supportForm.GetByLabel("Related boundary")).ToHaveValueAsync(new Regex("^[0-9a-f-]{36}$"));
        await supportForm.GetByLabel("Crisis contact").CheckAsync();
        await supportForm.GetByTestId("save-support-person").ClickAsync();
        await Expect(supportForm.GetByTestId("errors")).ToContainTextAsync(SupportPerson.RiskCrisisMessage);
        await supportForm.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url($"/clinician/clients/{clientId}/support"));
        await Expect(people).ToHaveCountAsync(3);
        await Expect(people.GetByTestId("crisis-contact")).ToHaveCountAsync(1);
        await Expect(riskRow.GetByTestId("crisis-contact")).ToHaveCountAsync(0);
        AssertNoBrowserProblems();

        // The boundary lists the two people linked to it, with their roles.
        await Page.GotoAsync(boundaryPath);
        var linked = plan.GetByTestId("linked-people").GetByRole(AriaRole.Listitem);
        await Expect(linked).ToHaveCountAsync(2);
        await Expect(linked.Filter(new() { HasText = Mutual }).GetByTestId("role")).ToHaveTextAsync("Mutual / neutral");
        await Expect(linked.Filter(new() { HasText = Risk }).GetByTestId("role")).ToHaveTextAsync("Risk");
        await ScreenshotAsync("boundaries-plan-no-contact");

        // 3. No contact → reconnecting: a trial-contact plan first (Reconnecting/TrialContactTests follows one through),
        //    then refused until "door open to reconnect" is ticked, then saved as revision 2.
        await plan.GetByTestId("new-trial").ClickAsync();
        await Reconnecting.TrialSteps.FillTrialAsync(Page, Supportive, "He contacts me through friends again.");
        await Expect(Page).ToHaveURLAsync(Url(boundaryPath));
        await plan.GetByTestId("edit-boundary").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url($"{boundaryPath}/edit"));
        await Expect(Page.GetByLabel("Who the boundary is with")).ToHaveValueAsync(Person);
        await Page.GetByLabel("Contact level").SelectOptionAsync(new SelectOptionValue { Label = "Reconnecting" });
        await Page.GetByTestId("save-boundary").ClickAsync();
        await Expect(Page.GetByTestId("boundary-form").GetByTestId("errors")).ToContainTextAsync(ReconnectingRefused);
        await Expect(Page.GetByLabel("Contact level")).ToHaveValueAsync("Reconnecting");
        await Expect(Page.GetByLabel("Door left open to reconnect")).Not.ToBeCheckedAsync();
        await Page.GetByLabel("Door left open to reconnect").CheckAsync();
        await Page.GetByTestId("save-boundary").ClickAsync();

        await Expect(Page).ToHaveURLAsync(Url(boundaryPath));
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Boundary saved as revision 2.");
        await Expect(plan.GetByTestId("contact-level")).ToHaveTextAsync("Reconnecting");
        await Expect(plan.GetByText("Door open to reconnect", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(plan.GetByTestId("latest-revision")).ToContainTextAsync("Revision 2");
        await Expect(plan.GetByTestId("latest-revision")).ToContainTextAsync("Contact level: No contact → Reconnecting; Door open to reconnect: No → Yes.");
        await ExpectItemsAsync(plan.GetByTestId("reasons"), Reasons); // the rest of the plan is untouched
        await ExpectItemsAsync(plan.GetByTestId("conditions"), Conditions.Select(c => (c, false)).ToArray());
        await ScreenshotAsync("boundaries-plan-reconnecting");

        // 4. The history: both revisions, newest first, and the contact-level change as an event.
        await plan.GetByTestId("boundary-history").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url($"{boundaryPath}/history"));
        var revisions = Page.GetByTestId("revision");
        await Expect(revisions).ToHaveCountAsync(2);
        await Expect(revisions.Nth(0).Locator("td").Nth(0)).ToHaveTextAsync("2");
        await Expect(revisions.Nth(0)).ToContainTextAsync(ClinicianName);
        await Expect(revisions.Nth(0)).ToContainTextAsync("Contact level: No contact → Reconnecting; Door open to reconnect: No → Yes.");
        await Expect(revisions.Nth(1).Locator("td").Nth(0)).ToHaveTextAsync("1");
        await Expect(revisions.Nth(1)).ToContainTextAsync("Created at no contact, 3 reasons, 2 conditions (2 shared with the client).");
        var events = Page.GetByTestId("contact-level-event");
        await Expect(events).ToHaveCountAsync(2);
        await Expect(events.Nth(0)).ToContainTextAsync("Toward contact: no contact → reconnecting");
        await Expect(events.Nth(0)).ToContainTextAsync("revision 2");
        await Expect(events.Nth(0)).ToHaveClassAsync(new Regex(@"\blevel-event-toward\b"));
        await Expect(events.Nth(1)).ToContainTextAsync("Boundary recorded at no contact");
        await ScreenshotAsync("boundaries-history");

        // 5. The comparison of revision 1 with 2 shows the changed fields, and only those as changed.
        var compareForm = Page.GetByTestId("compare-form");
        await Expect(compareForm.GetByLabel("Compare revision")).ToHaveValueAsync("1");
        await Expect(compareForm.GetByLabel("with")).ToHaveValueAsync("2");
        await compareForm.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url($"{boundaryPath}/compare?from=1&to=2"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Revision 1 compared with 2: {Person}" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("comparison-summary")).ToHaveTextAsync("Contact level: No contact → Reconnecting; Door open to reconnect: No → Yes.");
        var changed = Page.GetByTestId("comparison").GetByTestId("changed-field");
        await Expect(changed).ToHaveCountAsync(2);
        await ExpectChangedFieldAsync(changed.Nth(0), "Contact level", "No contact", "Reconnecting");
        await ExpectChangedFieldAsync(changed.Nth(1), "Door open to reconnect", "No", "Yes");
        await Expect(Page.GetByTestId("comparison").GetByTestId("field").Filter(new() { HasText = "Person or group" })).ToContainTextAsync(Person);
        await Expect(Page.GetByTestId("item-change")).ToHaveCountAsync(0); // reasons and conditions unchanged
        await Expect(Page.GetByTestId("compare-item")).ToHaveCountAsync(Reasons.Length + Conditions.Length);
        await ScreenshotAsync("boundaries-compare");
        await Page.GetByTestId("changes-only").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url($"{boundaryPath}/compare?from=1&to=2&only=true"));
        await Expect(Page.GetByTestId("comparison").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(changed).ToHaveCountAsync(2);
        AssertNoBrowserProblems();

        // 6. The client's boundary page and overview show the change too.
        await Page.GotoAsync(boundaries);
        var card = Page.GetByTestId("boundary-card");
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.GetByTestId("contact-level")).ToHaveTextAsync("Reconnecting");
        await Expect(card).ToContainTextAsync("3 reason(s), 2 shared");
        await Expect(card).ToContainTextAsync($"Linked people: {Risk}, {Mutual}"); // by name
        await Expect(Page.GetByTestId("contact-level-event").First).ToContainTextAsync($"{Person}: Toward contact: no contact → reconnecting");
        await Page.GotoAsync($"/clinician/clients/{clientId}");
        await Expect(Page.GetByTestId("boundary-summary").GetByTestId("contact-level")).ToHaveTextAsync("Reconnecting");
        var summary = Page.GetByTestId("support-summary");
        await Expect(summary).ToContainTextAsync("1 supportive");
        await Expect(summary).ToContainTextAsync("1 crisis contact(s)");
        await Expect(summary).ToContainTextAsync("1 mutual / neutral");
        await Expect(summary).ToContainTextAsync("1 risk");
        await Expect(summary).ToContainTextAsync("1 shared with the client.");
        AssertNoBrowserProblems();
    }

    private async Task AddSupportPersonAsync(string name, string relationship, string type, string role, string? phone,
        bool crisis, bool shared, string? boundary)
    {
        await Page.GetByTestId("new-support-person").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/support/new$"));
        var form = Page.GetByTestId("support-form");
        await form.GetByLabel("Name *", new() { Exact = true }).FillAsync(name);
        await form.GetByLabel("Relationship", new() { Exact = true }).FillAsync(relationship);
        await form.GetByLabel("Type *", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = type });
        await form.GetByLabel("Role *", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = role });
        if (boundary is not null) await form.GetByLabel("Related boundary").SelectOptionAsync(new SelectOptionValue { Label = boundary });
        if (phone is not null) await form.GetByLabel("Phone", new() { Exact = true }).FillAsync(phone);
        if (crisis) await form.GetByLabel("Crisis contact").CheckAsync();
        if (shared) await form.GetByLabel("Share with client").CheckAsync();
        await form.GetByTestId("save-support-person").ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>An ordered list on the boundary page: each item in order, with the "shared" badge on the shared ones only.</summary>
    private static async Task ExpectItemsAsync(ILocator section, (string Text, bool Shared)[] expected)
    {
        var items = section.GetByRole(AriaRole.Listitem);
        await Expect(items).ToHaveCountAsync(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            await Expect(items.Nth(i)).ToContainTextAsync(expected[i].Text);
            await Expect(items.Nth(i).GetByTestId("shared")).ToHaveCountAsync(expected[i].Shared ? 1 : 0);
        }
    }

    private static async Task ExpectChangedFieldAsync(ILocator row, string label, string before, string after)
    {
        await Expect(row).ToHaveClassAsync(new Regex(@"\bcompare-changed\b"));
        await Expect(row.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync(label);
        var cells = row.Locator("td");
        await Expect(cells.Nth(0)).ToHaveTextAsync(before);
        await Expect(cells.Nth(1)).ToHaveTextAsync(new Regex($@"^\s*{Regex.Escape(after)}\s*\(changed\)\s*$"));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
