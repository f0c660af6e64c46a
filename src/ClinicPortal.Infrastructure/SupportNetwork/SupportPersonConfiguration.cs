using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.SupportNetwork;

internal sealed class SupportPersonConfiguration : IEntityTypeConfiguration<SupportPerson>
{
    public void Configure(EntityTypeBuilder<SupportPerson> b)
    {
        // The database refuses a risk contact marked as crisis contact too, whatever writes the row.
        b.ToTable("SupportPeople", t => t.HasCheckConstraint("ck_support_people_risk_is_never_crisis",
            $"role <> {(int)SupportRole.Risk} OR NOT is_crisis_contact"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(SupportPerson.NameMax);
        b.Property(x => x.Relationship).HasMaxLength(SupportPerson.RelationshipMax);
        b.Property(x => x.Phone).HasMaxLength(SupportPerson.PhoneMax);
        b.Property(x => x.Email).HasMaxLength(SupportPerson.EmailMax);
        b.Property(x => x.Notes).HasMaxLength(SupportPerson.NotesMax);
        b.HasRowVersion();
        b.HasIndex(x => x.ClientId);
        b.HasIndex(x => x.BoundaryId);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Boundary>().WithMany().HasForeignKey(x => x.BoundaryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupportRoleChangeConfiguration : IEntityTypeConfiguration<SupportRoleChange>
{
    public void Configure(EntityTypeBuilder<SupportRoleChange> b)
    {
        b.ToTable("SupportRoleChanges");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.PersonId, x.ChangedAt });
        b.HasIndex(x => new { x.ClientId, x.ChangedAt });
        b.HasOne<SupportPerson>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.ChangedById).OnDelete(DeleteBehavior.Restrict);
    }
}
