using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.ProtectiveOrders;
using ClinicPortal.Core.Tests.BoundaryPlans;

namespace ClinicPortal.Core.Tests.ProtectiveOrders;

public sealed class ProtectiveOrderRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid ClientId = Guid.NewGuid(), Author = Guid.NewGuid();
    private static readonly Boundary Person = Boundary.Create(ClientId, BoundaryRulesTests.Plan(), Author, Now).Boundary;

    internal static ProtectiveOrderDetails Details() => new("  Family Court, Springfield County ", " FC-2026-0142 ", ProtectiveOrderType.Temporary, true,
        100m, DistanceUnit.Yards, "Child exchanges at the police station, Sundays 5 pm.", Today.AddDays(-30), Today.AddDays(60), null);

    private static ProtectiveOrder Order(ProtectiveOrderDetails? details = null) =>
        ProtectiveOrder.Record(ClientId, Person, details ?? Details(), Author, Today, Now);

    [Fact]
    public void A_recorded_order_keeps_its_terms_trimmed_and_starts_its_history()
    {
        var order = Order();

        Assert.Equal("Family Court, Springfield County", order.Court);
        Assert.Equal("FC-2026-0142", order.OrderNumber);
        Assert.Equal(Person.Id, order.BoundaryId);
        Assert.Equal("100 yards", ProtectiveOrder.DistanceText(order.Distance, order.DistanceUnit));
        Assert.Equal(["Recorded"], Assert.Single(order.Changes).Lines);
    }

    public static TheoryData<string, Func<ProtectiveOrderDetails, ProtectiveOrderDetails>> BadOrders => new()
    {
        { "The court is required.", d => d with { Court = "  " } },
        { $"The court must be at most {ProtectiveOrder.CourtMax} characters.", d => d with { Court = new string('c', ProtectiveOrder.CourtMax + 1) } },
        { "The order number is required.", d => d with { OrderNumber = null } },
        { $"The order number must be at most {ProtectiveOrder.NumberMax} characters.", d => d with { OrderNumber = new string('1', ProtectiveOrder.NumberMax + 1) } },
        { "Choose the type of order from the list.", d => d with { Type = null } },
        { "Choose the type of order from the list.", d => d with { Type = (ProtectiveOrderType)42 } },
        { ProtectiveOrder.DistanceNeedsUnit, d => d with { DistanceUnit = null } },
        { ProtectiveOrder.DistanceNeedsUnit, d => d with { Distance = null } },
        { ProtectiveOrder.DistanceNeedsUnit, d => d with { DistanceUnit = (DistanceUnit)9 } },
        { "The distance must be more than 0 and at most 100,000.", d => d with { Distance = 0m } },
        { "The distance must be more than 0 and at most 100,000.", d => d with { Distance = -5m } },
        { "The distance must be more than 0 and at most 100,000.", d => d with { Distance = 100_001m } },
        { $"The exceptions must be at most {ProtectiveOrder.ExceptionsMax} characters.", d => d with { Exceptions = new string('e', ProtectiveOrder.ExceptionsMax + 1) } },
        { $"The notes must be at most {ProtectiveOrder.NotesMax} characters.", d => d with { Notes = new string('n', ProtectiveOrder.NotesMax + 1) } },
        { "Enter the date the order was served.", d => d with { ServedOn = null } },
        { ProtectiveOrder.ServedInFuture, d => d with { ServedOn = Today.AddDays(1) } },
        { ProtectiveOrder.ExpiryAfterServed, d => d with { ExpiresOn = d.ServedOn } },
        { ProtectiveOrder.ExpiryAfterServed, d => d with { ExpiresOn = d.ServedOn!.Value.AddDays(-1) } },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public void Bad_input_is_refused_with_a_message_for_the_page(string message, Func<ProtectiveOrderDetails, ProtectiveOrderDetails> spoil)
    {
        var refusal = Assert.Throws<DomainRuleException>(() => Order(spoil(Details())));
        Assert.Equal(message, refusal.Message);
    }

    [Fact]
    public void No_distance_and_no_expiry_are_allowed()
    {
        var order = Order(Details() with { Distance = null, DistanceUnit = null, ExpiresOn = null });
        Assert.Null(order.Distance);
        Assert.Equal(OrderStatus.InForce, order.StatusOn(Today.AddYears(20)));
    }

    [Fact]
    public void The_person_covered_must_be_one_of_the_clients_boundaries()
    {
        var someoneElses = Boundary.Create(Guid.NewGuid(), BoundaryRulesTests.Plan(), Author, Now).Boundary;
        Assert.Equal(ProtectiveOrder.ChoosePerson, Assert.Throws<DomainRuleException>(() => ProtectiveOrder.Record(ClientId, someoneElses, Details(), Author, Today, Now)).Message);
        Assert.Equal(ProtectiveOrder.ChoosePerson, Assert.Throws<DomainRuleException>(() => ProtectiveOrder.Record(ClientId, null, Details(), Author, Today, Now)).Message);
        var order = Order();
        Assert.Throws<DomainRuleException>(() => order.Update(someoneElses, Details(), Author, Today, Now));
        Assert.Equal(Person.Id, order.BoundaryId);
    }

    [Fact]
    public void An_edit_names_each_change_old_and_new_and_an_unchanged_save_writes_nothing()
    {
        var order = Order();
        Assert.Null(order.Update(Person, Details(), Author, Today, Now.AddHours(1)));

        var change = order.Update(Person, Details() with { ExpiresOn = Today.AddDays(90), Exceptions = "None.", NoContact = false }, Author, Today, Now.AddHours(1));

        Assert.NotNull(change);
        Assert.Contains("No contact: yes → no", change.Lines);
        Assert.Contains("Exceptions: Child exchanges at the police station, Sundays 5 pm. → None.", change.Lines);
        Assert.Contains($"Expiry: {Today.AddDays(60):d MMM yyyy} → {Today.AddDays(90):d MMM yyyy}", change.Lines);
        Assert.Equal(3, change.Lines.Count);
        Assert.Equal(Today.AddDays(90), order.ExpiresOn);
        Assert.Equal(2, order.Changes.Count);
    }

    [Fact]
    public void A_refused_edit_changes_nothing()
    {
        var order = Order();
        Assert.Throws<DomainRuleException>(() => order.Update(Person, Details() with { Court = "Other court", ExpiresOn = Today.AddDays(-40) }, Author, Today, Now));
        Assert.Equal("Family Court, Springfield County", order.Court);
        Assert.Single(order.Changes);
    }

    [Fact]
    public void Status_follows_the_calendar_expiring_soon_within_the_reminder_days()
    {
        var order = Order(); // served 30 days ago, expires in 60
        Assert.Equal(OrderStatus.InForce, order.StatusOn(Today));
        Assert.Equal(OrderStatus.InForce, order.StatusOn(Today.AddDays(60 - ProtectiveOrder.ReminderDays - 1)));
        Assert.Equal(OrderStatus.ExpiringSoon, order.StatusOn(Today.AddDays(60 - ProtectiveOrder.ReminderDays)));
        Assert.Equal(OrderStatus.ExpiringSoon, order.StatusOn(Today.AddDays(60)));
        Assert.Equal(OrderStatus.Expired, order.StatusOn(Today.AddDays(61)));
    }

    [Fact]
    public void The_reminder_is_due_from_the_reminder_days_before_expiry_until_the_expiry_and_never_for_an_ended_order()
    {
        var order = Order();
        Assert.False(ProtectiveOrder.ReminderDue.Holds(order, Today.AddDays(60 - ProtectiveOrder.ReminderDays - 1)));
        Assert.True(ProtectiveOrder.ReminderDue.Holds(order, Today.AddDays(60 - ProtectiveOrder.ReminderDays)));
        Assert.True(ProtectiveOrder.ReminderDue.Holds(order, Today.AddDays(60)));
        Assert.False(ProtectiveOrder.ReminderDue.Holds(order, Today.AddDays(61)));
        Assert.False(ProtectiveOrder.ReminderDue.Holds(Order(Details() with { ExpiresOn = null }), Today));

        order.EndEarly(Today, "Dismissed at the hearing.", Author, Today, Now);
        Assert.False(ProtectiveOrder.ReminderDue.Holds(order, Today.AddDays(60 - ProtectiveOrder.ReminderDays)));
        Assert.Equal(OrderStatus.Ended, order.StatusOn(Today));
    }

    [Fact]
    public void Ending_early_keeps_the_last_day_and_refuses_days_outside_the_order()
    {
        var order = Order();
        Assert.Throws<DomainRuleException>(() => order.EndEarly(null, null, Author, Today, Now));
        Assert.Throws<DomainRuleException>(() => order.EndEarly(Today.AddDays(-31), null, Author, Today, Now)); // before served
        Assert.Throws<DomainRuleException>(() => order.EndEarly(Today.AddDays(1), null, Author, Today, Now)); // future
        Assert.Null(order.EndedOn);

        var change = order.EndEarly(Today.AddDays(-2), " Replaced by a final order. ", Author, Today, Now);

        Assert.Equal(Today.AddDays(-2), order.EndedOn);
        Assert.Equal("Replaced by a final order.", order.EndReason);
        Assert.StartsWith("Ended early: last day in force", Assert.Single(change.Lines));
        Assert.Throws<DomainRuleException>(() => order.EndEarly(Today, null, Author, Today, Now));
        Assert.Throws<DomainRuleException>(() => order.Update(Person, Details() with { ExpiresOn = Today.AddDays(-3) }, Author, Today, Now));
    }

    [Fact]
    public void An_incident_with_the_person_covered_while_in_force_may_be_a_breach()
    {
        var order = Order(); // served Today-30, expires Today+60
        Assert.True(order.MayBeBreachedBy(Person.Id, Today.AddDays(-30)));
        Assert.True(order.MayBeBreachedBy(Person.Id, Today));
        Assert.True(order.MayBeBreachedBy(Person.Id, Today.AddDays(60)));
        Assert.False(order.MayBeBreachedBy(Person.Id, Today.AddDays(-31)));
        Assert.False(order.MayBeBreachedBy(Person.Id, Today.AddDays(61)));
        Assert.False(order.MayBeBreachedBy(Guid.NewGuid(), Today));
        Assert.False(order.MayBeBreachedBy(null, Today));

        var noExpiry = Order(Details() with { ExpiresOn = null });
        Assert.True(noExpiry.MayBeBreachedBy(Person.Id, Today.AddYears(5)));

        order.EndEarly(Today.AddDays(-10), null, Author, Today, Now);
        Assert.True(order.MayBeBreachedBy(Person.Id, Today.AddDays(-10)));
        Assert.False(order.MayBeBreachedBy(Person.Id, Today.AddDays(-9)));
    }

    [Fact]
    public void A_moment_is_judged_on_the_clinics_calendar()
    {
        var order = Order(Details() with { ServedOn = Today, ExpiresOn = Today.AddDays(10) });
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        // 03:00 UTC on the served day is still the evening before in Chicago.
        var early = new DateTimeOffset(Today.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
        Assert.False(order.MayBeBreachedBy(Person.Id, early, chicago));
        Assert.True(order.MayBeBreachedBy(Person.Id, early, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_reminder_reminds_the_client_once_and_a_second_time_is_refused()
    {
        var reminder = ProtectiveOrderReminder.For(ClientId, Guid.NewGuid(), Today.AddDays(5), Guid.NewGuid(), Now);
        Assert.Null(reminder.ClientRemindedAt);

        reminder.ClientReminded(Now.AddMinutes(1));

        Assert.Equal(Now.AddMinutes(1), reminder.ClientRemindedAt);
        Assert.Throws<DomainRuleException>(() => reminder.ClientReminded(Now.AddMinutes(2)));
        Assert.Equal(Now.AddMinutes(1), reminder.ClientRemindedAt);
    }
}
