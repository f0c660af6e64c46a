namespace ClinicPortal.Web.Areas.ClientSpace.Journal;

/// <summary>A journal entry written on its own, without a check-in.</summary>
public sealed class JournalForm
{
    public string? Text { get; set; }
}
