using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.ContactSafety;

/// <summary>The clinician's contact-safety form, as typed.</summary>
public sealed class ContactSafetyForm : IVersionedForm
{
    public uint Version { get; set; }

    [BindingMessage(ContactSafetyProfile.UnknownChannelMessage)]
    public List<ContactChannels> SafeChannels { get; set; } = [];
    [BindingMessage(Unreadable)]
    public bool MayBeMonitored { get; set; }
    [BindingMessage(Unreadable)]
    public bool OnlyAtSafeTimes { get; set; }
    [BindingMessage("Choose days from the list.")]
    public List<DayOfWeek> SafeDays { get; set; } = [];
    [BindingMessage(TimesMessage)]
    public TimeOnly? SafeFrom { get; set; }
    [BindingMessage(TimesMessage)]
    public TimeOnly? SafeUntil { get; set; }
    /// <summary>One person a line.</summary>
    public string? NeverContact { get; set; }
    public string? Note { get; set; }

    /// <summary>Checks the safe times (DomainRuleException) and gathers the details for the profile.</summary>
    public ContactSafetyDetails ToDetails() => new(
        SafeChannels.Aggregate(ContactChannels.None, (all, c) => all | c),
        MayBeMonitored,
        OnlyAtSafeTimes ? SafeTimes.Create(SafeDays.Aggregate(0, (mask, d) => mask | 1 << (int)d), SafeFrom, SafeUntil) : null,
        (NeverContact ?? "").Split('\n'),
        Note);

    /// <summary>A new profile's form starts from nothing safe: the clinician ticks what the client says is safe.</summary>
    public static ContactSafetyForm From(ContactSafetyProfile? p) => p is null
        ? new() { SafeDays = [.. Weekdays], SafeFrom = new TimeOnly(9, 0), SafeUntil = new TimeOnly(17, 0) }
        : new()
        {
            SafeChannels = ContactChannelLabels.All.Select(c => c.Channel).Where(c => p.SafeChannels.HasFlag(c)).ToList(),
            MayBeMonitored = p.MayBeMonitored,
            OnlyAtSafeTimes = p.SafeTimes is not null,
            SafeDays = p.SafeTimes is { } t ? Enum.GetValues<DayOfWeek>().Where(t.IncludesDay).ToList() : [.. Weekdays],
            SafeFrom = p.SafeFrom ?? new TimeOnly(9, 0),
            SafeUntil = p.SafeUntil ?? new TimeOnly(17, 0),
            NeverContact = string.Join("\n", p.NeverContact),
            Note = p.Note,
        };

    private const string TimesMessage = "Give safe times as hours and minutes, e.g. 09:00.";
    private const string Unreadable = "Some answers could not be read. Check the form and try again.";

    /// <summary>What a field says when it could not be read at all (a tampered or unknown value).</summary>
    public static string BindingMessage(string field) => BindingMessageAttribute.Of<ContactSafetyForm>(field);

    /// <summary>Monday to Friday, in week order.</summary>
    public static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Monday first, as the form lists them.</summary>
    public static readonly DayOfWeek[] Week = [.. Weekdays, DayOfWeek.Saturday, DayOfWeek.Sunday];
}
