using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;
using System.Linq.Expressions;
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

    /// <summary>
    /// A row the client may keep private must not leak through the rows that hang off it (addenda, attachments, links): each
    /// table with a foreign key to such a row is filtered through it, i.e. its query filter reads that table.
    /// </summary>
    [Fact]
    public void Rows_under_a_row_the_client_may_keep_private_are_filtered_through_it()
    {
        using var db = new ClinicDbContext(new DbContextOptionsBuilder<ClinicDbContext>().UseNpgsql("Host=unused").Options, AccessScope.System);

        var chosen = db.Model.GetEntityTypes().Where(t => typeof(IClientChosenPrivacy).IsAssignableFrom(t.ClrType)).ToList();
        var dependents = db.Model.GetEntityTypes().SelectMany(t => t.GetForeignKeys())
            .Where(fk => chosen.Contains(fk.PrincipalEntityType) && fk.DeclaringEntityType != fk.PrincipalEntityType)
            .Select(fk => (Dependent: fk.DeclaringEntityType, Principal: fk.PrincipalEntityType.ClrType)).Distinct().ToList();

        Assert.NotEmpty(chosen);
        Assert.NotEmpty(dependents);
        var leaking = dependents.Where(d => !d.Dependent.GetDeclaredQueryFilters().Any(f => TypesIn(f.Expression!).Contains(d.Principal)))
            .Select(d => d.Dependent.ClrType.Name).ToList();
        Assert.Empty(leaking);
    }

    /// <summary>The row types an expression reads (parameters and queries over them).</summary>
    private static HashSet<Type> TypesIn(Expression expression)
    {
        var collector = new TypeCollector();
        collector.Visit(expression);
        return collector.Types;
    }

    private sealed class TypeCollector : ExpressionVisitor
    {
        public HashSet<Type> Types { get; } = [];

        public override Expression? Visit(Expression? node)
        {
            if (node is not null)
            {
                Types.Add(node.Type);
                foreach (var arg in node.Type.IsGenericType ? node.Type.GetGenericArguments() : []) Types.Add(arg);
            }
            return base.Visit(node);
        }
    }
}
