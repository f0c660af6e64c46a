namespace ClinicPortal.IntegrationTests.Security;

public sealed partial class AuthorizationMatrixTests
{
    /// <summary>The treatment plan and tasks between sessions; any id stands in for the task (real ones are walked in ClientTaskPagesTests).</summary>
    private static IEnumerable<(string Method, string Template, string Path, IEnumerable<KeyValuePair<string, string>> Form)> TreatmentPlanRoutes(Guid c, Guid n)
    {
        var due = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd");
        return
        [
            ("GET", "clinician/clients/{}/treatment-plan", $"/clinician/clients/{c}/treatment-plan", []),
            ("GET", "clinician/clients/{}/treatment-plan/edit", $"/clinician/clients/{c}/treatment-plan/edit", []),
            ("POST", "clinician/clients/{}/treatment-plan/edit", $"/clinician/clients/{c}/treatment-plan/edit",
                [new("PresentingProblems", "INJECTED"), new("Goals[0].Description", "INJECTED"), new("Goals[0].TargetDate", due)]),
            ("POST", "clinician/clients/{}/treatment-plan/sign", $"/clinician/clients/{c}/treatment-plan/sign", [new("revision", "1")]),
            ("GET", "clinician/clients/{}/tasks", $"/clinician/clients/{c}/tasks", []),
            ("POST", "clinician/clients/{}/tasks", $"/clinician/clients/{c}/tasks", [new("Title", "INJECTED"), new("DueOn", due)]),
            ("GET", "clinician/clients/{}/tasks/{}/edit", $"/clinician/clients/{c}/tasks/{n}/edit", []),
            ("POST", "clinician/clients/{}/tasks/{}/edit", $"/clinician/clients/{c}/tasks/{n}/edit", [new("Title", "INJECTED"), new("DueOn", due)]),
        ];
    }
}
