namespace ClinicPortal.IntegrationTests.ClientCheckIns;

public sealed partial class ClientAreaAccessTests
{
    /// <summary>The client's notes of contact (their incident log); any id stands in for the entry (real ones are walked in IncidentPagesTests).</summary>
    private static IEnumerable<(string Method, string Template, string Path, IEnumerable<KeyValuePair<string, string>> Form)> IncidentRoutes(Guid id)
    {
        IEnumerable<KeyValuePair<string, string>> fields =
            [new("Date", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), new("Time", "10:00"), new("Channel", "Text"), new("Account", "INJECTED")];
        return
        [
            ("GET", "client/log", "/client/log", []),
            ("GET", "client/log/new", "/client/log/new", []),
            ("POST", "client/log/new", "/client/log/new", fields),
            ("GET", "client/log/{}", $"/client/log/{id}", []),
            ("GET", "client/log/{}/correct", $"/client/log/{id}/correct", []),
            ("POST", "client/log/{}/correct", $"/client/log/{id}/correct", fields),
            ("POST", "client/log/{}/addenda", $"/client/log/{id}/addenda", [new("Text", "INJECTED")]),
        ];
    }
}
