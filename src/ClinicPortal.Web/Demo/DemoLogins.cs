namespace ClinicPortal.Web.Demo;

/// <summary>
/// The demo clinic's sign-ins, printed at start-up and used by the tests. Fictional people; the passwords are
/// not secrets (demo mode only).
/// </summary>
public static class DemoLogins
{
    public const string Domain = "demo.clinicportal.test";

    public const string AdminPassword = "Demo-Admin-2026!";
    public const string ClinicianPassword = "Demo-Clinician-2026!";
    public const string ClientPassword = "Demo-Client-2026!";

    public const string AdminEmail = "admin@" + Domain;
    public const string MorganEmail = "morgan.example@" + Domain;
    public const string RileyEmail = "riley.sample@" + Domain;

    public const string JordanEmail = "jordan.testperson@" + Domain;
    public const string CaseyEmail = "casey.placeholder@" + Domain;
    public const string AveryEmail = "avery.fictional@" + Domain;
    public const string QuinnEmail = "quinn.demonstration@" + Domain;
    public const string RowanEmail = "rowan.mockingbird@" + Domain;
    public const string SkyEmail = "sky.imaginary@" + Domain;
}
