using ClinicPortal.Core.ProtectiveOrders;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Areas.Clinician.ProtectiveOrders;

/// <summary>An order's editable fields. The rules live in <see cref="ProtectiveOrder"/>; this only carries them.</summary>
public sealed class ProtectiveOrderForm : IVersionedForm
{
    public uint Version { get; set; }

    public string? Court { get; set; }
    public string? OrderNumber { get; set; }
    [BindingMessage("Choose the type of order from the list.")]
    public ProtectiveOrderType? Type { get; set; }
    [BindingMessage(ProtectiveOrder.ChoosePerson)]
    public Guid? BoundaryId { get; set; }
    public bool NoContact { get; set; }
    [BindingMessage("Give the distance as a number, for example 100 or 0.5.")]
    public decimal? Distance { get; set; }
    [BindingMessage(ProtectiveOrder.DistanceNeedsUnit)]
    public DistanceUnit? DistanceUnit { get; set; }
    public string? Exceptions { get; set; }
    [BindingMessage("Enter the date served as day, month and year.")]
    public DateOnly? ServedOn { get; set; }
    [BindingMessage("Enter the expiry as day, month and year, or leave it empty.")]
    public DateOnly? ExpiresOn { get; set; }
    public string? Notes { get; set; }

    /// <summary>The client's boundary people, one of whom the order covers.</summary>
    [BindNever]
    public IReadOnlyList<PersonChoice> People { get; set; } = [];

    public ProtectiveOrderDetails ToDetails() =>
        new(Court, OrderNumber, Type, NoContact, Distance, DistanceUnit, Exceptions, ServedOn, ExpiresOn, Notes);

    public static ProtectiveOrderForm From(ProtectiveOrder o) => new()
    {
        Court = o.Court, OrderNumber = o.OrderNumber, Type = o.Type, BoundaryId = o.BoundaryId, NoContact = o.NoContact, Distance = o.Distance,
        DistanceUnit = o.DistanceUnit, Exceptions = o.Exceptions, ServedOn = o.ServedOn, ExpiresOn = o.ExpiresOn, Notes = o.Notes,
    };
}
