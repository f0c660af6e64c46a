using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.CheckIns;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        b.ToTable("CheckIns");
        b.HasKey(c => c.Id);
        b.Property(c => c.ContactNote).HasMaxLength(CheckIn.ContactNoteMax);
        b.Property(c => c.SharedJournal).HasMaxLength(CheckIn.JournalMax);
        b.Property(c => c.OwnReason).HasMaxLength(OwnReasons.Max);
        // xmin guards against two tabs saving over each other within the edit window.
        b.HasRowVersion();
        b.HasIndex(c => new { c.ClientId, c.CreatedAt });
        b.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A check-in's answers per person: read with the check-in, and with its boundary (both the client's).</summary>
internal sealed class CheckInPersonConfiguration : IEntityTypeConfiguration<CheckInPerson>
{
    public void Configure(EntityTypeBuilder<CheckInPerson> b)
    {
        b.ToTable("CheckInPeople");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.CheckInId, p.BoundaryId }).IsUnique();
        b.HasIndex(p => p.ClientId);
        b.HasIndex(p => p.BoundaryId);
        b.HasOne<CheckIn>().WithMany().HasForeignKey(p => p.CheckInId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Boundary>().WithMany().HasForeignKey(p => p.BoundaryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Private journal text lives in its own table: the check-in has no navigation to it, and the context's filter
/// (<see cref="IClientPrivateRecord"/>) lets only the signed-in client themself read it.
/// </summary>
internal sealed class PrivateJournalEntryConfiguration : IEntityTypeConfiguration<PrivateJournalEntry>
{
    public void Configure(EntityTypeBuilder<PrivateJournalEntry> b)
    {
        b.ToTable("PrivateJournalEntries");
        b.HasKey(j => j.Id);
        b.Property(j => j.Text).HasMaxLength(CheckIn.JournalMax);
        b.HasIndex(j => j.CheckInId).IsUnique();
        b.HasIndex(j => j.ClientId);
        b.HasOne<CheckIn>().WithMany().HasForeignKey(j => j.CheckInId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(j => j.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SelfCareChecklistConfiguration : IEntityTypeConfiguration<SelfCareChecklist>
{
    public void Configure(EntityTypeBuilder<SelfCareChecklist> b)
    {
        b.ToTable("SelfCareChecklists");
        b.HasKey(l => l.ClientId);
        b.HasRowVersion();
        b.HasOne<Client>().WithOne().HasForeignKey<SelfCareChecklist>(l => l.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
