using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Identity;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(120);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(u => u.BackupClinicianId).OnDelete(DeleteBehavior.Restrict);
    }
}
