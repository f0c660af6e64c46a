namespace ClinicPortal.Web.Areas.Admin.Home;

/// <summary>How many alerts wait unacknowledged for this long (all of them, and the imminent ones among them).</summary>
public sealed record AlertAgeRow(string Age, int Waiting, int Imminent)
{
    public static readonly IReadOnlyList<string> Buckets = ["Under 15 minutes", "15 to 60 minutes", "1 to 24 hours", "Over a day"];
}

public sealed record AdminHomePage(IReadOnlyList<AlertAgeRow> UnacknowledgedAlerts);
