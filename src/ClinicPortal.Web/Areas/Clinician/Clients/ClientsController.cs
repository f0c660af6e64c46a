using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Features.Invitations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Clients;

[Route("clinician/clients")]
public sealed class ClientsController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, ClientInvitations invitations,
    ClientOverviewQuery overviewQuery)
    : ClinicianController(db)
{
    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => View(new ClientForm { IntakeDate = await calendar.TodayAsync(ct) });

    [HttpPost("new")]
    public async Task<IActionResult> Create(ClientForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(nameof(New), form);
        try
        {
            var client = Client.Create(form.ToDetails(), Me, await calendar.TodayAsync(ct), calendar.UtcNow);
            Db.Clients.Add(client);
            audit.Add(AuditActions.Create, AuditRecords.Client, client.Id, client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Client created.");
            return RedirectToAction(nameof(Overview), new { id = client.Id });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View(nameof(New), form);
        }
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Overview(Guid id, CancellationToken ct)
    {
        if (await overviewQuery.RunAsync(id, ct) is not { } overview) return NotFound();
        var c = overview.Client;
        ViewData["Header"] = new ClientHeader(c.Id, c.DisplayName, c.Pronouns, c.Status, overview.ClinicianName, "overview", overview.ContactSafety);
        await audit.RecordAsync(AuditActions.View, AuditRecords.Client, id, id, ct);
        return View(overview);
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        if (await FindClientAsync(id, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, "overview", ct);
        if (client.IsReadOnly) ModelState.AddModelError("", Client.ReadOnlyMessage);
        return View(ClientForm.From(client));
    }

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Update(Guid id, ClientForm form, CancellationToken ct)
    {
        if (await FindClientAsync(id, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, "overview", ct);
        if (!ModelState.IsValid) return View(nameof(Edit), form);
        try
        {
            client.Update(form.ToDetails(), await calendar.TodayAsync(ct), calendar.UtcNow);
            audit.Add(AuditActions.Update, AuditRecords.Client, id, id);
            await Db.SaveChangesAsync(ct);
            Flash("Client details saved.");
            return RedirectToAction(nameof(Overview), new { id });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View(nameof(Edit), form);
        }
    }

    [HttpPost("{id:guid}/status")]
    public async Task<IActionResult> ChangeStatus(Guid id, ClientStatus status, CancellationToken ct)
    {
        if (await FindClientAsync(id, ct) is not { } client) return NotFound();
        if (!ModelState.IsValid || !Enum.IsDefined(status)) return BadRequest("Choose a valid status.");
        client.ChangeStatus(status, calendar.UtcNow);
        audit.Add(AuditActions.Update, AuditRecords.Client, id, id);
        await Db.SaveChangesAsync(ct);
        Flash(status switch
        {
            ClientStatus.Discharged => "Client discharged. The record is now read-only.",
            ClientStatus.OnHold => "Client put on hold.",
            _ => "Client is active.",
        });
        return RedirectToAction(nameof(Overview), new { id });
    }

    [HttpPost("{id:guid}/invite")]
    public async Task<IActionResult> Invite(Guid id, CancellationToken ct)
    {
        if (await FindClientAsync(id, ct) is not { } client) return NotFound();
        try
        {
            await invitations.SendAsync(client, Me, ct);
            Flash("Invitation sent. The link works once and expires in 72 hours.");
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        return RedirectToAction(nameof(Overview), new { id });
    }

}
