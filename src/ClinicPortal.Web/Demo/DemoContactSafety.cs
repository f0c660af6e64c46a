using ClinicPortal.Core.Clients;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// Contact-safety profiles for the demo clients: Jordan's ex-partner read their messages and tracked them (their own
/// reasons say so), so nothing is emailed and their reminders show in their space; Avery and Sky are not recorded yet.
/// </summary>
public static class DemoContactSafety
{
    private static readonly Dictionary<string, ContactSafetyDetails> Profiles = new()
    {
        ["Jordan Testperson"] = new(ContactChannels.Phone, MayBeMonitored: true,
            SafeTimes.Create(SafeTimes.Weekdays, new TimeOnly(9, 0), new TimeOnly(17, 0)),
            ["Sam (ex-partner)", "Dana (Sam's best friend)"],
            "Call the work number on weekdays only; leave no voicemail. Reminders stay in the portal."),
        ["Casey Placeholder"] = new(ContactChannels.Email | ContactChannels.Phone, false, null, ["Mother", "Aunt Ruth"],
            "Her mother knows her home address but not her email."),
        ["Quinn Demonstration"] = new(ContactChannels.Email | ContactChannels.Text, false,
            SafeTimes.Create(SafeTimes.AllDays, new TimeOnly(18, 0), new TimeOnly(21, 30)), [], "Evenings only: shares a desk at the new job."),
        ["Rowan Mockingbird"] = new(ContactChannels.Email | ContactChannels.Phone | ContactChannels.Text, false, null, ["Older brother"], null),
    };

    public static void AddFor(ClinicDbContext db, Client client, DateTimeOffset now)
    {
        if (Profiles.TryGetValue(client.FullName, out var details))
            db.Add(ContactSafetyProfile.Create(client.Id, details, client.PrimaryClinicianId, now.AddDays(-14)));
    }
}
