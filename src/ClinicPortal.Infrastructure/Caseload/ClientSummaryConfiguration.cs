using ClinicPortal.Core.Caseload;
using ClinicPortal.Core.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Caseload;

/// <summary>Written only by the database's triggers (0009_client_summaries.sql); the app reads it.</summary>
internal sealed class ClientSummaryConfiguration : IEntityTypeConfiguration<ClientSummary>
{
    public void Configure(EntityTypeBuilder<ClientSummary> b)
    {
        b.ToTable("ClientSummaries");
        b.HasKey(s => s.ClientId);
        b.HasOne<Client>().WithOne().HasForeignKey<ClientSummary>(s => s.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
