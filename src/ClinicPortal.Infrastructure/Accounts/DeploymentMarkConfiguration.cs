using ClinicPortal.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Accounts;

internal sealed class DeploymentMarkConfiguration : IEntityTypeConfiguration<DeploymentMark>
{
    public void Configure(EntityTypeBuilder<DeploymentMark> b)
    {
        b.ToTable("DeploymentMark");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
    }
}
