namespace ClinicPortal.Web.Areas.ClientSpace.Journal;

public sealed record JournalLine(DateTimeOffset CreatedAt, string Text);

public sealed record JournalPage(IReadOnlyList<JournalLine> Entries, JournalForm Form, bool ReadOnly, TimeZoneInfo Zone)
{
    public string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone).ToString("ddd d MMM yyyy, HH:mm");
}
