using ClinicPortal.Core.Clients;

namespace ClinicPortal.Web.Demo;

/// <summary>Six clearly fictional clients, each facing a different no-contact situation.</summary>
public sealed record DemoClientProfile(string FullName, string? PreferredName, string Pronouns, int BirthYear, int DaysInCare, string Concern, string Email)
{
    public ClientDetails ToDetails(DateOnly today) => new(FullName, PreferredName, Pronouns, new DateOnly(BirthYear, 4, 12), Email,
        "+1 555 0100", "America/Chicago", today.AddDays(-DaysInCare), Concern);
}

public static class DemoClients
{
    public static readonly IReadOnlyList<DemoClientProfile> All =
    [
        new("Jordan Testperson", "Jordy", "they/them", 1991, 120,
            "Ending contact with an ex-partner after repeated boundary violations; shared lease ended last month.", DemoLogins.JordanEmail),
        new("Casey Placeholder", null, "she/her", 1986, 75,
            "Considering low contact with a controlling mother; guilt and pressure from extended family.", DemoLogins.CaseyEmail),
        new("Avery Fictional", null, "he/him", 1979, 200,
            "Structured co-parenting contact with an ex-spouse; messages limited to a parenting app.", DemoLogins.AveryEmail),
        new("Quinn Demonstration", "Q", "she/they", 1998, 40,
            "Left a job after a manager's sustained intimidation; former colleagues relay news.", DemoLogins.QuinnEmail),
        new("Rowan Mockingbird", null, "he/they", 1994, 160,
            "No contact with an older brother after financial exploitation; door left open to reconnect.", DemoLogins.RowanEmail),
        new("Sky Imaginary", null, "she/her", 2001, 20,
            "Early no contact with a former friend group; urges to check their social media.", DemoLogins.SkyEmail),
    ];
}
