using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Sessions;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<TherapySession>
{
    public void Configure(EntityTypeBuilder<TherapySession> b)
    {
        b.ToTable("Sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Location).HasMaxLength(TherapySession.LocationMax);
        b.Property(s => s.VideoLink).HasMaxLength(VideoLink.Max);
        b.HasRowVersion();
        b.HasIndex(s => new { s.ClinicianId, s.StartsAt });
        b.HasIndex(s => new { s.ClientId, s.StartsAt });
        b.HasOne<Client>().WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.ClinicianId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Key).HasMaxLength(OutboxMessage.KeyMax);
        b.Property(m => m.ClaimedBy).HasMaxLength(100);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMax);
        b.HasIndex(m => m.Key).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.SessionId);
        b.HasOne<Client>().WithMany().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.RecipientUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CheckInPromptSettingConfiguration : IEntityTypeConfiguration<CheckInPromptSetting>
{
    public void Configure(EntityTypeBuilder<CheckInPromptSetting> b)
    {
        b.ToTable("CheckInPromptSettings");
        b.HasKey(p => p.ClientId);
        b.HasOne<Client>().WithOne().HasForeignKey<CheckInPromptSetting>(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}
