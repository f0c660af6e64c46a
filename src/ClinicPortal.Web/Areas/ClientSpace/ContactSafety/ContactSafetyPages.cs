using ClinicPortal.Core.ContactSafety;

namespace ClinicPortal.Web.Areas.ClientSpace.ContactSafety;

/// <param name="Recorded">False until the clinician (or the client, by stopping email) records a profile: email is allowed meanwhile.</param>
public sealed record ClientContactSafetyPage(bool Recorded, ContactChannels Channels, bool MayBeMonitored, SafeTimes? SafeTimes,
    IReadOnlyList<string> NeverContact, string? Note, bool Discreet, uint Version);
