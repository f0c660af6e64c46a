namespace ClinicPortal.IntegrationTests.Security;

public sealed partial class AuthorizationMatrixTests
{
    /// <summary>The incident log; any id stands in for the entry (real ones, private ones too, are walked in IncidentPagesTests).</summary>
    private static IEnumerable<(string Method, string Template, string Path, IEnumerable<KeyValuePair<string, string>> Form)> IncidentRoutes(Guid c, Guid n)
    {
        IEnumerable<KeyValuePair<string, string>> fields =
            [new("Date", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), new("Time", "10:00"), new("Channel", "Text"), new("Account", "INJECTED")];
        return
        [
            ("GET", "clinician/clients/{}/incidents", $"/clinician/clients/{c}/incidents", []),
            ("GET", "clinician/clients/{}/incidents/new", $"/clinician/clients/{c}/incidents/new", []),
            ("POST", "clinician/clients/{}/incidents/new", $"/clinician/clients/{c}/incidents/new", fields),
            ("GET", "clinician/clients/{}/incidents/{}", $"/clinician/clients/{c}/incidents/{n}", []),
            ("GET", "clinician/clients/{}/incidents/{}/correct", $"/clinician/clients/{c}/incidents/{n}/correct", []),
            ("POST", "clinician/clients/{}/incidents/{}/correct", $"/clinician/clients/{c}/incidents/{n}/correct", fields),
            ("POST", "clinician/clients/{}/incidents/{}/addenda", $"/clinician/clients/{c}/incidents/{n}/addenda", [new("Text", "INJECTED")]),
        ];
    }
}
