using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Features.Invitations;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Clients;

[Route("clinician/clients")]
public sealed class ClientsController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, ClientInvitations invitations,
    ClientSignIns signIns, ClientOverviewQuery overviewQuery)
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
        return View(nameof(Edit), Versioned(ClientForm.From(Client), Client)); // named: also shown from Update
    }

    [HttpPost("{clientId:guid}/edit")]
    public Task<IActionResult> Update(ClientForm form, CancellationToken ct) =>
        SubmitAsync(() => View(nameof(Edit), form), async () =>
        {
            Client.EnsureEditable();
            ExpectVersion(Client, form);
            Client.Update(form.ToDetails(), await calendar.TodayAsync(ct), calendar.UtcNow);
            audit.Add(AuditActions.Update, AuditRecords.Client, Client.Id, Client.Id);
            await signIns.FollowEmailAsync(Client); // the sign-in address follows the email; saves
            Flash("Client details saved.");
            return RedirectToAction(nameof(Overview));
        }, async () =>
        {
            await Db.Entry(Client).ReloadAsync(ct); // the record as the other window saved it
            return Edit();
        });

    [HttpPost("{clientId:guid}/status")]
    public async Task<IActionResult> ChangeStatus(ClientStatus status, CancellationToken ct)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(status)) return BadRequest("Choose a valid status.");
        var discharging = status == ClientStatus.Discharged && !Client.IsReadOnly;
        Client.ChangeStatus(status, calendar.UtcNow);
        audit.Add(AuditActions.Update, AuditRecords.Client, Client.Id, Client.Id);
        if (discharging) await signIns.EndAccessAsync(Client, ct); // the client's sessions end within a minute; saves
        else await Db.SaveChangesAsync(ct);
        Flash(status switch
        {
            ClientStatus.Discharged => Client.UserId is null ? "Client discharged. The record is now read-only."
                : "Client discharged. The record is now read-only, and the client's sign-in has ended.",
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

    /// <summary>A first sign-in by a code given in person (for a client whose email is not safe): shown once.</summary>
    [HttpPost("{clientId:guid}/invite/code")]
    public Task<IActionResult> InviteWithCode(CancellationToken ct) =>
        ShowCodeAsync(async () =>
        {
            Client.EnsureEditable();
            if (Client.UserId is not null) throw new Core.Common.DomainRuleException("This client already has a sign-in: re-issue it instead.");
            return await invitations.IssueCodeAsync(Client, Me, ct);
        });

    /// <summary>Ends every session, clears the password and two-step sign-in, then a new link by email or a code in person.</summary>
    [HttpPost("{clientId:guid}/sign-in/reissue")]
    public async Task<IActionResult> Reissue([BindingMessage("Choose how the client gets their new sign-in.")] ReissueMethod method, CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest("Choose how the client gets their new sign-in.");
        if (method == ReissueMethod.InPersonCode)
            return await ShowCodeAsync(async () => (await signIns.ReissueAsync(Client, Me, method, ct))!);
        return await ActAsync(RedirectToAction(nameof(Overview)), async () =>
        {
            await signIns.ReissueAsync(Client, Me, method, ct);
            return "Sign-in re-issued: every session has ended and the password and two-step sign-in are cleared. A new invitation is on its way (72 hours).";
        });
    }

    private async Task<IActionResult> ShowCodeAsync(Func<Task<string>> issue)
    {
        try
        {
            return View("SignInCode", new SignInCodePage(Client.Id, await issue(), Client.Email!, ClientInvitations.Lifetime));
        }
        catch (Exception e) when (Refusals.MessageFor(e) is { } message)
        {
            Db.ChangeTracker.Clear();
            Error(message);
            return RedirectToAction(nameof(Overview));
        }
    }
}
