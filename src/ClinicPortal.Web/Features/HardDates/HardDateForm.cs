using ClinicPortal.Core.HardDates;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Features.HardDates;

/// <summary>A new hard date, as the clinician's and the client's pages post it.</summary>
public sealed class HardDateForm
{
    [BindingMessage("Choose what kind of day it is from the list.")]
    public HardDateKind Kind { get; set; } = HardDateKind.Birthday;
    public string? Label { get; set; }
    [BindingMessage(HardDate.DateMessage)]
    public DateOnly? Date { get; set; }
    /// <summary>Unticked is not posted, so the default is false; a blank form starts ticked (<see cref="Blank"/>).</summary>
    [BindingMessage("Choose whether the day comes every year.")]
    public bool Yearly { get; set; }

    public static HardDateForm Blank() => new() { Yearly = true };

    public HardDate ToHardDate(Guid clientId, Guid addedById, bool byClient, DateOnly today, DateTimeOffset now) =>
        HardDate.Add(clientId, Kind, Label, Date, Yearly, addedById, byClient, today, now);
}
