using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Incidents;

/// <summary>The incident log's foundation against the real database: privacy filter, integrity (window, trigger, hashes), who-reference.</summary>
public sealed class IncidentLogTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task A_private_entry_and_its_addenda_reach_only_the_client_never_a_clinician_an_administrator_or_the_system_scope()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Pia Private");
        var shared = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId);
        var kept = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId, isPrivate: true);
        await IncidentArrange.AddendumAsync(app, login.Client.Id, kept.Id, login.UserId, "More about the private one.");
        await IncidentArrange.AddendumAsync(app, login.Client.Id, shared.Id, login.UserId, "More about the shared one.");
        var morgan = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);
        var admin = await Arrange.UserIdAsync(app, Web.Demo.DemoLogins.AdminEmail);

        // Which entries, and the entries of which addenda, a scope reads: "entries | addenda".
        async Task<string> SeenAs(AccessKind kind, Guid userId)
        {
            await using var db = IncidentArrange.As(app, kind, userId);
            var entries = await db.Set<IncidentEntry>().Where(e => e.ClientId == login.Client.Id).Select(e => e.Id).ToListAsync();
            var addenda = await db.Set<IncidentAddendum>().Where(a => a.ClientId == login.Client.Id).Select(a => a.IncidentId).ToListAsync();
            return Ids(entries) + " | " + Ids(addenda);
        }
        static string Ids(IEnumerable<Guid> ids) => string.Join(",", ids.Order());

        Assert.Equal(Ids([kept.Id, shared.Id]) + " | " + Ids([kept.Id, shared.Id]), await SeenAs(AccessKind.Client, login.UserId));
        var sharedOnly = Ids([shared.Id]) + " | " + Ids([shared.Id]);
        Assert.Equal(sharedOnly, await SeenAs(AccessKind.Clinician, morgan));
        Assert.Equal(sharedOnly, await SeenAs(AccessKind.System, Guid.Empty));
        Assert.Equal(" | ", await SeenAs(AccessKind.Clinician, riley)); // not Riley's client at all
        Assert.Equal(" | ", await SeenAs(AccessKind.Admin, admin));
        Assert.Equal(" | ", await SeenAs(AccessKind.Client, Guid.NewGuid()));

        // Nothing about the private entry reaches the audit log, which staff read.
        Assert.DoesNotContain(await Arrange.AuditAsync(app, login.Client.Id), a => a.RecordId == kept.Id.ToString());
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.Create, RecordType: AuditRecords.IncidentEntry } && a.RecordId == shared.Id.ToString());
    }

    [Fact]
    public async Task A_person_of_another_client_or_one_not_shared_with_the_client_is_refused_and_nothing_is_saved()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Wes Who");
        var other = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Olive Other");
        var theirs = await BoundaryArrange.BoundaryAsync(app, other);
        var mine = await BoundaryArrange.BoundaryAsync(app, login.Client);
        var notShared = await BoundaryArrange.PersonAsync(app, login.Client, "Relay Person", SupportRole.Risk);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);

        foreach (var (details, by) in new[]
        {
            (IncidentArrange.Details(boundaryId: theirs.Id), IncidentAuthor.Client),
            (IncidentArrange.Details(boundaryId: theirs.Id), IncidentAuthor.Clinician),
            (IncidentArrange.Details(supportPersonId: notShared.Id), IncidentAuthor.Client),
            (IncidentArrange.Details(boundaryId: mine.Id, supportPersonId: notShared.Id), IncidentAuthor.Clinician),
            (IncidentArrange.Details(occurredAt: DateTimeOffset.UtcNow.AddHours(1)), IncidentAuthor.Client),
        })
            await Assert.ThrowsAsync<DomainRuleException>(() =>
                IncidentArrange.WriteAsync(app, login.Client.Id, by == IncidentAuthor.Client ? login.UserId : login.Client.PrimaryClinicianId, by: by, details: details));

        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
        // The clinician may name a person the client does not see; the client names their own boundary person.
        Assert.Equal(notShared.Id, (await IncidentArrange.WriteAsync(app, login.Client.Id, login.Client.PrimaryClinicianId, by: IncidentAuthor.Clinician,
            details: IncidentArrange.Details(supportPersonId: notShared.Id))).SupportPersonId);
        Assert.Equal(mine.Id, (await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId, details: IncidentArrange.Details(boundaryId: mine.Id))).BoundaryId);
    }

    [Fact]
    public async Task After_the_window_the_log_refuses_a_correction_and_the_database_refuses_a_direct_update_but_takes_an_addendum()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Cora Closed");
        var entry = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId);
        await IncidentArrange.BackdateAsync(app, entry.Id, TimeSpan.FromHours(2));

        await using (var scope = app.SystemScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<IncidentLog>();
            var tracked = (await log.FindAsync(login.Client.Id, entry.Id, default))!;
            var refused = await Assert.ThrowsAsync<DomainRuleException>(() => log.CorrectAsync(tracked, IncidentArrange.Details("Other words"), false, login.UserId, default));
            Assert.Equal(IncidentRules.WindowClosedMessage, refused.Message);
        }

        var direct = await Assert.ThrowsAsync<PostgresException>(() => IncidentArrange.ExecuteAsync(app,
            "UPDATE incident_entries SET account = 'Other words' WHERE id = @id", new NpgsqlParameter("id", entry.Id)));
        Assert.Contains("add an addendum", direct.MessageText);
        await Assert.ThrowsAsync<PostgresException>(() => IncidentArrange.ExecuteAsync(app,
            "DELETE FROM incident_entries WHERE id = @id", new NpgsqlParameter("id", entry.Id)));
        // A setting that is not content may still change.
        await IncidentArrange.ExecuteAsync(app, "UPDATE incident_entries SET is_private = true WHERE id = @id", new NpgsqlParameter("id", entry.Id));

        var addendum = await IncidentArrange.AddendumAsync(app, login.Client.Id, entry.Id, login.UserId, "The words were slightly different.");
        await Assert.ThrowsAsync<PostgresException>(() => IncidentArrange.ExecuteAsync(app,
            "UPDATE incident_addenda SET text = 'x' WHERE id = @id", new NpgsqlParameter("id", addendum.Id)));
        await Assert.ThrowsAsync<PostgresException>(() => IncidentArrange.ExecuteAsync(app,
            "DELETE FROM incident_addenda WHERE id = @id", new NpgsqlParameter("id", addendum.Id)));
    }

    [Fact]
    public async Task Inside_the_window_the_author_corrects_and_the_hash_follows()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Cal Corrects");
        var entry = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId);

        await using (var scope = app.SystemScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<IncidentLog>();
            var tracked = (await log.FindAsync(login.Client.Id, entry.Id, default))!;
            await log.CorrectAsync(tracked, IncidentArrange.Details("They texted: \"You can't hide.\""), false, login.UserId, default);
        }

        await using var check = app.SystemScope();
        var stored = await check.ServiceProvider.GetRequiredService<Infrastructure.Database.ClinicDbContext>().Set<IncidentEntry>().AsNoTracking().SingleAsync(e => e.Id == entry.Id);
        Assert.Equal("They texted: \"You can't hide.\"", stored.Account);
        Assert.NotNull(stored.CorrectedAt);
        Assert.NotEqual(entry.ContentHash, stored.ContentHash);
        Assert.True(stored.IsIntact);
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.Update, RecordType: AuditRecords.IncidentEntry } && a.RecordId == entry.Id.ToString());
    }

    [Fact]
    public async Task Verification_recomputes_the_hashes_and_finds_a_row_changed_behind_the_apps_back()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Vera Verify");
        var intact = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId);
        var tampered = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId);
        var addendum = await IncidentArrange.AddendumAsync(app, login.Client.Id, intact.Id, login.Client.PrimaryClinicianId, "Seen in session.", IncidentAuthor.Clinician);
        var badAddendum = await IncidentArrange.AddendumAsync(app, login.Client.Id, tampered.Id, login.UserId, "Original addendum words.");
        await IncidentArrange.BackdateAsync(app, tampered.Id, TimeSpan.FromDays(3));

        // Someone with the database owner's rights switches the guards off and rewrites the words.
        await IncidentArrange.ExecuteAsync(app, """
            BEGIN;
            ALTER TABLE incident_entries DISABLE TRIGGER incident_entries_locked;
            ALTER TABLE incident_addenda DISABLE TRIGGER incident_addenda_locked;
            UPDATE incident_entries SET account = 'Nothing happened.' WHERE id = @entry;
            UPDATE incident_addenda SET text = 'Changed addendum words.' WHERE id = @addendum;
            ALTER TABLE incident_entries ENABLE TRIGGER incident_entries_locked;
            ALTER TABLE incident_addenda ENABLE TRIGGER incident_addenda_locked;
            COMMIT;
            """, new NpgsqlParameter("entry", tampered.Id), new NpgsqlParameter("addendum", badAddendum.Id));

        await using var scope = app.SystemScope();
        var checks = await scope.ServiceProvider.GetRequiredService<IncidentLog>().VerifyAsync(login.Client.Id, [intact.Id, tampered.Id], default);

        Assert.Equal(new Dictionary<Guid, bool> { [intact.Id] = true, [tampered.Id] = false, [addendum.Id] = true, [badAddendum.Id] = false },
            checks.ToDictionary(c => c.Id, c => c.Intact));
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.Verify, RecordType: AuditRecords.IncidentEntry } && a.RecordId == tampered.Id.ToString());
    }
}
