using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Areas.Clinician.ContactSafety;

namespace ClinicPortal.IntegrationTests.ContactSafety;

/// <summary>The clinician's contact-safety page: recorded with the client, audited, shown as a badge; bad input saves nothing.</summary>
public sealed class ContactSafetyPageTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static string Page(Guid clientId) => $"/clinician/clients/{clientId}/contact-safety";

    private static List<KeyValuePair<string, string>> Fields(params (string, string)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("SafeChannels", "Phone"), new("MayBeMonitored", "true"), new("OnlyAtSafeTimes", "true"),
            new("SafeDays", "Monday"), new("SafeDays", "Wednesday"), new("SafeFrom", "12:00"), new("SafeUntil", "13:30"),
            new("NeverContact", "Dana (sister)\r\nSam"), new("Note", "Work number only; no voicemail."),
        };
        foreach (var (k, v) in extra) fields.Add(new(k, v));
        return fields;
    }

    [Fact]
    public async Task The_clinician_records_the_profile_with_the_client_and_it_is_audited_and_shown_as_a_badge()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Cora Careful", "cora@example.org");
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        Assert.Contains("data-level=\"NotRecorded\"", await s.GetPageAsync(Page(client.Id)));

        var saved = await s.PostFormAsync(Page(client.Id), Page(client.Id), Fields());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await ContactSafetyArrange.StoredAsync(app, client.Id);
        Assert.NotNull(stored);
        Assert.Equal(ContactChannels.Phone, stored.SafeChannels);
        Assert.True(stored.MayBeMonitored);
        Assert.Equal("Mon, Wed, 12:00–13:30", stored.SafeTimes!.Describe());
        Assert.Equal(["Dana (sister)", "Sam"], stored.NeverContact);
        var audit = await Arrange.AuditAsync(app, client.Id);
        Assert.Contains(audit, a => a is { Action: AuditActions.View, RecordType: AuditRecords.ContactSafetyProfile });
        Assert.Contains(audit, a => a is { Action: AuditActions.Create, RecordType: AuditRecords.ContactSafetyProfile });

        // The badge: on the client header of every client page, and on the caseload row.
        Assert.Contains("data-level=\"NoEmail\"", await s.GetPageAsync($"/clinician/clients/{client.Id}"));
        var caseload = await s.GetPageAsync("/clinician");
        var row = caseload[caseload.IndexOf("Cora Careful", StringComparison.Ordinal)..];
        Assert.Contains("data-level=\"NoEmail\"", row[..row.IndexOf("</td>", StringComparison.Ordinal)]);

        // Loosening again is the clinician's to do.
        await s.PostFormAsync(Page(client.Id), Page(client.Id), [new("SafeChannels", "Email")]);
        Assert.Equal(ContactSafetyLevel.EmailAllowed, ContactSafetyLevels.Of(await ContactSafetyArrange.StoredAsync(app, client.Id)));
        Assert.Contains(await Arrange.AuditAsync(app, client.Id), a => a is { Action: AuditActions.Update, RecordType: AuditRecords.ContactSafetyProfile });
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "SafeChannels", "Carrier pigeon", ContactSafetyForm.BindingMessage("SafeChannels") },
        { "SafeChannels", "8", "Choose safe ways of contact from the list." },
        { "SafeDays", "Funday", ContactSafetyForm.BindingMessage("SafeDays") },
        { "SafeFrom", "25:99", ContactSafetyForm.BindingMessage("SafeFrom") },
        { "SafeUntil", "12:00", "different times" },
        { "Note", new string('n', ContactSafetyProfile.NoteMax + 1), "at most 1000 characters" },
        { "NeverContact", string.Join("\n", Enumerable.Range(1, 11).Select(i => $"Person {i}")), "at most 10 people" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Unknown_or_bad_values_get_a_clear_message_and_nothing_is_saved(string field, string value, string message)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Bea Badinput", "bea@example.org");
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app);
        var fields = Fields().Where(f => f.Key != field).Append(new(field, value)).ToList();

        var response = await s.PostFormAsync(Page(client.Id), Page(client.Id), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(message), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task A_discharged_clients_profile_is_read_only()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Dee Discharged", "dee@example.org");
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        await s.PostFormAsync($"/clinician/clients/{client.Id}", $"/clinician/clients/{client.Id}/status", [new("status", "Discharged")]);
        var before = await Arrange.FingerprintAsync(app);

        var response = await s.PostFormAsync(Page(client.Id), Page(client.Id), Fields());

        Assert.Contains("read-only", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }
}
