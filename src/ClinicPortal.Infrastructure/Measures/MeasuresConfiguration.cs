using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Measures;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Measures;

internal sealed class MeasureResponseConfiguration : IEntityTypeConfiguration<MeasureResponse>
{
    public const int CodeMax = 16;
    public const int VersionMax = 64;

    public void Configure(EntityTypeBuilder<MeasureResponse> b)
    {
        b.ToTable("MeasureResponses");
        b.HasKey(r => r.Id);
        b.Property(r => r.InstrumentCode).HasMaxLength(CodeMax);
        b.Property(r => r.InstrumentVersion).HasMaxLength(VersionMax);
        b.Ignore(r => r.Instrument);
        // xmin: a draft saved in two windows must not overwrite the other, nor a draft land on a submitted response.
        b.HasRowVersion();
        b.HasIndex(r => new { r.ClientId, r.InstrumentCode, r.SubmittedAt });
        // One response per session per schedule, however often the job runs.
        b.HasIndex(r => new { r.ScheduleId, r.SessionId }).IsUnique();
        b.HasIndex(r => new { r.ScheduleId, r.DueAt }).IsUnique();
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MeasureSchedule>().WithMany().HasForeignKey(r => r.ScheduleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TherapySession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AssignedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.EnteredById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeasureScheduleConfiguration : IEntityTypeConfiguration<MeasureSchedule>
{
    public void Configure(EntityTypeBuilder<MeasureSchedule> b)
    {
        b.ToTable("MeasureSchedules");
        b.HasKey(s => s.Id);
        b.Property(s => s.InstrumentCode).HasMaxLength(MeasureResponseConfiguration.CodeMax);
        b.HasRowVersion();
        b.HasIndex(s => s.ClientId);
        b.HasOne<Client>().WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeasureNoteConfiguration : IEntityTypeConfiguration<MeasureNote>
{
    public void Configure(EntityTypeBuilder<MeasureNote> b)
    {
        b.ToTable("MeasureNotes");
        b.HasKey(n => n.Id);
        b.Property(n => n.Text).HasMaxLength(MeasureNote.TextMax);
        b.HasIndex(n => n.ResponseId);
        b.HasOne<MeasureResponse>().WithMany().HasForeignKey(n => n.ResponseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(n => n.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
