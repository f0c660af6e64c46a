using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.CheckIns;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.Web.Areas.ClientSpace.Safety;
using ClinicPortal.Web.Areas.ClientSpace.SharedPlan;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.ClientSpace.Unsafe;

/// <summary>
/// "I feel unsafe". The button on every client page (and, on a device tied to a client, on every signed-out page) POSTs
/// here and the answer IS the page with the crisis numbers: no redirect, no script, no second request. It works without a
/// live session: the crisis numbers always show, and the alert is raised for the client the device's
/// <see cref="UnsafeDeviceToken"/> speaks for. The alert is stored while the numbers load (each in its own unit of work,
/// mail goes through the outbox afterwards), and the page says what really happened: alerted, already alerted, or not.
/// GET shows the same page without alerting (a reload or a bookmark), with a button to alert.
/// </summary>
[Route("client/unsafe")]
[AllowAnonymous]
public sealed class UnsafeController(ClinicDbContext db, ClinicCalendar calendar, SharedSafetyPlanQuery plans, SharedPlanQuery shared,
    UnsafeDeviceToken devices, IServiceScopeFactory scopes, IAntiforgery antiforgery, AuditTrail audit, ILogger<UnsafeController> logger)
    : ClientSpaceController(db, calendar)
{
    /// <summary>How long the page waits for the clinic's own list (and for the alert to be stored) before answering anyway.</summary>
    public static readonly TimeSpan LoadBudget = TimeSpan.FromSeconds(3);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (IsStaff) return Forbid();
        var page = await LoadAsync(UnsafeOutcome.NotAsked, ct);
        return new RenderThenResult(View(page), () => AuditShownAsync(page));
    }

    /// <summary>
    /// Anti-forgery is checked here rather than by the global filter: a page left open past the session's end carries a
    /// token for the user who has since timed out, which the filter would refuse with a bare 400 instead of the numbers.
    /// </summary>
    [HttpPost("")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Security.RateLimits.Unsafe)]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Raise(CancellationToken ct)
    {
        if (IsStaff) return Forbid();
        // Who is pressing is read first (one short query on this request's context); the alert is then stored in a scope
        // of its own while this context loads the page, so the two never share a connection.
        var raising = await PresserOrFailureAsync(ct) switch
        {
            { Failed: true } => Task.FromResult(UnsafeOutcome.NotConfirmed),
            { Presser: null } => Task.FromResult(UnsafeOutcome.NotLinked),
            { Presser: { } presser } => RaiseAsync(presser.ClientId, presser.RaisedBy),
        };
        var page = await LoadAsync(UnsafeOutcome.NotAsked, ct);
        page = page with { Outcome = await WithinBudgetAsync(raising) };
        return new RenderThenResult(View(nameof(Index), page), () => AuditShownAsync(page));
    }

    private bool IsStaff => User.Identity?.IsAuthenticated == true && !User.IsInRole(Roles.Client);

    private bool SignedIn => User.IsInRole(Roles.Client);

    /// <summary>Who is pressing: the signed-in client (with a valid anti-forgery token), else the client this device is tied to.</summary>
    private async Task<(Guid ClientId, Guid? RaisedBy)?> PresserAsync(CancellationToken ct)
    {
        if (SignedIn && await antiforgery.IsRequestValidAsync(HttpContext) && await OwnRecordAsync(ct) is { } own) return (own.ClientId, null);
        return await devices.ReadAsync(Request, ct) is { } device ? (device.ClientId, device.UserId) : null;
    }

    /// <summary>The presser, within the page's time budget; a database that cannot say in time is a failure, not "nobody".</summary>
    private async Task<(bool Failed, (Guid ClientId, Guid? RaisedBy)? Presser)> PresserOrFailureAsync(CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(LoadBudget);
        try { return (false, await PresserAsync(budget.Token)); }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError("I feel unsafe: who pressed could not be read ({Error})", e.GetType().Name);
            return (true, null);
        }
    }

    /// <summary>
    /// Stores the alert in a scope of its own, so it runs beside the page's reads and finishes even if the phone
    /// disconnects or the page stops waiting for it.
    /// </summary>
    private async Task<UnsafeOutcome> RaiseAsync(Guid clientId, Guid? raisedBy)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var alert = await scope.ServiceProvider.GetRequiredService<UnsafeAlerts>().RaiseAsync(clientId, CancellationToken.None, raisedBy);
            // The alert's id, never the client's: a log line must not say who asked for help.
            logger.LogInformation("I feel unsafe{Device}: {Outcome}", raisedBy is null ? "" : " (device token)",
                alert is null ? "covered by an open alert" : $"alert {alert.Id} raised");
            return alert is null ? UnsafeOutcome.AlreadyAlerted : UnsafeOutcome.Alerted;
        }
        catch (Exception e)
        {
            logger.LogError("I feel unsafe: the alert could not be stored ({Error})", e.GetType().Name);
            return UnsafeOutcome.NotConfirmed;
        }
    }

    /// <summary>The stored outcome, or "not confirmed" once the budget is spent: the page never claims an alert it has not seen stored.</summary>
    private static async Task<UnsafeOutcome> WithinBudgetAsync(Task<UnsafeOutcome> raising)
    {
        try { return await raising.WaitAsync(LoadBudget); }
        catch (TimeoutException) { return UnsafeOutcome.NotConfirmed; }
    }

    /// <summary>Runs once the phone has the page: the shared plan and contacts it showed are reads like any other.</summary>
    private async Task AuditShownAsync(UnsafePage page)
    {
        try
        {
            if (page.Plan is { } plan) await audit.RecordAsync(AuditActions.View, AuditRecords.SafetyPlan, plan.Id, plan.ClientId, CancellationToken.None);
            if (page.People.Count > 0 && await OwnRecordAsync(CancellationToken.None) is { } own)
                await audit.RecordAsync(AuditActions.View, AuditRecords.SupportPerson, null, own.ClientId, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError("I feel unsafe: the view of the plan or contacts could not be audited ({Error})", e.GetType().Name);
        }
    }

    /// <summary>The numbers for anyone; the client's shared crisis contacts and safety plan only within their own live session.</summary>
    private async Task<UnsafePage> LoadAsync(UnsafeOutcome outcome, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(LoadBudget);
        var lines = await SafelyAsync<List<CrisisLine>?>(async () => (await CrisisResourceCache.ReadActiveAsync(Db, budget.Token)).Select(CrisisLine.From).ToList(), null);
        var plan = SignedIn ? await SafelyAsync(() => plans.RunAsync(budget.Token), null) : null;
        var people = SignedIn ? await SafelyAsync(async () => (await shared.ForUserAsync(Me, budget.Token)).Contacts
            .Where(c => c.Phone is not null).ToList(), []) : [];
        var (linked, discreetDevice) = UnsafeDeviceToken.MarkerOf(Request);
        return new UnsafePage(lines is { Count: > 0 } ? lines : FallbackLines, people, plan, outcome,
            SignedIn, SignedIn || linked, SignedIn ? DiscreetMode.IsOn(User) : discreetDevice);
    }

    /// <summary>Anything but the client leaving: a slow or failing database must not stop the numbers from showing.</summary>
    private async Task<T> SafelyAsync<T>(Func<Task<T>> load, T fallback)
    {
        try { return await load(); }
        catch (Exception e) when (!HttpContext.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("The I-feel-unsafe page fell back to defaults ({Error})", e.GetType().Name);
            return fallback;
        }
    }

    /// <summary>The US defaults the schema seeds, shown only if the clinic's own list cannot be read in time.</summary>
    public static readonly IReadOnlyList<CrisisLine> FallbackLines =
    [
        new("Emergency services", "911", "tel:911", null, null, null, "If you or someone else is in danger right now."),
        new("988 Suicide & Crisis Lifeline", "988", "tel:988", CrisisResource.TextInstruction("988", null), CrisisResource.SmsLink("988", null),
            "https://988lifeline.org", "Call or text, any time."),
        new("National Domestic Violence Hotline", "1-800-799-7233", "tel:18007997233", CrisisResource.TextInstruction("88788", "START"),
            CrisisResource.SmsLink("88788", "START"), "https://www.thehotline.org", "Support and safety planning, any time."),
    ];
}
