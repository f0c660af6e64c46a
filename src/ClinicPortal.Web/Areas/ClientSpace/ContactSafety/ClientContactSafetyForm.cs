using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.ClientSpace.ContactSafety;

/// <summary>What the client may change themself: channels can only go off, "may be watched" only on.</summary>
public sealed class ClientContactSafetyForm : IVersionedForm
{
    public uint Version { get; set; }

    [BindingMessage(ContactSafetyProfile.UnknownChannelMessage)]
    public List<ContactChannels> SafeChannels { get; set; } = [];
    [BindingMessage(ContactSafetyProfile.UnknownChannelMessage)]
    public bool MayBeMonitored { get; set; }

    public ContactChannels Channels => SafeChannels.Aggregate(ContactChannels.None, (all, c) => all | c);
}
