using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Security;

public sealed class ClinicalFilterGuardTests
{
    // Tables that name a client but hold no clinical content (who-did-what rows, one-time links).
    // Outbox: delivery state only, text is built at send time. Cover: who may reach a client when, read by the client filter itself.
    private static readonly string[] NotClinical = ["AuditEntry", "OneTimeToken", "OutboxMessage", "CoverGrant"];

    [Fact]
    public void Every_table_about_a_client_is_filtered_by_the_access_scope()
    {
        using var db = new ClinicDbContext(new DbContextOptionsBuilder<ClinicDbContext>().UseNpgsql("Host=unused").Options, AccessScope.System);

        var unguarded = db.Model.GetEntityTypes()
            .Where(t => t.ClrType != typeof(Client) && t.FindProperty("ClientId") is not null)
            .Where(t => !typeof(IClinicalRecord).IsAssignableFrom(t.ClrType) && !typeof(IClientPrivateRecord).IsAssignableFrom(t.ClrType)
                && !NotClinical.Contains(t.ClrType.Name))
            .Select(t => t.ClrType.Name).ToList();
        var unfiltered = db.Model.GetEntityTypes()
            .Where(t => (typeof(IClinicalRecord).IsAssignableFrom(t.ClrType) || typeof(IClientPrivateRecord).IsAssignableFrom(t.ClrType))
                && t.GetDeclaredQueryFilters().Count == 0)
            .Select(t => t.ClrType.Name).ToList();

        Assert.Empty(unguarded);
        Assert.Empty(unfiltered);
    }
}
