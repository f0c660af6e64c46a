namespace ClinicPortal.Core.ContactSafety;

/// <summary>
/// The ways the clinic may reach the client. The portal itself sends email only; the others are recorded so the
/// clinician knows whether a call or a text is safe. A new channel is a new bit (the stored value is the mask).
/// </summary>
[Flags]
public enum ContactChannels
{
    None = 0,
    Email = 1,
    Text = 2,
    Phone = 4,
}

public static class ContactChannelLabels
{
    public static readonly IReadOnlyList<(ContactChannels Channel, string Label)> All =
    [
        (ContactChannels.Email, "Email"),
        (ContactChannels.Text, "Text messages"),
        (ContactChannels.Phone, "Phone calls and voicemail"),
    ];

    public const ContactChannels Defined = ContactChannels.Email | ContactChannels.Text | ContactChannels.Phone;

    public static string Of(ContactChannels channels) =>
        channels == ContactChannels.None ? "None" : string.Join(", ", All.Where(c => channels.HasFlag(c.Channel)).Select(c => c.Label));
}
