using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Cover;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>
/// The one database context. Every clinical table carries a query filter built from the caller's
/// <see cref="AccessScope"/>, so authorization holds in the data access itself, not only in the pages.
/// Which clients a clinician reaches is defined once, in the client filter; every other clinical filter
/// asks the (filtered) clients.
/// </summary>
public sealed class ClinicDbContext(DbContextOptions<ClinicDbContext> options, IAccessScopeSource scope, TimeProvider? clock = null)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options)
{
    // Read by the query filters at query time (EF parameterises members of the context).
    private AccessKind ScopeKind => scope.Current.Kind;
    private Guid ScopeUserId => scope.Current.UserId;
    /// <summary>The app's clock (a test's hand-driven one too), so a cover ends on the same clock as everything else.</summary>
    private DateTimeOffset Now => (clock ?? TimeProvider.System).GetUtcNow();

    public DbSet<ClinicSettings> ClinicSettings => Set<ClinicSettings>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<CaseNoteAddendum> CaseNoteAddenda => Set<CaseNoteAddendum>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();
    public DbSet<CoverGrant> CoverGrants => Set<CoverGrant>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClinicDbContext).Assembly);

        // A clinician reaches their own clients, and the clients they cover right now (CoverGrant.StateAt is Active,
        // given by the client's current clinician).
        builder.Entity<Client>().HasQueryFilter(c =>
            ScopeKind == AccessKind.System
            || ScopeKind == AccessKind.Admin
            || (ScopeKind == AccessKind.Clinician && (c.PrimaryClinicianId == ScopeUserId
                || CoverGrants.Any(g => g.ClientId == c.Id && g.CoveringClinicianId == ScopeUserId && g.GrantorClinicianId == c.PrimaryClinicianId
                    && g.RevokedAt == null && g.StartsAt <= Now && Now < g.EndsAt)))
            || (ScopeKind == AccessKind.Client && c.UserId == ScopeUserId));

        // Every clinical table gets its filter from its marker interface, so a new feature cannot forget one.
        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(IClientChosenPrivacy).IsAssignableFrom(type))
                GetType().GetMethod(nameof(FilterClientChosen), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type).Invoke(this, [builder]);
            else if (typeof(IClientPrivateRecord).IsAssignableFrom(type))
                GetType().GetMethod(nameof(FilterClientPrivate), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type).Invoke(this, [builder]);
            else if (typeof(IClientVisibleRecord).IsAssignableFrom(type))
                GetType().GetMethod(nameof(FilterClientVisible), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type).Invoke(this, [builder]);
            else if (typeof(IClinicalRecord).IsAssignableFrom(type))
                GetType().GetMethod(nameof(FilterClinical), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type).Invoke(this, [builder]);
        }
        builder.Entity<CaseNoteAddendum>().HasQueryFilter(a =>
            ScopeKind == AccessKind.System
            || (ScopeKind == AccessKind.Clinician && CaseNotes.Any(n => n.Id == a.NoteId)));
        // An addendum follows its entry: whoever the entry's filter lets read it (so a private entry's addenda stay the client's).
        builder.Entity<IncidentAddendum>().HasQueryFilter(a => Set<IncidentEntry>().Any(e => e.Id == a.IncidentId && e.ClientId == a.ClientId));
        // A concern's link to an incident: clinical (staff only), and only while its entry is readable (a private one hides its link too).
        builder.Entity<ConcernIncidentLink>().HasQueryFilter(l =>
            (ScopeKind == AccessKind.System || (ScopeKind == AccessKind.Clinician && Clients.Any(c => c.Id == l.ClientId)))
            && Set<IncidentEntry>().Any(e => e.Id == l.IncidentId && e.ClientId == l.ClientId));
        builder.Entity<IncidentAttachment>().HasQueryFilter(a => Set<IncidentEntry>().Any(e => e.Id == a.IncidentId && e.ClientId == a.ClientId));

        SnakeCaseNames.Apply(builder);
    }

    private void FilterClinical<T>(ModelBuilder builder) where T : class, IClinicalRecord =>
        builder.Entity<T>().HasQueryFilter(r =>
            ScopeKind == AccessKind.System
            || (ScopeKind == AccessKind.Clinician && Clients.Any(c => c.Id == r.ClientId))); // the client filter decides which

    /// <summary>
    /// Only the signed-in client themself: never a clinician, an administrator, or the system scope that
    /// jobs, exports and reports run under (the system scope may still write such rows, e.g. when seeding).
    /// </summary>
    private void FilterClientPrivate<T>(ModelBuilder builder) where T : class, IClientPrivateRecord =>
        builder.Entity<T>().HasQueryFilter(r =>
            ScopeKind == AccessKind.Client && Clients.Any(c => c.Id == r.ClientId && c.UserId == ScopeUserId));

    /// <summary>
    /// The owning client always; a clinician who reaches the client, and the system scope, only while the client has not
    /// kept the row private. So no staff page, job, report or export made by staff reads a private row; an export the client
    /// makes runs in the client's own scope.
    /// </summary>
    private void FilterClientChosen<T>(ModelBuilder builder) where T : class, IClientChosenPrivacy =>
        builder.Entity<T>().HasQueryFilter(r =>
            (ScopeKind == AccessKind.Client && Clients.Any(c => c.Id == r.ClientId && c.UserId == ScopeUserId))
            || (!r.IsPrivate && (ScopeKind == AccessKind.System || (ScopeKind == AccessKind.Clinician && Clients.Any(c => c.Id == r.ClientId)))));

    private void FilterClientVisible<T>(ModelBuilder builder) where T : class, IClientVisibleRecord =>
        builder.Entity<T>().HasQueryFilter(r =>
            ScopeKind == AccessKind.System
            || (ScopeKind == AccessKind.Clinician && Clients.Any(c => c.Id == r.ClientId))
            || (ScopeKind == AccessKind.Client && Clients.Any(c => c.Id == r.ClientId && c.UserId == ScopeUserId)));
}
