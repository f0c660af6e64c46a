using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.ProtectiveOrders;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.ProtectiveOrders;
using ClinicPortal.Web.Areas.Clinician.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.ProtectiveOrders;

/// <summary>
/// A client's protective orders (under Safety): the list by where each stands today, an order with its terms, its history and
/// the incidents that may breach it; add, edit (versioned), end early. Every read and change is audited.
/// </summary>
[Route("clinician/clients/{clientId:guid}/safety/orders")]
public sealed class ProtectiveOrdersController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, PossibleBreaches breaches) : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Safety;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var orders = await Db.Set<ProtectiveOrder>().Where(o => o.ClientId == Client.Id)
            .OrderByDescending(o => o.ServedOn).ThenByDescending(o => o.CreatedAt)
            .Select(o => new { Order = o, Person = Db.Set<Boundary>().Where(b => b.Id == o.BoundaryId).Select(b => b.PersonName).FirstOrDefault() })
            .ToListAsync(ct);
        var breaching = await breaches.OfOrdersAsync(Client.Id, orders.Select(o => o.Order).ToList(), ct);
        audit.Add(AuditActions.View, AuditRecords.ProtectiveOrder, null, Client.Id);
        if (breaching.Values.Any(b => b.Count > 0)) audit.Add(AuditActions.View, AuditRecords.IncidentEntry, null, Client.Id);
        await Db.SaveChangesAsync(ct);
        return View(new ProtectiveOrdersPage(Client.IsReadOnly,
            orders.Select(o => new OrderRow(o.Order, o.Person ?? "—", o.Order.StatusOn(today), breaching.GetValueOrDefault(o.Order.Id)?.Count ?? 0)).ToList(), today));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        if (Client.IsReadOnly) return ReadOnlyClient();
        return await FormAsync(null, new ProtectiveOrderForm { NoContact = true }, ct);
    }

    [HttpPost("new")]
    public Task<IActionResult> Create(ProtectiveOrderForm form, CancellationToken ct) =>
        SubmitAsync(() => FormAsync(null, form, ct), async () =>
        {
            Client.EnsureEditable();
            var order = ProtectiveOrder.Record(Client.Id, await FindPersonAsync(form.BoundaryId, ct), form.ToDetails(), Me,
                await calendar.TodayAsync(ct), calendar.UtcNow);
            Db.Add(order);
            audit.Add(AuditActions.Create, AuditRecords.ProtectiveOrder, order.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Protective order recorded.");
            return RedirectToAction(nameof(Show), new { orderId = order.Id });
        });

    [HttpGet("{orderId:guid}")]
    public async Task<IActionResult> Show(Guid orderId, CancellationToken ct)
    {
        if (await FindOrderAsync(orderId, ct) is not { } order) return NotFound();
        return View(await OrderPageAsync(order, new EndOrderForm { LastDay = await calendar.TodayAsync(ct) }, ct));
    }

    [HttpGet("{orderId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid orderId, CancellationToken ct)
    {
        if (await FindOrderAsync(orderId, ct) is not { } order) return NotFound();
        if (Client.IsReadOnly) return ReadOnlyClient();
        return await FormAsync(orderId, Versioned(ProtectiveOrderForm.From(order), order), ct);
    }

    [HttpPost("{orderId:guid}/edit")]
    public async Task<IActionResult> Update(Guid orderId, ProtectiveOrderForm form, CancellationToken ct)
    {
        if (await FindOrderAsync(orderId, ct) is not { } order) return NotFound();
        return await SubmitAsync(() => FormAsync(orderId, form, ct), async () =>
        {
            Client.EnsureEditable();
            ExpectVersion(order, form);
            if (order.Update(await FindPersonAsync(form.BoundaryId, ct), form.ToDetails(), Me, await calendar.TodayAsync(ct), calendar.UtcNow) is null)
            {
                Flash("Nothing changed.");
                return RedirectToAction(nameof(Show), new { orderId });
            }
            audit.Add(AuditActions.Update, AuditRecords.ProtectiveOrder, orderId, Client.Id);
            await Db.SaveChangesAsync(ct); // the change is saved through the order's history
            Flash("Protective order updated.");
            return RedirectToAction(nameof(Show), new { orderId });
        }, () => Edit(orderId, ct));
    }

    [HttpPost("{orderId:guid}/end")]
    public async Task<IActionResult> End(Guid orderId, EndOrderForm form, CancellationToken ct)
    {
        if (await FindOrderAsync(orderId, ct) is not { } order) return NotFound();
        return await SubmitAsync(async () => View(nameof(Show), await OrderPageAsync((await FindOrderAsync(orderId, ct))!, form, ct)), async () =>
        {
            Client.EnsureEditable();
            order.EndEarly(form.LastDay, form.Reason, Me, await calendar.TodayAsync(ct), calendar.UtcNow);
            audit.Add(AuditActions.Update, AuditRecords.ProtectiveOrder, orderId, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Recorded as ended early.");
            return RedirectToAction(nameof(Show), new { orderId });
        });
    }

    private Task<ProtectiveOrder?> FindOrderAsync(Guid orderId, CancellationToken ct) =>
        Db.Set<ProtectiveOrder>().SingleOrDefaultAsync(o => o.Id == orderId && o.ClientId == Client.Id, ct);

    /// <summary>The boundary a form names, only when it is this client's (another client's id reads as none: the entity refuses it).</summary>
    private async Task<Boundary?> FindPersonAsync(Guid? boundaryId, CancellationToken ct) => boundaryId is { } id
        ? await Db.Set<Boundary>().SingleOrDefaultAsync(b => b.Id == id && b.ClientId == Client.Id, ct)
        : null;

    /// <summary>
    /// The form, new or editing, first view or shown again after a refusal: it lists the client's boundary people, and an
    /// existing order shown in it was read too (both audited).
    /// </summary>
    private async Task<IActionResult> FormAsync(Guid? orderId, ProtectiveOrderForm form, CancellationToken ct)
    {
        form.People = await Db.Set<Boundary>().Where(b => b.ClientId == Client.Id).OrderBy(b => b.PersonName)
            .Select(b => new PersonChoice(b.Id, b.PersonName)).ToListAsync(ct);
        audit.Add(AuditActions.View, AuditRecords.Boundary, null, Client.Id);
        if (orderId is { } id) audit.Add(AuditActions.View, AuditRecords.ProtectiveOrder, id, Client.Id);
        await Db.SaveChangesAsync(ct); // the views only: a refused change was dropped before the page is built
        return View("Form", new OrderFormPage(orderId, form));
    }

    /// <summary>The order's page, first view or shown again after a refused end: either way the order was read (audited).</summary>
    private async Task<OrderPage> OrderPageAsync(ProtectiveOrder order, EndOrderForm end, CancellationToken ct)
    {
        var breaching = (await breaches.OfOrdersAsync(Client.Id, [order], ct))[order.Id];
        audit.Add(AuditActions.View, AuditRecords.ProtectiveOrder, order.Id, Client.Id);
        foreach (var b in breaching) audit.Add(AuditActions.View, AuditRecords.IncidentEntry, b.Id, Client.Id);
        await Db.SaveChangesAsync(ct);
        var history = await Db.Set<ProtectiveOrderChange>().Where(h => h.OrderId == order.Id && h.ClientId == order.ClientId)
            .OrderByDescending(h => h.ChangedAt)
            .Select(h => new { h.ChangedAt, h.Summary, By = Db.Users.Where(u => u.Id == h.ChangedById).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var person = await Db.Set<Boundary>().Where(b => b.Id == order.BoundaryId && b.ClientId == order.ClientId).Select(b => b.PersonName).SingleAsync(ct);
        var today = await calendar.TodayAsync(ct);
        return new OrderPage(Client.IsReadOnly, order, person, order.StatusOn(today),
            history.Select(h => new OrderChangeView(h.By ?? "—", h.ChangedAt, h.Summary.Split('\n'))).ToList(),
            breaching, end, today, await calendar.ZoneAsync(ct));
    }
}
