using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Clients;

internal sealed class ClientTransferConfiguration : IEntityTypeConfiguration<ClientTransfer>
{
    public void Configure(EntityTypeBuilder<ClientTransfer> b)
    {
        b.ToTable("ClientTransfers");
        b.HasKey(t => t.Id);
        b.Property(t => t.Reason).HasMaxLength(ClientTransfer.ReasonMax);
        b.HasIndex(t => new { t.ClientId, t.TransferredAt });
        b.HasOne<Client>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.FromClinicianId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.ToClinicianId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.TransferredById).OnDelete(DeleteBehavior.Restrict);
    }
}
