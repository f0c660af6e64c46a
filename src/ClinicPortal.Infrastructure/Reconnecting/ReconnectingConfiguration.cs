using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.BoundaryPlans;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Reconnecting;

internal sealed class TrialContactPlanConfiguration : IEntityTypeConfiguration<TrialContactPlan>
{
    public void Configure(EntityTypeBuilder<TrialContactPlan> b)
    {
        b.ToTable("TrialContactPlans");
        b.HasKey(x => x.Id);
        b.Property(x => x.Frequency).HasMaxLength(TrialContactPlan.FrequencyMax);
        b.Property(x => x.FirstMeetingPlace).HasMaxLength(TrialContactPlan.PlaceMax);
        b.Property(x => x.MetCriterion).HasMaxLength(TrialContactPlan.CriterionMax);
        b.Property(x => x.OtherReason).HasMaxLength(TrialContactPlan.OtherReasonMax);
        b.Property(x => x.ExitCriteria).AsJsonList();
        b.HasRowVersion();
        // One plan in force per boundary: the rule the boundary's "plan in force" relies on.
        b.HasIndex(x => x.BoundaryId).IsUnique().HasFilter("ended_at IS NULL");
        b.HasIndex(x => x.ClientId);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Boundary>().WithMany().HasForeignKey(x => x.BoundaryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupportPerson>().WithMany().HasForeignKey(x => x.StandbyPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReadinessReflectionConfiguration : IEntityTypeConfiguration<ReadinessReflection>
{
    public void Configure(EntityTypeBuilder<ReadinessReflection> b)
    {
        b.ToTable("ReadinessReflections");
        b.HasKey(x => x.Id);
        b.Property(x => x.Answers).AsJsonList();
        b.HasIndex(x => new { x.ClientId, x.CreatedAt });
        b.HasIndex(x => x.BoundaryId);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Boundary>().WithMany().HasForeignKey(x => x.BoundaryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.ReviewedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrialDebriefConfiguration : IEntityTypeConfiguration<TrialDebrief>
{
    public void Configure(EntityTypeBuilder<TrialDebrief> b)
    {
        b.ToTable("TrialDebriefs");
        b.HasKey(x => x.Id);
        b.Property(x => x.Answers).AsJsonList();
        // One answer (or skip) per ended trial: the offer is made once.
        b.HasIndex(x => x.PlanId).IsUnique();
        b.HasIndex(x => x.ClientId);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TrialContactPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}
