namespace ClinicPortal.IntegrationTests.ClientCheckIns;

public sealed partial class ClientAreaAccessTests
{
    /// <summary>The client's plan and tasks; any id stands in for the task (a client's own and another's are walked in ClientTaskPagesTests).</summary>
    private static IEnumerable<(string Method, string Template, string Path, IEnumerable<KeyValuePair<string, string>> Form)> TreatmentPlanRoutes(Guid id) =>
    [
        ("GET", "client/plan", "/client/plan", []),
        ("POST", "client/plan/acknowledge", "/client/plan/acknowledge", []),
        ("GET", "client/tasks", "/client/tasks", []),
        ("POST", "client/tasks/{}/tick", $"/client/tasks/{id}/tick", [new("done", "true")]),
    ];
}
