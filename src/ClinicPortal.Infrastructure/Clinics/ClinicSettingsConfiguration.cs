using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Clinics;

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
        b.HasRowVersion();
    }
}
