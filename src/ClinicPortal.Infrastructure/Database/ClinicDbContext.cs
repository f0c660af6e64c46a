using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>
/// The one database context. Every clinical table carries a query filter built from the caller's
/// <see cref="AccessScope"/>, so authorization holds in the data access itself, not only in the pages.
/// </summary>
public sealed class ClinicDbContext(DbContextOptions<ClinicDbContext> options, IAccessScopeSource scope)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options)
{
    // Read by the query filters at query time (EF parameterises members of the context).
    private AccessKind ScopeKind => scope.Current.Kind;
    private Guid ScopeUserId => scope.Current.UserId;

    public DbSet<ClinicSettings> ClinicSettings => Set<ClinicSettings>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<CaseNoteAddendum> CaseNoteAddenda => Set<CaseNoteAddendum>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClinicDbContext).Assembly);

        builder.Entity<Client>().HasQueryFilter(c =>
            ScopeKind == AccessKind.System
            || ScopeKind == AccessKind.Admin
            || (ScopeKind == AccessKind.Clinician && c.PrimaryClinicianId == ScopeUserId)
            || (ScopeKind == AccessKind.Client && c.UserId == ScopeUserId));

        // Every clinical table gets its filter from its marker interface, so a new feature cannot forget one.
        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(IClientPrivateRecord).IsAssignableFrom(type))
                GetType().GetMethod(nameof(FilterClientPrivate), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type).Invoke(this, [builder]);
            else if (typeof(IClientVisibleRecord).IsAssignableFrom(type))
                GetType().GetMethod(nameof(FilterClientVisible), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type).Invoke(this, [builder]);
            else if (typeof(IClinicalRecord).IsAssignableFrom(type))
                GetType().GetMethod(nameof(FilterClinical), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type).Invoke(this, [builder]);
        }
        builder.Entity<CaseNoteAddendum>().HasQueryFilter(a =>
            ScopeKind == AccessKind.System
            || (ScopeKind == AccessKind.Clinician && CaseNotes.Any(n => n.Id == a.NoteId)));

        SnakeCaseNames.Apply(builder);
    }

    private void FilterClinical<T>(ModelBuilder builder) where T : class, IClinicalRecord =>
        builder.Entity<T>().HasQueryFilter(r =>
            ScopeKind == AccessKind.System
            || (ScopeKind == AccessKind.Clinician && Clients.Any(c => c.Id == r.ClientId && c.PrimaryClinicianId == ScopeUserId)));

    /// <summary>
    /// Only the signed-in client themself: never a clinician, an administrator, or the system scope that
    /// jobs, exports and reports run under (the system scope may still write such rows, e.g. when seeding).
    /// </summary>
    private void FilterClientPrivate<T>(ModelBuilder builder) where T : class, IClientPrivateRecord =>
        builder.Entity<T>().HasQueryFilter(r =>
            ScopeKind == AccessKind.Client && Clients.Any(c => c.Id == r.ClientId && c.UserId == ScopeUserId));

    private void FilterClientVisible<T>(ModelBuilder builder) where T : class, IClientVisibleRecord =>
        builder.Entity<T>().HasQueryFilter(r =>
            ScopeKind == AccessKind.System
            || (ScopeKind == AccessKind.Clinician && Clients.Any(c => c.Id == r.ClientId && c.PrimaryClinicianId == ScopeUserId))
            || (ScopeKind == AccessKind.Client && Clients.Any(c => c.Id == r.ClientId && c.UserId == ScopeUserId)));
}
