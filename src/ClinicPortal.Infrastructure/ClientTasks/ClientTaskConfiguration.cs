using ClinicPortal.Core.ClientTasks;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.ClientTasks;

internal sealed class ClientTaskConfiguration : IEntityTypeConfiguration<ClientTask>
{
    public void Configure(EntityTypeBuilder<ClientTask> b)
    {
        b.ToTable("ClientTasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Title).HasMaxLength(ClientTask.TitleMax);
        b.HasRowVersion();
        b.HasIndex(t => new { t.ClientId, t.DueOn });
        b.HasOne<Client>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.GivenById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClientTaskTickConfiguration : IEntityTypeConfiguration<ClientTaskTick>
{
    public void Configure(EntityTypeBuilder<ClientTaskTick> b)
    {
        b.ToTable("ClientTaskTicks");
        b.HasKey(t => t.Id);
        b.HasIndex(t => new { t.ClientId, t.At });
        b.HasIndex(t => new { t.TaskId, t.At });
        b.HasOne<ClientTask>().WithMany().HasForeignKey(t => t.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}
