using ClinicPortal.Core.Messages;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Messages;
using ClinicPortal.Web.Areas.Clinician.Clients;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Messages;

/// <summary>
/// The client's secure thread as their clinician sees it. The data filters decide who may read it, so a clinician
/// covering the client reads and answers it through the same pages. Reading is audited and marks the client's
/// messages read (the caseload's unread signal clears); an answer queues a content-free notice to the client.
/// </summary>
[Route("clinician/clients/{clientId:guid}/messages")]
public sealed class MessagesController(ClinicDbContext db, ClinicCalendar calendar, SecureThread thread)
    : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Messages;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(null, ct));

    [HttpPost("")]
    public Task<IActionResult> Send([FromForm] string? body, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Index), await PageAsync(body, ct)), async () =>
        {
            await thread.SendAsync(SecureMessage.FromClinician(Client, Me, body, calendar.UtcNow), ct);
            Flash("Message sent. The client is told there is a new message, if their contact safety allows, never what it says.");
            return RedirectToAction(nameof(Index));
        });

    private async Task<ClinicianThreadPage> PageAsync(string? draft, CancellationToken ct)
    {
        var messages = await thread.OpenAsync(Client.Id, readerIsClient: false, calendar.UtcNow, ct);
        var settings = await calendar.SettingsAsync(ct);
        return new ClinicianThreadPage(Client.IsReadOnly, messages, draft, MessageThread.ReplyTime(settings.MessageReplyDays), await calendar.ZoneAsync(ct));
    }
}
