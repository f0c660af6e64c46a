using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Incidents;

internal sealed class IncidentEntryConfiguration : IEntityTypeConfiguration<IncidentEntry>
{
    public void Configure(EntityTypeBuilder<IncidentEntry> b)
    {
        b.ToTable("IncidentEntries", t => t.HasCheckConstraint("ck_incident_entries_one_person", "boundary_id IS NULL OR support_person_id IS NULL"));
        b.HasKey(e => e.Id);
        b.Property(e => e.Place).HasMaxLength(IncidentRules.PlaceMax);
        b.Property(e => e.Account).HasMaxLength(IncidentRules.AccountMax);
        b.Property(e => e.Witnesses).HasMaxLength(IncidentRules.WitnessesMax);
        b.Property(e => e.PoliceReportNumber).HasMaxLength(IncidentRules.PoliceReportNumberMax);
        b.Property(e => e.PoliceOfficer).HasMaxLength(IncidentRules.PoliceOfficerMax);
        b.Property(e => e.PoliceBadge).HasMaxLength(IncidentRules.PoliceBadgeMax);
        b.Property(e => e.Feeling).HasMaxLength(IncidentRules.FeelingMax);
        b.Property(e => e.ContentHash).HasMaxLength(64);
        // Corrections inside the window race nothing but another window of the same author.
        b.HasRowVersion();
        // A client's incidents by when they happened, newest first (the list pages).
        b.HasIndex(e => new { e.ClientId, e.OccurredAt }).IsDescending(false, true);
        // Addenda name their entry together with its client (a composite key), so an addendum cannot sit under another client's entry.
        b.HasAlternateKey(e => new { e.Id, e.ClientId });
        b.HasOne<Client>().WithMany().HasForeignKey(e => e.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.WrittenByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Boundary>().WithMany().HasForeignKey(e => e.BoundaryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupportPerson>().WithMany().HasForeignKey(e => e.SupportPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CheckIn>().WithMany().HasForeignKey(e => e.FromCheckInId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncidentAddendumConfiguration : IEntityTypeConfiguration<IncidentAddendum>
{
    public void Configure(EntityTypeBuilder<IncidentAddendum> b)
    {
        b.ToTable("IncidentAddenda");
        b.HasKey(a => a.Id);
        b.Property(a => a.Text).HasMaxLength(IncidentRules.AddendumMax);
        b.Property(a => a.ContentHash).HasMaxLength(64);
        b.HasIndex(a => new { a.IncidentId, a.WrittenAt });
        b.HasOne<IncidentEntry>().WithMany().HasForeignKey(a => new { a.IncidentId, a.ClientId }).HasPrincipalKey(e => new { e.Id, e.ClientId })
            .OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.WrittenByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
