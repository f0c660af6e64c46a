namespace ClinicPortal.IntegrationTests.Security;

/// <summary>
/// The protective-order and incident-link routes of the matrix (issue 21); real orders and links are walked in
/// ProtectiveOrderPagesTests and IncidentLinkTests.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, string>> OrderFields(Guid person) =>
        [new("Court", "INJECTED"), new("OrderNumber", "INJECTED"), new("Type", "Temporary"), new("BoundaryId", person.ToString()), new("NoContact", "true"),
         new("ServedOn", DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd")), new("Notes", "INJECTED")];

    /// <summary>Any id stands in for the order and the person it covers.</summary>
    private static IEnumerable<(string Method, string Template, string Path, IEnumerable<KeyValuePair<string, string>> Form)> ProtectiveOrderRoutes(Guid c, Guid n) =>
    [
        ("GET", "clinician/clients/{}/safety/orders", $"/clinician/clients/{c}/safety/orders", []),
        ("GET", "clinician/clients/{}/safety/orders/new", $"/clinician/clients/{c}/safety/orders/new", []),
        ("POST", "clinician/clients/{}/safety/orders/new", $"/clinician/clients/{c}/safety/orders/new", OrderFields(n)),
        ("GET", "clinician/clients/{}/safety/orders/{}", $"/clinician/clients/{c}/safety/orders/{n}", []),
        ("GET", "clinician/clients/{}/safety/orders/{}/edit", $"/clinician/clients/{c}/safety/orders/{n}/edit", []),
        ("POST", "clinician/clients/{}/safety/orders/{}/edit", $"/clinician/clients/{c}/safety/orders/{n}/edit", OrderFields(n)),
        ("POST", "clinician/clients/{}/safety/orders/{}/end", $"/clinician/clients/{c}/safety/orders/{n}/end", [new("LastDay", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"))]),
    ];

    /// <summary>k is the arranged concern; any id stands in for the incident and the check-in.</summary>
    private static IEnumerable<(string Method, string Template, string Path, IEnumerable<KeyValuePair<string, string>> Form)> IncidentLinkRoutes(Guid c, Guid n, Guid k) =>
    [
        ("POST", "clinician/clients/{}/safety/concerns/{}/incidents", $"/clinician/clients/{c}/safety/concerns/{k}/incidents", [new("incidentId", n.ToString())]),
        ("POST", "clinician/clients/{}/safety/concerns/{}/incidents/{}/unlink", $"/clinician/clients/{c}/safety/concerns/{k}/incidents/{n}/unlink", []),
        ("GET", "clinician/clients/{}/check-ins/{}/incident", $"/clinician/clients/{c}/check-ins/{n}/incident", []),
        ("POST", "clinician/clients/{}/check-ins/{}/incident", $"/clinician/clients/{c}/check-ins/{n}/incident",
            [new("Date", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), new("Time", "10:00"), new("Channel", "Text"), new("Account", "INJECTED")]),
    ];
}
