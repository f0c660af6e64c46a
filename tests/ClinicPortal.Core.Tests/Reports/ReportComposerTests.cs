using ClinicPortal.Core.Reports;
using static ClinicPortal.Core.Tests.Reports.ReportFixture;

namespace ClinicPortal.Core.Tests.Reports;

public sealed class ReportComposerTests
{
    /// <summary>Words that label risk or assess safety: none may reach a client copy.</summary>
    public static readonly string[] RiskWords =
        ["Safety", "Severity", "Imminent", "Moderate", "Risk", "Rex Relay", "Nia Neutral", "Mutual", "Threats", "Repeated messages", "EVIDENCE-SECRET", "Evidence"];

    [Fact]
    public void A_provider_copy_has_every_section_in_order_with_its_figures()
    {
        var doc = ReportComposer.Compose(Rich().Build(ReportAudience.Provider, summary: "Steady progress.\n\nKeep the plan."));
        var headings = doc.Blocks.OfType<HeadingBlock>().Select(h => h.Text).ToList();
        var text = doc.PlainText();

        Assert.Equal(["Progress report", "Clinician summary", "Stage path", "Check-in trends", "Boundary plan", "Support network", "Safety concerns", "Attendance", "Questionnaires (measures)", "Treatment plan and tasks"], headings);
        Assert.Equal(2, doc.Blocks.OfType<ChartBlock>().Count());
        Assert.IsType<SignatureBlock>(doc.Blocks[^1]);
        Assert.Contains("Period: 1 Jun 2026 – 30 Jun 2026 (30 days)", text);
        Assert.Contains("Prepared for: A supervisor or another provider (provider copy)", text);
        Assert.Contains("Steady progress.", text);
        Assert.Contains("Keep the plan.", text);
        Assert.Contains("Moves back (regressions): 1", text);
        Assert.Contains("Setbacks (contact broken): 1", text);
        Assert.Contains("Contact attempts reported: 3 (Text 2, Call 1)", text);
        Assert.Contains("Urge to break contact (0–10): average 6.0; first half 7.0 → second half 3.0", text);
        Assert.Contains("Returned to no contact (was low contact)", text);
        Assert.Contains("Risk: 1", text);
        Assert.Contains("Still open at the end: 1", text);
        Assert.Contains("Imminent", text);
        Assert.Contains("Sessions kept: 2", text);
        Assert.Contains("Attendance: 67% of sessions due", text);
        Assert.Contains("Session notes: 4 written, 3 signed", text);
        Assert.Contains(ReportDocument.ConfidentialityNotice, text);
        Assert.DoesNotContain(ReportComposer.NoData, text);
    }

    [Fact]
    public void A_client_copy_has_no_risk_labels_safety_wording_or_evidence_notes()
    {
        var text = ReportComposer.Compose(Rich().Build(ReportAudience.Client)).PlainText();

        foreach (var word in RiskWords) Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Prepared for: The client (client copy)", text);
        Assert.Contains("Supportive: 1", text);
        Assert.Contains("Sam Supporter", text);
        Assert.Contains("Stage path", text);
    }

    [Fact]
    public void Regressions_setback_weeks_and_no_shows_are_marked_rows()
    {
        var tables = ReportComposer.Compose(Rich().Build()).Blocks.OfType<TableBlock>().ToDictionary(t => t.Caption);

        Assert.Equal([RowMark.None, RowMark.None, RowMark.Attention], tables["Stage assessments"].Rows.Select(r => r.Mark));
        Assert.Equal([RowMark.None, RowMark.Attention, RowMark.None], tables["Check-ins by week"].Rows.Select(r => r.Mark));
        Assert.Equal(RowMark.Attention, tables["Sessions"].Rows.Single(r => r.Cells[^1] == "No-show").Mark);
        Assert.Equal(RowMark.Attention, tables["Concerns"].Rows[0].Mark); // open and imminent
    }

    [Fact]
    public void A_report_with_nothing_in_it_says_so_plainly_and_check_ins_say_none()
    {
        var doc = ReportComposer.Compose(new ReportFixture().Build());
        var text = doc.PlainText();

        Assert.Equal(TextTone.Notice, doc.Blocks.OfType<ParagraphBlock>().First().Tone);
        Assert.Contains("No data in this period.", text);
        Assert.Contains(ReportComposer.NoCheckIns, text);
        Assert.Contains("No stage assessments in this period.", text);
        Assert.Contains("No sessions or session notes in this period.", text);
        Assert.Empty(doc.Blocks.OfType<ChartBlock>());
    }
}
