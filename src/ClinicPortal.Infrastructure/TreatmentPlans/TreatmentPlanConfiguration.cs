using ClinicPortal.Core.Clients;
using ClinicPortal.Core.TreatmentPlans;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.TreatmentPlans;

internal sealed class TreatmentPlanConfiguration : IEntityTypeConfiguration<TreatmentPlan>
{
    public void Configure(EntityTypeBuilder<TreatmentPlan> b)
    {
        b.ToTable("TreatmentPlans");
        b.HasKey(p => p.Id);
        b.Property(p => p.PresentingProblems).HasMaxLength(PlanContent.TextMax);
        b.Property(p => p.Interventions).HasMaxLength(PlanContent.TextMax);
        b.Property(p => p.Goals).HasColumnType("jsonb");
        b.HasRowVersion();
        b.HasIndex(p => p.ClientId).IsUnique();
        b.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TreatmentPlanRevisionConfiguration : IEntityTypeConfiguration<TreatmentPlanRevision>
{
    public void Configure(EntityTypeBuilder<TreatmentPlanRevision> b)
    {
        b.ToTable("TreatmentPlanRevisions");
        b.HasKey(r => r.Id);
        b.Property(r => r.Summary).HasMaxLength(TreatmentPlanRevision.SummaryMax);
        b.Property(r => r.Snapshot).HasColumnType("jsonb");
        b.HasRowVersion(); // signing and acknowledging change a revision: two posts at once must not both do it
        b.HasIndex(r => new { r.PlanId, r.Number }).IsUnique();
        b.HasIndex(r => new { r.ClientId, r.CreatedAt });
        b.HasOne<TreatmentPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.SignedById).OnDelete(DeleteBehavior.Restrict);
    }
}
