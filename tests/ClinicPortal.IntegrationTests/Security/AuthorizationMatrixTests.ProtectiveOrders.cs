namespace ClinicPortal.IntegrationTests.Security;

/// <summary>The protective-order routes of the matrix (issue 21); real orders are walked in ProtectiveOrderPagesTests.</summary>
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
}
