using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.CaseNotes;

[Route("clinician/clients/{clientId:guid}/notes")]
public sealed class CaseNotesController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, NoteSearch search)
    : ClinicianController(db)
{
    private const string ChangedElsewhere = "This note was changed in another window. Reload it and try again.";

    [HttpGet("")]
    public Task<IActionResult> Index(Guid clientId, [FromQuery] NoteFilter filter, CancellationToken ct)
    {
        filter.Text = null; // text search is POST-only so clinical words never land in URLs or logs
        return List(clientId, filter, ct);
    }

    [HttpPost("search")]
    public Task<IActionResult> Search(Guid clientId, [FromForm] NoteFilter filter, CancellationToken ct) => List(clientId, filter, ct);

    [HttpGet("new")]
    public async Task<IActionResult> New(Guid clientId, NoteFormat format, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, "notes", ct);
        if (client.IsReadOnly) return ReadOnlyClient(clientId, "Overview", "Clients", new { id = clientId });
        if (!Enum.IsDefined(format)) format = NoteFormat.Soap;
        return View("Form", new NoteFormPage(clientId, null, new NoteForm { Format = format, ServiceDate = await calendar.TodayAsync(ct) }));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(Guid clientId, NoteForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, "notes", ct);
        var page = new NoteFormPage(clientId, null, form);
        if (!ModelState.IsValid) return View("Form", page);
        try
        {
            client.EnsureEditable();
            var note = CaseNote.CreateDraft(clientId, Me, form.Format, form.ServiceDate ?? throw new DomainRuleException("Choose the session date."),
                form.Sections(), await calendar.TodayAsync(ct), calendar.UtcNow);
            Db.CaseNotes.Add(note);
            audit.Add(AuditActions.Create, AuditRecords.CaseNote, note.Id, clientId);
            await Db.SaveChangesAsync(ct);
            Flash("Draft saved.");
            return RedirectToAction(nameof(Show), new { clientId, noteId = note.Id });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("Form", page);
        }
    }

    [HttpGet("{noteId:guid}")]
    public async Task<IActionResult> Show(Guid clientId, Guid noteId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindNoteAsync(clientId, noteId, ct) is not { } note) return NotFound();
        await SetHeaderAsync(client, "notes", ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.CaseNote, noteId, clientId, ct);
        return View(await NotePageAsync(client.IsReadOnly, note, ct));
    }

    [HttpGet("{noteId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid clientId, Guid noteId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindNoteAsync(clientId, noteId, ct) is not { } note) return NotFound();
        await SetHeaderAsync(client, "notes", ct);
        if (note.IsSigned || client.IsReadOnly) return Refuse(clientId, noteId, note.IsSigned ? LockedMessage : Client.ReadOnlyMessage);
        return View("Form", new NoteFormPage(clientId, noteId, NoteForm.From(note)));
    }

    [HttpPost("{noteId:guid}/edit")]
    public async Task<IActionResult> Update(Guid clientId, Guid noteId, NoteForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindNoteAsync(clientId, noteId, ct) is not { } note) return NotFound();
        await SetHeaderAsync(client, "notes", ct);
        form.Format = note.Format; // the format is fixed once a note exists
        var page = new NoteFormPage(clientId, noteId, form);
        if (!ModelState.IsValid) return View("Form", page);
        try
        {
            client.EnsureEditable();
            note.EditDraft(form.ServiceDate ?? throw new DomainRuleException("Choose the session date."), form.Sections(),
                await calendar.TodayAsync(ct), calendar.UtcNow);
            audit.Add(AuditActions.Update, AuditRecords.CaseNote, noteId, clientId);
            await Db.SaveChangesAsync(ct);
            Flash("Draft saved.");
            return RedirectToAction(nameof(Show), new { clientId, noteId });
        }
        catch (DomainRuleException e) when (note.IsSigned)
        {
            return Refuse(clientId, noteId, e.Message);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("Form", page);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ChangedElsewhere);
            return View("Form", page);
        }
    }

    [HttpPost("{noteId:guid}/sign")]
    public async Task<IActionResult> Sign(Guid clientId, Guid noteId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindNoteAsync(clientId, noteId, ct) is not { } note) return NotFound();
        try
        {
            client.EnsureEditable();
            note.Sign(Me, calendar.UtcNow);
            audit.Add(AuditActions.Sign, AuditRecords.CaseNote, noteId, clientId);
            await Db.SaveChangesAsync(ct);
            Flash("Note signed. It is now locked; corrections go in addenda.");
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = ChangedElsewhere;
        }
        return RedirectToAction(nameof(Show), new { clientId, noteId });
    }

    [HttpPost("{noteId:guid}/addenda")]
    public async Task<IActionResult> AddAddendum(Guid clientId, Guid noteId, [FromForm] string? text, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindNoteAsync(clientId, noteId, ct) is not { } note) return NotFound();
        try
        {
            client.EnsureEditable();
            var addendum = note.AddAddendum(Me, text, calendar.UtcNow);
            Db.CaseNoteAddenda.Add(addendum);
            audit.Add(AuditActions.Addendum, AuditRecords.CaseNote, noteId, clientId);
            await Db.SaveChangesAsync(ct);
            Flash("Addendum added.");
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
            TempData["AddendumText"] = text?.Length > CaseNoteAddendum.TextMax ? null : text;
        }
        return RedirectToAction(nameof(Show), new { clientId, noteId });
    }

    private const string LockedMessage = "This note is signed and locked. Add an addendum to correct or extend it.";

    private async Task<IActionResult> List(Guid clientId, NoteFilter filter, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, "notes", ct);
        if (filter.Text?.Length > NoteSearch.TextMax)
        {
            ModelState.AddModelError("", $"Search text must be at most {NoteSearch.TextMax} characters.");
            filter.Text = null;
        }
        if (filter.From > filter.To) ModelState.AddModelError("", "The 'from' date is after the 'to' date.");
        var notes = ModelState.IsValid ? await search.RunAsync(clientId, filter, ct) : [];
        await audit.RecordAsync(AuditActions.View, AuditRecords.CaseNote, null, clientId, ct);
        return View("Index", new NoteListPage(clientId, client.IsReadOnly, filter, notes));
    }

    private Task<CaseNote?> FindNoteAsync(Guid clientId, Guid noteId, CancellationToken ct) =>
        Db.CaseNotes.Include(n => n.Addenda).SingleOrDefaultAsync(n => n.Id == noteId && n.ClientId == clientId, ct);

    private async Task<NotePage> NotePageAsync(bool clientReadOnly, CaseNote note, CancellationToken ct)
    {
        var ids = note.Addenda.Select(a => a.AuthorId).Append(note.AuthorId).Concat(note.SignedById is { } s ? [s] : []).Distinct().ToList();
        var names = await Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var addenda = note.Addenda.OrderBy(a => a.CreatedAt).Select(a => new AddendumView(names[a.AuthorId], a.CreatedAt, a.Text)).ToList();
        return new NotePage(note.ClientId, clientReadOnly, note, names[note.AuthorId], note.SignedById is { } by ? names[by] : null, addenda, await calendar.ZoneAsync(ct));
    }

    private IActionResult Refuse(Guid clientId, Guid noteId, string message)
    {
        TempData["Error"] = message;
        return RedirectToAction(nameof(Show), new { clientId, noteId });
    }

}
