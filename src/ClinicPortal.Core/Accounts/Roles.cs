namespace ClinicPortal.Core.Accounts;

/// <summary>The three kinds of people who sign in.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Clinician = "Clinician";
    public const string Client = "Client";

    public static readonly IReadOnlyList<string> All = [Admin, Clinician, Client];
}
