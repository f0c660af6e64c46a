using ClinicPortal.Core.Messages;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Messages;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.Web.Areas.ClientSpace.Unsafe;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.ClientSpace.Messages;

/// <summary>
/// The client's secure thread with their clinician. Whose thread it is comes from the sign-in only; the standing notice
/// (not for emergencies, the usual reply time, the crisis numbers) sits above it. A discharged client reads, never sends.
/// </summary>
[Route("client/messages")]
public sealed class MessagesController(ClinicDbContext db, ClinicCalendar calendar, SecureThread thread, CrisisResourceCache crisis)
    : ClientSpaceController(db, calendar)
{
    protected override bool RequiresOwnRecord => true;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(null, ct));

    [HttpPost("")]
    public Task<IActionResult> Send([FromForm] string? body, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Index), await PageAsync(body, ct)), async () =>
        {
            await thread.SendAsync(SecureMessage.FromTheClient(Own.ClientId, Own.IsReadOnly, Me, body, Calendar.UtcNow), ct);
            Flash("Message sent.");
            return RedirectToAction(nameof(Index));
        });

    private async Task<ClientThreadPage> PageAsync(string? draft, CancellationToken ct)
    {
        var messages = await thread.OpenAsync(Own.ClientId, readerIsClient: true, Calendar.UtcNow, ct);
        var settings = await Calendar.SettingsAsync(ct);
        var lines = (await crisis.ActiveAsync(ct)).Select(CrisisLine.From).ToList();
        return new ClientThreadPage(Own.IsReadOnly, messages, draft, MessageThread.ReplyTime(settings.MessageReplyDays),
            lines.Count > 0 ? lines : UnsafeController.FallbackLines, Own.Zone);
    }
}
