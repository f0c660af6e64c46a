using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Clinics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Accounts;

internal sealed class OneTimeTokenConfiguration : IEntityTypeConfiguration<OneTimeToken>
{
    public void Configure(EntityTypeBuilder<OneTimeToken> b)
    {
        b.ToTable("OneTimeTokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Purpose).HasMaxLength(40);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => new { t.Purpose, t.SubjectId });
    }
}

internal sealed class ClinicSettingsConfiguration : IEntityTypeConfiguration<ClinicSettings>
{
    public void Configure(EntityTypeBuilder<ClinicSettings> b)
    {
        b.ToTable("ClinicSettings");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Name).HasMaxLength(120);
        b.Property(s => s.TimeZoneId).HasMaxLength(64);
        foreach (var words in new[] { nameof(ClinicSettings.MessageSenderName), nameof(ClinicSettings.ReminderSubject), nameof(ClinicSettings.PromptSubject), nameof(ClinicSettings.AccountSubject) })
            b.Property(words).HasMaxLength(ClinicSettingsRules.MessageWordsMax);
        b.Property(s => s.QuickExitUrl).HasMaxLength(ClinicSettingsRules.QuickExitUrlMax);
    }
}
