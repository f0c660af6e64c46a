using System.Globalization;
using System.Net;
using ClinicPortal.Core.Measures;
using ClinicPortal.Core.Reports;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Progress;
using ClinicPortal.IntegrationTests.Reports;
using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.Measures;

public sealed class MeasuresReportTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task The_pdf_holds_the_questionnaire_figures_as_of_the_periods_end_and_the_client_copy_in_plain_words()
    {
        var client = await ReportArrange.ClientAsync(app, "Quinn Questionnaire");
        var today = await ProgressArrange.TodayAsync(app);
        var (first, inPeriod, after) = (today.AddDays(-60), today.AddDays(-10), today);
        await MeasuresArrange.SentAsync(app, client, Instruments.Phq9Code, [3, 3, 2, 2, 2, 2, 2, 2, 0], ReportArrange.At(first, 16));     // 18
        await MeasuresArrange.SentAsync(app, client, Instruments.Phq9Code, [1, 1, 1, 1, 1, 1, 1, 0, 1], ReportArrange.At(inPeriod, 16));  // 8, item 9
        await MeasuresArrange.SentAsync(app, client, Instruments.Phq9Code, [3, 3, 3, 3, 3, 3, 3, 3, 2], ReportArrange.At(after, 16));    // 26, after the period
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var reports = $"/clinician/clients/{client.Id}/reports";

        async Task<string> PdfTextAsync(ReportAudience audience)
        {
            var form = ReportArrange.Form(today.AddDays(-29), today.AddDays(-1), audience, sections: [ReportSections.Measures]);
            var response = await session.PostFormAsync(reports, $"{reports}/pdf", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return PdfTools.Text(await PdfTools.SaveAsync(await response.Content.ReadAsByteArrayAsync(), $"measures-{audience}".ToLowerInvariant()));
        }

        var provider = await PdfTextAsync(ReportAudience.Provider);
        Assert.Contains("Questionnaires (measures)", provider);
        Assert.Contains("latest 8 of 27 (Mild)", provider);
        Assert.Contains($"First score 18 (Moderately severe) on {ReportPeriod.Format(first)}", provider);
        Assert.Contains("-10: reliably improved", provider);
        Assert.Contains("Answered above 0 once in the period", provider);
        Assert.Contains($"{ReportPeriod.Format(inPeriod)} 8 Mild -10 Reliably improved Flagged", provider);
        Assert.Contains("PHQ-9 1 in the period;", provider); // the score sent after the period's end is left out
        Assert.DoesNotContain("26 Severe", provider);

        var plain = await PdfTextAsync(ReportAudience.Client);
        Assert.Contains("Your questionnaires", plain);
        Assert.Contains($"things have eased since {first.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}", plain);
        Assert.Contains($"{ReportPeriod.Format(inPeriod)} Some of these difficulties lately", plain);
        foreach (var word in new[] { "Mild", "severe", "Item 9", "self-harm", "of 27" })
            Assert.DoesNotContain(word, plain, StringComparison.OrdinalIgnoreCase);
    }
}
