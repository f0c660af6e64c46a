using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.CheckIns;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.Web.Areas.ClientSpace.Safety;
using ClinicPortal.Web.Areas.ClientSpace.SharedPlan;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.ClientSpace.Unsafe;

/// <summary>
/// "I feel unsafe". The button on every client page POSTs here and the answer IS the page with the crisis
/// numbers, the client's shared crisis contacts and their shared safety plan: no redirect, no script, no
/// second request before the numbers show. The page is rendered and flushed to the phone first; only then is
/// the imminent alert stored and the clinician emailed, so a slow mail server never holds the numbers back.
/// GET shows the same page without alerting (a reload or a bookmark), with a button to alert.
/// </summary>
[Route("client/unsafe")]
public sealed class UnsafeController(ClinicDbContext db, ClinicCalendar calendar, SharedSafetyPlanQuery plans, SharedPlanQuery shared,
    UnsafeAlerts unsafeAlerts, AuditTrail audit, ILogger<UnsafeController> logger) : ClientSpaceController(db, calendar)
{
    /// <summary>How long the page waits for the clinic's own list before showing the built-in numbers instead.</summary>
    public static readonly TimeSpan LoadBudget = TimeSpan.FromSeconds(3);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var page = await LoadAsync(alerting: false, ct);
        return new RenderThenResult(View(page), () => AfterAsync(page));
    }

    [HttpPost("")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Security.RateLimits.Unsafe)]
    public async Task<IActionResult> Raise(CancellationToken ct)
    {
        var page = await LoadAsync(alerting: true, ct);
        return new RenderThenResult(View(nameof(Index), page), () => AfterAsync(page));
    }

    /// <summary>Runs once the phone has the page; it finishes even if the phone disconnects now.</summary>
    private async Task AfterAsync(UnsafePage page)
    {
        Guid? clientId = null;
        try
        {
            clientId = (await OwnRecordAsync(CancellationToken.None))?.ClientId;
            if (clientId is not { } id) return;
            if (page.Alerting)
            {
                var alert = await unsafeAlerts.RaiseAsync(id, CancellationToken.None);
                logger.LogInformation("I feel unsafe, client {ClientId}: {Outcome}", id, alert is null ? "covered by an open alert" : $"alert {alert.Id} raised");
            }
            if (page.Plan is { } plan) await audit.RecordAsync(AuditActions.View, AuditRecords.SafetyPlan, plan.Id, plan.ClientId, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError("I feel unsafe, client {ClientId}: the follow-up failed ({Error})", clientId, e.GetType().Name);
        }
    }

    private async Task<UnsafePage> LoadAsync(bool alerting, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(LoadBudget);
        var lines = await SafelyAsync<List<CrisisLine>?>(async () => (await CrisisResourceCache.ReadActiveAsync(Db, budget.Token)).Select(CrisisLine.From).ToList(), null);
        var plan = await SafelyAsync(() => plans.RunAsync(budget.Token), null);
        var people = await SafelyAsync(async () => (await shared.ForUserAsync(Me, budget.Token)).Contacts
            .Where(c => c.Phone is not null).ToList(), []);
        return new UnsafePage(lines is { Count: > 0 } ? lines : FallbackLines, people, plan, alerting);
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
