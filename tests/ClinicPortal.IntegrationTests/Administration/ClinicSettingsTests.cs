using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clinics;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Administration;

public sealed class ClinicSettingsTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private const string SettingsRow =
        "SELECT hashtext(name || '|' || time_zone_id || '|' || array_to_string(reminder_lead_minutes, ',') || '|' || idle_timeout_minutes) FROM clinic_settings";

    private static IEnumerable<KeyValuePair<string, string>> Fields(string name = "Northside Counselling", string zone = "America/Chicago",
        string leads = "2d, 3h, 30m", string idle = "15") =>
        [new("Name", name), new("TimeZoneId", zone), new("ReminderLeadTimes", leads), new("IdleTimeoutMinutes", idle)];

    private async Task<ClinicSettings> SettingsAsync()
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).ClinicSettings.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task An_administrator_changes_the_settings_and_the_change_is_audited()
    {
        var admin = await AdminArrange.AdminAsync(app);
        var page = await admin.GetPageAsync("/admin/settings");
        Assert.Contains("value=\"24h, 2h\"", page);
        Assert.Contains("href=\"/admin/crisis-resources\"", page);
        Assert.Contains("href=\"/admin/stage-models\"", page);
        var original = await SettingsAsync();
        try
        {
            var response = await admin.PostFormAsync("/admin/settings", "/admin/settings",
                Fields().Concat([new("CheckInUrgeThreshold", "6"), new("NoCheckInDays", "14")]));

            Assert.Equal("/admin/settings", response.Headers.Location?.OriginalString);
            var saved = await SettingsAsync();
            Assert.Equal("Northside Counselling", saved.Name);
            Assert.Equal("America/Chicago", saved.TimeZoneId);
            Assert.Equal([2880, 180, 30], saved.ReminderLeadMinutes);
            Assert.Equal(15, saved.IdleTimeoutMinutes);
            Assert.Equal((6, 14), (saved.CheckInUrgeThreshold, saved.NoCheckInDays));
            Assert.Contains("value=\"2d, 3h, 30m\"", await admin.GetPageAsync("/admin/settings"));
            await using var scope = app.SystemScope();
            Assert.True(await app.SystemDb(scope).AuditEntries.AnyAsync(a => a.Action == AuditActions.Update && a.RecordType == AuditRecords.ClinicSettings));
        }
        finally
        {
            await admin.PostFormAsync("/admin/settings", "/admin/settings",
                Fields(original.Name, original.TimeZoneId, ClinicSettingsRules.FormatLeadTimes(original.ReminderLeadMinutes), original.IdleTimeoutMinutes.ToString())
                    .Concat([new("CheckInUrgeThreshold", original.CheckInUrgeThreshold.ToString()), new("NoCheckInDays", original.NoCheckInDays.ToString())]));
        }
    }

    [Theory]
    [InlineData("", "America/Chicago", "24h", "20", "Clinic name is required.")]
    [InlineData("Clinic", "Mars/Olympus_Mons", "24h", "20", "is not a known time zone")]
    [InlineData("Clinic", "America/Chicago", "-2h", "20", "reminder times must be more than zero")]
    [InlineData("Clinic", "America/Chicago", "0m", "20", "reminder times must be more than zero")]
    [InlineData("Clinic", "America/Chicago", "15d", "20", "at most 14 days")]
    [InlineData("Clinic", "America/Chicago", "99999999h", "20", "at most 14 days")]
    [InlineData("Clinic", "America/Chicago", "1h, 2h, 3h, 4h, 5h, 6h", "20", "at most 5 reminder times")]
    [InlineData("Clinic", "America/Chicago", "24h, 1d", "20", "is listed twice")]
    [InlineData("Clinic", "America/Chicago", "soon", "20", "is not a reminder time")]
    [InlineData("Clinic", "America/Chicago", "24h", "0", "between 5 and 120 minutes")]
    [InlineData("Clinic", "America/Chicago", "24h", "600", "between 5 and 120 minutes")]
    [InlineData("Clinic", "America/Chicago", "24h", "twenty", "whole number of minutes")]
    public async Task Bad_settings_are_refused_with_a_clear_message_and_nothing_is_saved(string name, string zone, string leads, string idle, string message)
    {
        var admin = await AdminArrange.AdminAsync(app);
        var before = await AdminArrange.CountAsync(app, SettingsRow);
        var audit = await AdminArrange.CountAsync(app, "SELECT count(*) FROM audit_entries WHERE record_type = 'clinic-settings'");

        var response = await admin.PostFormAsync("/admin/settings", "/admin/settings", Fields(name, zone, leads, idle));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Contains("data-testid=\"errors\"", html);
        Assert.Equal(before, await AdminArrange.CountAsync(app, SettingsRow));
        Assert.Equal(audit, await AdminArrange.CountAsync(app, "SELECT count(*) FROM audit_entries WHERE record_type = 'clinic-settings'"));
    }

    /// <summary>Each of the form's numbers says in its own words that it could not be read.</summary>
    [Theory]
    [InlineData("CheckInUrgeThreshold", "high", "The urge threshold must be a whole number from 1 to 10.")]
    [InlineData("NoCheckInDays", "a week", "Days without a check-in must be a whole number of days.")]
    [InlineData("IdleTimeoutMinutes", "twenty", "Idle sign-out must be a whole number of minutes.")]
    [InlineData("EscalateAfterMinutes", "soon", "Minutes before an alert goes to the backup must be a whole number.")]
    [InlineData("EscalateToAdministratorsAfterMinutes", "later", "Minutes before an alert goes to the administrators must be a whole number.")]
    public async Task A_number_that_cannot_be_read_is_named_and_nothing_is_saved(string field, string value, string message)
    {
        var admin = await AdminArrange.AdminAsync(app);
        var before = await SettingsAsync();
        var fields = Fields().Where(f => f.Key != field).Append(new(field, value));

        var html = WebUtility.HtmlDecode(await (await admin.PostFormAsync("/admin/settings", "/admin/settings", fields)).Content.ReadAsStringAsync());

        Assert.Contains(message, html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "must be a whole number"));
        var after = await SettingsAsync();
        Assert.Equal((before.Name, before.IdleTimeoutMinutes, before.CheckInUrgeThreshold, before.NoCheckInDays),
            (after.Name, after.IdleTimeoutMinutes, after.CheckInUrgeThreshold, after.NoCheckInDays));
    }

    [Fact]
    public async Task Clinicians_and_clients_cannot_change_the_settings()
    {
        var before = await AdminArrange.CountAsync(app, SettingsRow);
        foreach (var email in new[] { Arrange.MorganEmail, DemoLogins.JordanEmail })
        {
            var session = await Arrange.SignedInAsync(app, email);
            var home = email == Arrange.MorganEmail ? "/clinician" : "/client";
            var response = await session.PostFormAsync(home, "/admin/settings", Fields());
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        }
        Assert.Equal(before, await AdminArrange.CountAsync(app, SettingsRow));
    }
}
