using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.CaseNotes;

/// <summary>One client's notes, filtered, newest first, as a single query.</summary>
public sealed class NoteSearchQuery(ClinicDbContext db)
{
    public const int TextMax = 200;

    public async Task<List<NoteListItem>> RunAsync(Guid clientId, NoteFilter f, CancellationToken ct)
    {
        var notes = db.CaseNotes.Where(n => n.ClientId == clientId);
        if (f.Format is { } format) notes = notes.Where(n => n.Format == format);
        if (f.Status is { } status) notes = notes.Where(n => n.Status == status);
        if (f.From is { } from) notes = notes.Where(n => n.ServiceDate >= from);
        if (f.To is { } to) notes = notes.Where(n => n.ServiceDate <= to);
        if (f.Session is { } session) notes = notes.Where(n => n.SessionId == session);
        if (f.Text?.Trim() is { Length: > 0 } text)
        {
            var p = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            notes = notes.Where(n =>
                EF.Functions.ILike(n.Subjective ?? "", p) || EF.Functions.ILike(n.Objective ?? "", p) || EF.Functions.ILike(n.Assessment ?? "", p)
                || EF.Functions.ILike(n.Plan ?? "", p) || EF.Functions.ILike(n.Data ?? "", p) || EF.Functions.ILike(n.Behavior ?? "", p)
                || EF.Functions.ILike(n.Intervention ?? "", p) || EF.Functions.ILike(n.Response ?? "", p) || EF.Functions.ILike(n.Body ?? "", p)
                || db.CaseNoteAddenda.Any(a => a.NoteId == n.Id && EF.Functions.ILike(a.Text, p)));
        }

        return await notes
            .OrderByDescending(n => n.ServiceDate).ThenByDescending(n => n.CreatedAt)
            .Select(n => new NoteListItem(n.Id, n.ServiceDate, n.Format, n.Status,
                db.Users.Where(u => u.Id == n.AuthorId).Select(u => u.DisplayName).First(),
                db.CaseNoteAddenda.Count(a => a.NoteId == n.Id),
                n.Subjective ?? n.Data ?? n.Behavior ?? n.Body))
            .ToListAsync(ct);
    }
}
