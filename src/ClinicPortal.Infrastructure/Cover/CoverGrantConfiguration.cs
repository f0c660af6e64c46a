using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Cover;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Cover;

/// <summary>Covers given: who may reach which client when. Read by the client filter, so it has no filter of its own.</summary>
internal sealed class CoverGrantConfiguration : IEntityTypeConfiguration<CoverGrant>
{
    public void Configure(EntityTypeBuilder<CoverGrant> b)
    {
        b.ToTable("CoverGrants");
        b.HasKey(g => g.Id);
        b.Property<uint>("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        b.HasIndex(g => new { g.CoveringClinicianId, g.ClientId });
        b.HasIndex(g => new { g.GrantorClinicianId, g.GrantedAt });
        b.HasIndex(g => g.ClientId);
        b.HasOne<Client>().WithMany().HasForeignKey(g => g.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(g => g.GrantorClinicianId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(g => g.CoveringClinicianId).OnDelete(DeleteBehavior.Restrict);
    }
}
