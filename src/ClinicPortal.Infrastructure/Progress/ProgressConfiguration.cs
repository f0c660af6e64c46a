using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Progress;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Progress;

internal sealed class StageModelConfiguration : IEntityTypeConfiguration<StageModel>
{
    public void Configure(EntityTypeBuilder<StageModel> b)
    {
        b.ToTable("StageModels");
        b.HasKey(m => m.Id);
        b.Property(m => m.Name).HasMaxLength(StageModel.NameMax);
        b.HasIndex(m => m.Name).IsUnique();
        b.Ignore(m => m.OrderedStages);
        b.HasMany(m => m.Stages).WithOne().HasForeignKey(s => s.ModelId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Stages).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StageConfiguration : IEntityTypeConfiguration<Stage>
{
    public void Configure(EntityTypeBuilder<Stage> b)
    {
        b.ToTable("Stages");
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(Stage.NameMax);
        b.Property(s => s.Description).HasMaxLength(Stage.DescriptionMax);
        b.HasIndex(s => new { s.ModelId, s.Position }).IsUnique();
    }
}

internal sealed class ClientStageModelConfiguration : IEntityTypeConfiguration<ClientStageModel>
{
    public void Configure(EntityTypeBuilder<ClientStageModel> b)
    {
        b.ToTable("ClientStageModels");
        b.HasKey(h => h.Id);
        b.HasIndex(h => new { h.ClientId, h.StartedAt });
        b.HasOne<Client>().WithMany().HasForeignKey(h => h.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StageModel>().WithMany().HasForeignKey(h => h.ModelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(h => h.ChangedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StageAssessmentConfiguration : IEntityTypeConfiguration<StageAssessment>
{
    public void Configure(EntityTypeBuilder<StageAssessment> b)
    {
        b.ToTable("StageAssessments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Evidence).HasMaxLength(StageAssessment.EvidenceMax);
        b.HasIndex(a => new { a.ClientId, a.AssessedOn });
        b.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StageModel>().WithMany().HasForeignKey(a => a.ModelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Stage>().WithMany().HasForeignKey(a => a.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CaseNote>().WithMany().HasForeignKey(a => a.NoteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}
