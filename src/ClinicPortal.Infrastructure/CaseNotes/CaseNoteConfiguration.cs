using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.CaseNotes;

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> b)
    {
        b.ToTable("CaseNotes");
        b.HasKey(n => n.Id);
        foreach (var field in new[] { "Subjective", "Objective", "Assessment", "Plan", "Data", "Behavior", "Intervention", "Response", "Body" })
            b.Property<string?>(field).HasMaxLength(CaseNote.FieldMax);
        // xmin guards against two tabs saving over each other (e.g. an edit racing a signature).
        b.HasRowVersion();
        b.HasIndex(n => new { n.ClientId, n.ServiceDate });
        b.HasOne<Client>().WithMany().HasForeignKey(n => n.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(n => n.Addenda).WithOne().HasForeignKey(a => a.NoteId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(n => n.Addenda).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseNoteAddendumConfiguration : IEntityTypeConfiguration<CaseNoteAddendum>
{
    public void Configure(EntityTypeBuilder<CaseNoteAddendum> b)
    {
        b.ToTable("CaseNoteAddenda");
        b.HasKey(a => a.Id);
        b.Property(a => a.Text).HasMaxLength(CaseNoteAddendum.TextMax);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
