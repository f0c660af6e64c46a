using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.Clients;
using ClinicPortal.Web.Areas.Clinician.Sessions;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.CaseNotes;

[Route("clinician/clients/{clientId:guid}/notes")]
public sealed class CaseNotesController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, NoteSearchQuery search, ClientSessionQuery sessions)
    : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Notes;

    [HttpGet("")]
    public Task<IActionResult> Index([FromQuery] NoteFilter filter, CancellationToken ct)
    {
        // Text search is POST-only so clinical words never land in URLs or logs: text in a link is ignored, not even shown.
        filter.Text = null;
        ModelState.Remove(nameof(filter.Text));
        return List(filter, ct);
    }

    [HttpPost("search")]
    public Task<IActionResult> Search([FromForm] NoteFilter filter, CancellationToken ct) => List(filter, ct);

    /// <param name="sessionId">"Write note" on a session: the note starts linked to it, dated the session's day.</param>
    [HttpGet("new")]
    public async Task<IActionResult> New(NoteFormat format, Guid? sessionId, CancellationToken ct)
    {
        if (Client.IsReadOnly) return ReadOnlyClient(RedirectToAction(nameof(ClientsController.Overview), ControllerNames.Of<ClientsController>()));
        if (!Enum.IsDefined(format)) format = NoteFormat.Soap;
        var today = await calendar.TodayAsync(ct);
        var form = new NoteForm { Format = format, ServiceDate = today };
        if (sessionId is { } id)
        {
            if (await sessions.StartOfAsync(Client.Id, id, ct) is not { } start) return NotFound();
            var day = DateOnly.FromDateTime(SessionCalendar.Local(start, await calendar.ZoneAsync(ct)).DateTime);
            (form.SessionId, form.ServiceDate) = (id, day < today ? day : today);
        }
        return View("Form", await FormPageAsync(null, form, ct));
    }

    [HttpPost("new")]
    public Task<IActionResult> Create(NoteForm form, CancellationToken ct) =>
        SubmitAsync(async () => View("Form", await FormPageAsync(null, form, ct)), async () =>
        {
            Client.EnsureEditable();
            var note = CaseNote.CreateDraft(Client.Id, Me, form.Format, form.ServiceDate ?? throw new DomainRuleException("Choose the session date."),
                form.Sections(), await calendar.TodayAsync(ct), calendar.UtcNow);
            if (form.SessionId is { } sessionId)
            {
                SessionLink.Refuse(await sessions.StartOfAsync(Client.Id, sessionId, ct) is not null);
                note.LinkSession(sessionId);
            }
            Db.CaseNotes.Add(note);
            audit.Add(AuditActions.Create, AuditRecords.CaseNote, note.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Draft saved.");
            return RedirectToAction(nameof(Show), new { noteId = note.Id });
        });

    [HttpGet("{noteId:guid}")]
    public async Task<IActionResult> Show(Guid noteId, CancellationToken ct) => await ShowAsync(noteId, null, ct);

    /// <summary>The note, audited as a view; <paramref name="addendumDraft"/> refills the addendum box after a refusal.</summary>
    private async Task<IActionResult> ShowAsync(Guid noteId, string? addendumDraft, CancellationToken ct)
    {
        if (await FindNoteAsync(noteId, ct) is not { } note) return NotFound();
        await audit.RecordAsync(AuditActions.View, AuditRecords.CaseNote, noteId, Client.Id, ct);
        return View(nameof(Show), await NotePageAsync(note, ct) with { AddendumDraft = addendumDraft });
    }

    [HttpGet("{noteId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid noteId, CancellationToken ct)
    {
        if (await FindNoteAsync(noteId, ct) is not { } note) return NotFound();
        if (note.IsSigned || Client.IsReadOnly) return Refuse(noteId, note.IsSigned ? CaseNote.LockedMessage : Core.Clients.Client.ReadOnlyMessage);
        await audit.RecordAsync(AuditActions.View, AuditRecords.CaseNote, noteId, Client.Id, ct); // the form shows the draft's text
        return View("Form", await FormPageAsync(noteId, Versioned(NoteForm.From(note), note), ct));
    }

    [HttpPost("{noteId:guid}/edit")]
    public async Task<IActionResult> Update(Guid noteId, NoteForm form, CancellationToken ct)
    {
        if (await FindNoteAsync(noteId, ct) is not { } note) return NotFound();
        if (note.IsSigned) return Refuse(noteId, CaseNote.LockedMessage);
        (form.Format, form.SessionId) = (note.Format, note.SessionId); // fixed once a note exists
        return await SubmitAsync(async () => View("Form", await FormPageAsync(noteId, form, ct)), async () =>
        {
            Client.EnsureEditable();
            ExpectVersion(note, form);
            note.EditDraft(form.ServiceDate ?? throw new DomainRuleException("Choose the session date."), form.Sections(),
                await calendar.TodayAsync(ct), calendar.UtcNow);
            audit.Add(AuditActions.Update, AuditRecords.CaseNote, noteId, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Draft saved.");
            return RedirectToAction(nameof(Show), new { noteId });
        }, () => Edit(noteId, ct));
    }

    [HttpPost("{noteId:guid}/sign")]
    public async Task<IActionResult> Sign(Guid noteId, VersionForm shown, CancellationToken ct)
    {
        if (await FindNoteAsync(noteId, ct) is not { } note) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Show), new { noteId }), async () =>
        {
            Client.EnsureEditable();
            if (!note.IsSigned) ExpectVersion(note, shown); // sign only the text the clinician read (signing twice has its own message)
            note.Sign(Me, calendar.UtcNow);
            audit.Add(AuditActions.Sign, AuditRecords.CaseNote, noteId, Client.Id);
            await Db.SaveChangesAsync(ct);
            return "Note signed. It is now locked; corrections go in addenda.";
        });
    }

    [HttpPost("{noteId:guid}/addenda")]
    public async Task<IActionResult> AddAddendum(Guid noteId, [FromForm] string? text, CancellationToken ct)
    {
        if (await FindNoteAsync(noteId, ct) is not { } note) return NotFound();
        // A refused addendum comes back in this response, never through a cookie: it is clinical text.
        return await SubmitAsync(() => ShowAsync(noteId, text?.Length > CaseNoteAddendum.TextMax ? null : text, ct), async () =>
        {
            Client.EnsureEditable();
            Db.CaseNoteAddenda.Add(note.AddAddendum(Me, text, calendar.UtcNow));
            audit.Add(AuditActions.Addendum, AuditRecords.CaseNote, noteId, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Addendum added.");
            return RedirectToAction(nameof(Show), new { noteId });
        });
    }

    private async Task<IActionResult> List(NoteFilter filter, CancellationToken ct)
    {
        if (filter.Text?.Length > NoteSearchQuery.TextMax)
        {
            ModelState.AddModelError("", $"Search text must be at most {NoteSearchQuery.TextMax} characters.");
            filter.Text = null;
            ModelState.Remove(nameof(filter.Text));
        }
        if (filter.From > filter.To) ModelState.AddModelError("", "The 'from' date is after the 'to' date.");
        var notes = ModelState.IsValid ? await search.RunAsync(Client.Id, filter, ct) : [];
        await audit.RecordAsync(AuditActions.View, AuditRecords.CaseNote, null, Client.Id, ct);
        return View(nameof(Index), new NoteListPage(Client.IsReadOnly, filter, notes));
    }

    private Task<CaseNote?> FindNoteAsync(Guid noteId, CancellationToken ct) =>
        Db.CaseNotes.Include(n => n.Addenda).SingleOrDefaultAsync(n => n.Id == noteId && n.ClientId == Client.Id, ct);

    private async Task<NotePage> NotePageAsync(CaseNote note, CancellationToken ct)
    {
        var ids = note.Addenda.Select(a => a.AuthorId).Append(note.AuthorId).Concat(note.SignedById is { } s ? [s] : []).Distinct().ToList();
        var names = await Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var addenda = note.Addenda.OrderBy(a => a.CreatedAt).Select(a => new AddendumView(names[a.AuthorId], a.CreatedAt, a.Text)).ToList();
        var zone = await calendar.ZoneAsync(ct);
        var session = note.SessionId is { } sessionId ? await sessions.StartOfAsync(Client.Id, sessionId, ct) : null;
        return new NotePage(Client.IsReadOnly, note, names[note.AuthorId], note.SignedById is { } by ? names[by] : null, addenda, zone,
            session is { } start ? ClientSessionQuery.Label(start, zone) : null) { Version = Db.VersionOf(note) };
    }

    private async Task<NoteFormPage> FormPageAsync(Guid? noteId, NoteForm form, CancellationToken ct)
    {
        var start = form.SessionId is { } sessionId ? await sessions.StartOfAsync(Client.Id, sessionId, ct) : null;
        return new NoteFormPage(noteId, form, start is { } s ? ClientSessionQuery.Label(s, await calendar.ZoneAsync(ct)) : null);
    }

    private IActionResult Refuse(Guid noteId, string message)
    {
        Error(message);
        return RedirectToAction(nameof(Show), new { noteId });
    }
}
