using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Incidents;

internal sealed class IncidentAttachmentConfiguration : IEntityTypeConfiguration<IncidentAttachment>
{
    public void Configure(EntityTypeBuilder<IncidentAttachment> b)
    {
        b.ToTable("IncidentAttachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.ContentHash).HasMaxLength(64);
        b.HasIndex(a => new { a.IncidentId, a.AddedAt });
        // With its client, so an attachment cannot hang under another client's entry.
        b.HasOne<IncidentEntry>().WithMany().HasForeignKey(a => new { a.IncidentId, a.ClientId }).HasPrincipalKey(e => new { e.Id, e.ClientId })
            .OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.AddedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
