using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Safety;

/// <summary>The weekly on-call rota: at most one row per day of the week.</summary>
internal sealed class OnCallDayConfiguration : IEntityTypeConfiguration<OnCallDay>
{
    public void Configure(EntityTypeBuilder<OnCallDay> b)
    {
        b.ToTable("OnCallDays");
        b.HasKey(d => d.Day);
        b.Property(d => d.Day).ValueGeneratedNever();
        b.HasIndex(d => d.ClinicianId);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.ClinicianId).OnDelete(DeleteBehavior.Restrict);
    }
}
