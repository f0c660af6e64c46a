using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Web.Areas.Clinician;

/// <summary>
/// Base for the pages about one client, whose routes start <c>clinician/clients/{clientId}</c>. Before the
/// action runs it loads the client (tracked, for changes) and its header in one statement; a client outside
/// the clinician's scope, or none, answers 404 and the action never runs. The header is shown by _ClientLayout.
/// </summary>
public abstract class ClientRecordController(ClinicDbContext db) : ClinicianController(db)
{
    /// <summary>The route value every client page is keyed by.</summary>
    public const string ClientIdKey = "clientId";

    private Client? _client;

    /// <summary>The tab of the client header this controller's pages belong to.</summary>
    protected abstract ClientSection Section { get; }

    /// <summary>The client the route names, in the signed-in clinician's scope.</summary>
    protected Client Client => _client ?? throw new InvalidOperationException($"This action's route has no {{{ClientIdKey}}}.");

    protected ClientHeader Header { get; private set; } = null!;

    /// <summary>
    /// Refuses a change to a discharged client's record: goes to <paramref name="then"/> (by default the
    /// section's first page) with the reason as the error notice.
    /// </summary>
    protected IActionResult ReadOnlyClient(IActionResult? then = null)
    {
        Error(Core.Clients.Client.ReadOnlyMessage);
        if (then is not null) return then;
        var tab = ClientHeader.Tabs.Single(t => t.Section == Section);
        return RedirectToAction(tab.Action, tab.Controller);
    }

    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (RouteData.Values.TryGetValue(ClientIdKey, out var value))
        {
            if (!Guid.TryParse(value as string, out var clientId) || await LoadAsync(clientId, HttpContext.RequestAborted) is not { } found)
            {
                context.Result = NotFound();
                return;
            }
            (_client, Header) = (found.Client, new ClientHeader(found.Client, found.ClinicianName, found.ContactSafety, Section));
            ViewData.SetClientHeader(Header);
        }
        var executed = await next();
        if (_client is not null && executed is { Exception: null, Result: ViewResult }) await AuditHeaderAsync(_client.Id);
    }

    /// <summary>
    /// Every page about a client shows its header (who the client is, their contact-safety level), so a page whose
    /// action wrote no audit row of its own (a blank form, a form shown again after a refused change) records a view
    /// of the client. Pages showing a record audit that record themselves.
    /// </summary>
    private async Task AuditHeaderAsync(Guid clientId)
    {
        var audit = HttpContext.RequestServices.GetRequiredService<AuditTrail>();
        if (!audit.HasRecorded(clientId)) await audit.RecordAsync(AuditActions.View, AuditRecords.Client, clientId, clientId, HttpContext.RequestAborted);
    }

    private Task<LoadedClient?> LoadAsync(Guid clientId, CancellationToken ct) => LoadAsync(Db, clientId, ct);

    /// <summary>The client (tracked) and what its header needs, in one statement, under the caller's scope.</summary>
    internal static Task<LoadedClient?> LoadAsync(ClinicDbContext db, Guid clientId, CancellationToken ct) =>
        db.Clients.Where(c => c.Id == clientId)
            .Select(c => new LoadedClient(c,
                db.Users.Where(u => u.Id == c.PrimaryClinicianId).Select(u => u.DisplayName).First(),
                db.Set<ContactSafetyProfile>().Where(p => p.ClientId == c.Id).Select(ContactSafetyLevels.OfProfile)
                    .Cast<ContactSafetyLevel?>().FirstOrDefault() ?? ContactSafetyLevel.NotRecorded))
            .SingleOrDefaultAsync(ct);

    internal sealed record LoadedClient(Client Client, string ClinicianName, ContactSafetyLevel ContactSafety);
}
