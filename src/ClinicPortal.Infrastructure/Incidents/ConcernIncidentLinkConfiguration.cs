using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Incidents;

internal sealed class ConcernIncidentLinkConfiguration : IEntityTypeConfiguration<ConcernIncidentLink>
{
    public void Configure(EntityTypeBuilder<ConcernIncidentLink> b)
    {
        b.ToTable("ConcernIncidentLinks");
        b.HasKey(l => l.Id);
        b.HasIndex(l => new { l.ConcernId, l.IncidentId }).IsUnique(); // linked once
        b.HasIndex(l => l.ClientId);
        b.HasOne<Client>().WithMany().HasForeignKey(l => l.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SafetyConcern>().WithMany().HasForeignKey(l => l.ConcernId).OnDelete(DeleteBehavior.Restrict);
        // Through the entry's (id, client) key: a link can only name an entry of the same client.
        b.HasOne<IncidentEntry>().WithMany().HasForeignKey(l => new { l.IncidentId, l.ClientId }).HasPrincipalKey(e => new { e.Id, e.ClientId })
            .OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.LinkedById).OnDelete(DeleteBehavior.Restrict);
    }
}
