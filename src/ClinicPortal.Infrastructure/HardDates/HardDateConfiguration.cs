using ClinicPortal.Core.Clients;
using ClinicPortal.Core.HardDates;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.HardDates;

internal sealed class HardDateConfiguration : IEntityTypeConfiguration<HardDate>
{
    public void Configure(EntityTypeBuilder<HardDate> b)
    {
        b.ToTable("HardDates");
        b.HasKey(d => d.Id);
        b.Property(d => d.Label).HasMaxLength(HardDate.LabelMax);
        b.HasIndex(d => new { d.ClientId, d.Date });
        b.HasOne<Client>().WithMany().HasForeignKey(d => d.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.AddedById).OnDelete(DeleteBehavior.Restrict);
    }
}
