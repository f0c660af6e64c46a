using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
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
    : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Overview;

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => View(new ClientForm { IntakeDate = await calendar.TodayAsync(ct) });

    [HttpPost("new")]
    public Task<IActionResult> Create(ClientForm form, CancellationToken ct) =>
        SubmitAsync(() => View(nameof(New), form), async () =>
        {
            var client = Client.Create(form.ToDetails(), Me, await calendar.TodayAsync(ct), calendar.UtcNow);
            Db.Clients.Add(client);
            audit.Add(AuditActions.Create, AuditRecords.Client, client.Id, client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Client created.");
            return RedirectToAction(nameof(Overview), new { clientId = client.Id });
        });

    [HttpGet("{clientId:guid}")]
    public async Task<IActionResult> Overview(CancellationToken ct)
    {
        var overview = await overviewQuery.RunAsync(Client, Header.ClinicianName, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.Client, Client.Id, Client.Id, ct);
        return View(overview);
    }

    [HttpGet("{clientId:guid}/edit")]
    public IActionResult Edit()
    {
        if (Client.IsReadOnly) ModelState.AddModelError("", Core.Clients.Client.ReadOnlyMessage);
        return View(ClientForm.From(Client));
    }

    [HttpPost("{clientId:guid}/edit")]
    public Task<IActionResult> Update(ClientForm form, CancellationToken ct) =>
        SubmitAsync(() => View(nameof(Edit), form), async () =>
        {
            Client.Update(form.ToDetails(), await calendar.TodayAsync(ct), calendar.UtcNow);
            audit.Add(AuditActions.Update, AuditRecords.Client, Client.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Client details saved.");
            return RedirectToAction(nameof(Overview));
        });

    [HttpPost("{clientId:guid}/status")]
    public async Task<IActionResult> ChangeStatus(ClientStatus status, CancellationToken ct)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(status)) return BadRequest("Choose a valid status.");
        Client.ChangeStatus(status, calendar.UtcNow);
        audit.Add(AuditActions.Update, AuditRecords.Client, Client.Id, Client.Id);
        await Db.SaveChangesAsync(ct);
        Flash(status switch
        {
            ClientStatus.Discharged => "Client discharged. The record is now read-only.",
            ClientStatus.OnHold => "Client put on hold.",
            _ => "Client is active.",
        });
        return RedirectToAction(nameof(Overview));
    }

    [HttpPost("{clientId:guid}/invite")]
    public Task<IActionResult> Invite(CancellationToken ct) =>
        ActAsync(RedirectToAction(nameof(Overview)), async () =>
        {
            await invitations.SendAsync(Client, Me, ct);
            return "Invitation sent. The link works once and expires in 72 hours.";
        });
}
