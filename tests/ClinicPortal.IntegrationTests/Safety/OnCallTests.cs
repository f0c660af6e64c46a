using System.Net;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Reminders;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Safety;

/// <summary>
/// The weekly on-call rota on a hand-driven clock: on a day the rota names a clinician, an unacknowledged imminent alert goes
/// to them rather than the backup; on a day it names nobody, to the backup as before.
/// </summary>
public sealed class OnCallTests : IDisposable
{
    private readonly SmtpSink _smtp = new();
    private readonly DateTimeOffset _t0 = new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1).AddHours(15), TimeSpan.Zero);

    public void Dispose() => _smtp.Dispose();

    private static DayOfWeek ClinicDayOf(DateTimeOffset at) => OnCall.DayAt(at, TimeZoneInfo.FindSystemTimeZoneById(new ClinicSettings().TimeZoneId));

    /// <summary>Raises the client's "I feel unsafe" alert and returns when it was raised (the clock moves on by itself between sets).</summary>
    private static async Task<DateTimeOffset> RaiseUnsafeAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        var alert = await scope.ServiceProvider.GetRequiredService<ClinicianAlerts>().AddForCheckInAsync(clientId, AlertKind.ClientFeelsUnsafe);
        await app.SystemDb(scope).SaveChangesAsync();
        return alert.RaisedAt;
    }

    private static async Task<List<Guid?>> EscalatedToAsync(ClinicAppFactory app, Guid clientId) =>
        (await ArrangeSafety.AlertMailRowsAsync(app, clientId)).Where(m => m.Key.StartsWith(Core.Reminders.OutboxMessage.EscalationKeyPrefix))
            .Select(m => m.RecipientUserId).ToList();

    [Fact]
    public async Task An_alert_goes_to_the_clinician_on_call_that_day_and_to_the_backup_on_a_day_without_one()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0));
        var onCall = await ReminderArrange.CreateClinicianAsync(app);
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await morgan.PostFormAsync("/clinician/backup", "/clinician/backup", [new("BackupClinicianId", riley.ToString())])).StatusCode);
        var admin = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);
        var save = await admin.PostFormAsync("/admin/on-call", "/admin/on-call", [new(ClinicDayOf(_t0).ToString(), onCall.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Contains($"value=\"{onCall}\" selected", await admin.GetPageAsync("/admin/on-call"));

        var today = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Orla Oncall");
        app.Clock.Set((await RaiseUnsafeAsync(app, today.Id)).AddMinutes(15));
        await ArrangeSafety.EscalateAsync(app);
        Assert.Equal(new Guid?[] { onCall }, await EscalatedToAsync(app, today.Id)); // the clinician on call, not the backup

        // The next day nobody is on call: the backup gets it.
        var tomorrow = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Bram Backup");
        app.Clock.Set(_t0.AddDays(1));
        app.Clock.Set((await RaiseUnsafeAsync(app, tomorrow.Id)).AddMinutes(15));
        await ArrangeSafety.EscalateAsync(app);
        Assert.Equal(new Guid?[] { riley }, await EscalatedToAsync(app, tomorrow.Id));
    }

    [Fact]
    public async Task A_rota_naming_an_inactive_clinician_or_no_clinician_is_refused_and_nothing_is_saved()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0));
        var inactive = await ReminderArrange.CreateClinicianAsync(app);
        await CheckInArrange.SqlAsync(app, $"UPDATE users SET is_active = false WHERE id = {inactive}");
        var adminId = await Arrange.UserIdAsync(app, DemoLogins.AdminEmail);
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);
        var admin = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/on-call", "/admin/on-call", [new("Monday", riley.ToString())])).StatusCode);

        foreach (var (choice, message) in new[] { (inactive.ToString(), "active clinicians"), (adminId.ToString(), "active clinicians"),
                     ("not-an-id", "Choose a clinician from the list, or nobody.") })
        {
            var response = await admin.PostFormAsync("/admin/on-call", "/admin/on-call", [new("Monday", riley.ToString()), new("Friday", choice)]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
        await using (var scope = app.SystemScope())
            Assert.Equal(new[] { (DayOfWeek.Monday, riley) }, (await app.SystemDb(scope).Set<OnCallDay>().ToListAsync()).Select(d => (d.Day, d.ClinicianId)));

        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        Assert.StartsWith("/account/access-denied", (await clinician.Http.GetAsync("/admin/on-call")).Headers.Location?.PathAndQuery);
    }
}
