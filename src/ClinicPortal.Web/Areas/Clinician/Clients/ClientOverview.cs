using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;

namespace ClinicPortal.Web.Areas.Clinician.Clients;

public sealed record RecentNote(Guid Id, DateOnly ServiceDate, NoteFormat Format, NoteStatus Status);

/// <summary>Everything the client overview shows; later features add their sections here.</summary>
public sealed record ClientOverview(Client Client, string ClinicianName, IReadOnlyList<RecentNote> RecentNotes, bool HasPendingInvitation);
