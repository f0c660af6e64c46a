namespace ClinicPortal.IntegrationTests.Security;

public sealed partial class AuthorizationMatrixTests
{
    /// <summary>Incident attachments and the chronological export; any id stands in for the entry and the file (real ones are walked in AttachmentPagesTests).</summary>
    private static IEnumerable<(string Method, string Template, string Path, IEnumerable<KeyValuePair<string, string>> Form)> IncidentFileRoutes(Guid c, Guid n) =>
    [
        ("GET", "clinician/clients/{}/incidents/{}/files", $"/clinician/clients/{c}/incidents/{n}/files", []),
        ("POST", "clinician/clients/{}/incidents/{}/files", $"/clinician/clients/{c}/incidents/{n}/files", []),
        ("GET", "clinician/clients/{}/incidents/files/{}", $"/clinician/clients/{c}/incidents/files/{n}", []),
        ("GET", "clinician/clients/{}/incidents/export", $"/clinician/clients/{c}/incidents/export", []),
        ("POST", "clinician/clients/{}/incidents/export", $"/clinician/clients/{c}/incidents/export",
            [new("Entries", n.ToString()), new("Recipient", "Court"), new("RecipientName", "INJECTED")]),
    ];
}
