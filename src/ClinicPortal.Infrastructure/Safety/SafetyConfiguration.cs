using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Safety;

internal sealed class SafetyConcernConfiguration : IEntityTypeConfiguration<SafetyConcern>
{
    public void Configure(EntityTypeBuilder<SafetyConcern> b)
    {
        b.ToTable("SafetyConcerns");
        b.HasKey(c => c.Id);
        b.Property(c => c.OtherType).HasMaxLength(SafetyConcern.OtherTypeMax);
        b.Property(c => c.InvolvedPerson).HasMaxLength(SafetyConcern.InvolvedMax);
        b.Property(c => c.Description).HasMaxLength(SafetyConcern.DescriptionMax);
        b.Property(c => c.ResolutionNote).HasMaxLength(SafetyConcern.ResolutionMax);
        // SupportPersonId and BoundaryId point into tables owned by other features; no foreign key here.
        b.HasRowVersion();
        b.HasIndex(c => new { c.ClientId, c.Status });
        b.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.ConcernId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Changes).WithOne().HasForeignKey(h => h.ConcernId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(c => c.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SafetyConcernActionConfiguration : IEntityTypeConfiguration<SafetyConcernAction>
{
    public void Configure(EntityTypeBuilder<SafetyConcernAction> b)
    {
        b.ToTable("SafetyConcernActions");
        b.HasKey(a => a.Id);
        // Set by the domain: a new action reached through its concern's Actions is inserted, not mistaken for an existing row.
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Note).HasMaxLength(SafetyConcernAction.NoteMax);
        b.HasIndex(a => a.ClientId);
        b.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SafetyConcernChangeConfiguration : IEntityTypeConfiguration<SafetyConcernChange>
{
    public void Configure(EntityTypeBuilder<SafetyConcernChange> b)
    {
        b.ToTable("SafetyConcernChanges");
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever(); // as for actions: saved through the concern's Changes
        b.Property(h => h.Summary).HasMaxLength(SafetyConcernChange.SummaryMax);
        b.Property(h => h.PreviousDescription).HasMaxLength(SafetyConcern.DescriptionMax);
        b.Property(h => h.PreviousResolutionNote).HasMaxLength(SafetyConcern.ResolutionMax);
        b.HasIndex(h => h.ClientId);
        b.HasOne<Client>().WithMany().HasForeignKey(h => h.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(h => h.ChangedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClinicianAlertConfiguration : IEntityTypeConfiguration<ClinicianAlert>
{
    public void Configure(EntityTypeBuilder<ClinicianAlert> b)
    {
        b.ToTable("ClinicianAlerts");
        b.HasKey(a => a.Id);
        b.Property(a => a.ResponseNote).HasMaxLength(ClinicianAlert.ResponseNoteMax);
        b.HasIndex(a => new { a.ClientId, a.AcknowledgedAt });
        // One overdue-review alert per concern per review date, even if two scheduler nodes race.
        b.HasIndex(a => new { a.ConcernId, a.Kind, a.ReviewDate }).IsUnique();
        b.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SafetyConcern>().WithMany().HasForeignKey(a => a.ConcernId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.AcknowledgedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SafetyPlanConfiguration : IEntityTypeConfiguration<SafetyPlan>
{
    public void Configure(EntityTypeBuilder<SafetyPlan> b)
    {
        b.ToTable("SafetyPlans");
        b.HasKey(p => p.Id);
        foreach (var step in SafetyPlan.Steps)
            b.Property<string?>(step.Step.ToString()).HasMaxLength(SafetyPlan.StepMax);
        b.HasRowVersion();
        b.HasIndex(p => p.ClientId).IsUnique();
        b.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SafetyPlanRevisionConfiguration : IEntityTypeConfiguration<SafetyPlanRevision>
{
    public void Configure(EntityTypeBuilder<SafetyPlanRevision> b)
    {
        b.ToTable("SafetyPlanRevisions");
        b.HasKey(r => r.Id);
        b.Property(r => r.Summary).HasMaxLength(SafetyPlanRevision.SummaryMax);
        b.Property(r => r.Snapshot).HasColumnType("jsonb");
        b.HasIndex(r => new { r.PlanId, r.Number }).IsUnique();
        b.HasIndex(r => new { r.ClientId, r.CreatedAt });
        b.HasOne<SafetyPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CrisisResourceConfiguration : IEntityTypeConfiguration<CrisisResource>
{
    public void Configure(EntityTypeBuilder<CrisisResource> b)
    {
        b.ToTable("CrisisResources");
        b.HasKey(r => r.Id);
        b.Property(r => r.Name).HasMaxLength(CrisisResource.NameMax);
        b.Property(r => r.Phone).HasMaxLength(CrisisResource.NumberMax);
        b.Property(r => r.TextNumber).HasMaxLength(CrisisResource.NumberMax);
        b.Property(r => r.TextKeyword).HasMaxLength(CrisisResource.KeywordMax);
        b.Property(r => r.Url).HasMaxLength(CrisisResource.UrlMax);
        b.Property(r => r.WhenToUse).HasMaxLength(CrisisResource.WhenToUseMax);
        b.HasRowVersion();
        b.HasIndex(r => r.SortOrder);
    }
}
