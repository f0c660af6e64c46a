namespace ClinicPortal.IntegrationTests.ClientCheckIns;

public sealed partial class ClientAreaAccessTests
{
    /// <summary>The client's files with their log entries and their own copy; any id stands in (a client's own and another's are walked in AttachmentPagesTests).</summary>
    private static IEnumerable<(string Method, string Template, string Path, IEnumerable<KeyValuePair<string, string>> Form)> IncidentFileRoutes(Guid id) =>
    [
        ("GET", "client/log/{}/files", $"/client/log/{id}/files", []),
        ("POST", "client/log/{}/files", $"/client/log/{id}/files", []),
        ("GET", "client/log/files/{}", $"/client/log/files/{id}", []),
        ("GET", "client/log/copy", "/client/log/copy", []),
        ("POST", "client/log/copy", "/client/log/copy", [new("Entries", id.ToString()), new("Recipient", "Client")]),
    ];
}
