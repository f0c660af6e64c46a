using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.ProtectiveOrders;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.IntegrationTests.ProtectiveOrders;

/// <summary>The clinician's protective-order pages: record, list by status, edit with history, end early; refusals save nothing; every read and change audited.</summary>
public sealed class ProtectiveOrderPagesTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static string Orders(Guid clientId) => $"/clinician/clients/{clientId}/safety/orders";

    [Fact]
    public async Task The_clinician_records_an_order_sees_it_listed_in_force_and_every_step_is_audited()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Opal Order");
        var person = await BoundaryArrange.BoundaryAsync(app, client, BoundaryArrange.Plan("Rex Respondent"));
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var form = await morgan.GetPageAsync($"{Orders(client.Id)}/new");
        Assert.Contains("Rex Respondent", form);
        var saved = await morgan.PostFormAsync($"{Orders(client.Id)}/new", $"{Orders(client.Id)}/new", OrderArrange.Fields(person.Id));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var orderId = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
        var order = (await OrderArrange.FindAsync(app, orderId))!;
        Assert.Equal((OrderArrange.Court, person.Id, 100m, DistanceUnit.Yards, true), (order.Court, order.BoundaryId, order.Distance!.Value, order.DistanceUnit!.Value, order.NoContact));

        var list = await morgan.GetPageAsync(Orders(client.Id));
        Assert.Contains("data-testid=\"orders-InForce\"", list);
        Assert.Contains(OrderArrange.Court, list);
        Assert.Contains("Rex Respondent", list);
        var show = await morgan.GetPageAsync($"{Orders(client.Id)}/{orderId}");
        Assert.Contains("Child exchanges at the library car park", show);
        Assert.Contains("Recorded", show);

        var audit = await Arrange.AuditAsync(app, client.Id);
        Assert.Contains(audit, a => a is { Action: AuditActions.Create, RecordType: AuditRecords.ProtectiveOrder } && a.RecordId == orderId.ToString());
        Assert.Contains(audit, a => a is { Action: AuditActions.View, RecordType: AuditRecords.ProtectiveOrder, RecordId: null });
        Assert.Contains(audit, a => a is { Action: AuditActions.View, RecordType: AuditRecords.ProtectiveOrder } && a.RecordId == orderId.ToString());
    }

    public static TheoryData<string, string> BadForms => new()
    {
        { "expiry before served", ProtectiveOrder.ExpiryAfterServed },
        { "served in the future", ProtectiveOrder.ServedInFuture },
        { "negative distance", "The distance must be more than 0" },
        { "distance without unit", ProtectiveOrder.DistanceNeedsUnit },
        { "unknown type", "Choose the type of order from the list." },
        { "court too long", $"The court must be at most {ProtectiveOrder.CourtMax} characters." },
        { "another client's person", ProtectiveOrder.ChoosePerson },
        { "unreadable date", "Enter the date served as day, month and year." },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task Bad_input_is_refused_with_a_clear_message_and_nothing_is_saved(string bad, string message)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var person = await BoundaryArrange.BoundaryAsync(app, client);
        var other = await BoundaryArrange.BoundaryAsync(app, await Arrange.ClientAsync(app, Arrange.RileyEmail), BoundaryArrange.Plan("Not Yours"));
        var fields = bad switch
        {
            "expiry before served" => OrderArrange.Fields(person.Id, expires: Arrange.ClinicDay(-30)),
            "served in the future" => OrderArrange.Fields(person.Id, served: Arrange.ClinicDay(2)),
            "negative distance" => OrderArrange.Fields(person.Id, distance: "-3"),
            "distance without unit" => OrderArrange.Fields(person.Id, unit: ""),
            "unknown type" => [.. OrderArrange.Fields(person.Id).Where(f => f.Key != "Type"), new("Type", "Forever")],
            "court too long" => OrderArrange.Fields(person.Id, court: new string('c', ProtectiveOrder.CourtMax + 1)),
            "another client's person" => OrderArrange.Fields(other.Id),
            _ => OrderArrange.Fields(person.Id, served: "yesterday"),
        };
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app) + await OrderArrange.RowsAsync(app);

        var response = await morgan.PostFormAsync($"{Orders(client.Id)}/new", $"{Orders(client.Id)}/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page);
        Assert.DoesNotContain("Not Yours", page);
        Assert.Equal(before, await Arrange.FingerprintAsync(app) + await OrderArrange.RowsAsync(app));
    }

    [Fact]
    public async Task An_edit_is_kept_in_the_history_and_a_stale_form_is_refused()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var person = await BoundaryArrange.BoundaryAsync(app, client);
        var order = await OrderArrange.OrderAsync(app, client, person);
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var edit = $"{Orders(client.Id)}/{order.Id}/edit";
        var opened = BrowserSession.VersionOn(await morgan.GetPageAsync(edit))!;

        var saved = await morgan.PostFormAsync(edit, edit, OrderArrange.Fields(person.Id, expires: Arrange.ClinicDay(200)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Arrange.ClinicToday().AddDays(200), (await OrderArrange.FindAsync(app, order.Id))!.ExpiresOn);
        var show = await morgan.GetPageAsync($"{Orders(client.Id)}/{order.Id}");
        Assert.Contains($"Expiry: {Arrange.ClinicToday().AddDays(90):d MMM yyyy} → {Arrange.ClinicToday().AddDays(200):d MMM yyyy}", WebUtility.HtmlDecode(show));
        Assert.Contains(await Arrange.AuditAsync(app, client.Id), a => a is { Action: AuditActions.Update, RecordType: AuditRecords.ProtectiveOrder } && a.RecordId == order.Id.ToString());

        // A form opened before that save carries the old version: refused with the one message.
        var stale = OrderArrange.Fields(person.Id, court: "Another court");
        stale.Add(new(BrowserSession.VersionField, opened));
        var before = await OrderArrange.RowsAsync(app);
        var refused = await morgan.PostFormAsync(edit, edit, stale);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Refusals.ChangedElsewhere, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(before, await OrderArrange.RowsAsync(app));
    }

    [Fact]
    public async Task Ending_early_moves_the_order_to_ended_and_a_bad_day_saves_nothing()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var person = await BoundaryArrange.BoundaryAsync(app, client);
        var order = await OrderArrange.OrderAsync(app, client, person);
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var show = $"{Orders(client.Id)}/{order.Id}";
        var before = await OrderArrange.RowsAsync(app);

        var refused = await morgan.PostFormAsync(show, $"{show}/end", [new("LastDay", Arrange.ClinicDay(5)), new("Reason", "Dismissed")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("cannot be in the future", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await OrderArrange.RowsAsync(app));

        var ended = await morgan.PostFormAsync(show, $"{show}/end", [new("LastDay", Arrange.ClinicDay(-1)), new("Reason", "Dismissed at the hearing")]);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(Arrange.ClinicToday().AddDays(-1), (await OrderArrange.FindAsync(app, order.Id))!.EndedOn);
        Assert.Contains("data-testid=\"orders-Ended\"", await morgan.GetPageAsync(Orders(client.Id)));
    }

    [Fact]
    public async Task An_order_of_another_client_is_not_found_under_the_clinicians_own_client_and_nothing_changes()
    {
        var mine = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var minePerson = await BoundaryArrange.BoundaryAsync(app, mine);
        var theirs = await Arrange.ClientAsync(app, Arrange.RileyEmail);
        var theirOrder = await OrderArrange.OrderAsync(app, theirs, await BoundaryArrange.BoundaryAsync(app, theirs));
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app) + await OrderArrange.RowsAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await morgan.Http.GetAsync($"{Orders(mine.Id)}/{theirOrder.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await morgan.PostFormAsync(Orders(mine.Id), $"{Orders(mine.Id)}/{theirOrder.Id}/edit", OrderArrange.Fields(minePerson.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await morgan.PostFormAsync(Orders(mine.Id), $"{Orders(mine.Id)}/{theirOrder.Id}/end", [new("LastDay", Arrange.ClinicDay(-1))])).StatusCode);
        Assert.Equal(before, await Arrange.FingerprintAsync(app) + await OrderArrange.RowsAsync(app));
    }
}
