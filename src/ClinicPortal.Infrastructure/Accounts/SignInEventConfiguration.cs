using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Accounts;

internal sealed class SignInEventConfiguration : IEntityTypeConfiguration<SignInEvent>
{
    public void Configure(EntityTypeBuilder<SignInEvent> b)
    {
        b.ToTable("SignInEvents");
        b.HasKey(e => e.Id);
        b.Property(e => e.Browser).HasMaxLength(SignInEvent.BrowserMax);
        b.Property(e => e.Device).HasMaxLength(SignInEvent.DeviceMax);
        b.Property(e => e.MaskedAddress).HasMaxLength(SignInEvent.AddressMax);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.UserId, e.At });
    }
}
