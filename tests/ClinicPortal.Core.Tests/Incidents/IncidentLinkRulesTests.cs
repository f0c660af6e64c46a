using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.Reports;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Tests.Reports;

namespace ClinicPortal.Core.Tests.Incidents;

/// <summary>Issue 21's links: a concern links only its own client's visible incidents; the report counts the period's incidents by channel.</summary>
public sealed class IncidentLinkRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private static SafetyConcern Concern(Guid clientId) => SafetyConcern.Record(clientId, new SafetyConcernDetails(ConcernType.Threats, null,
        ConcernSeverity.Moderate, ConcernStatus.Open, new DateOnly(2026, 6, 1), null, "Ex-partner", "Voicemails.", new DateOnly(2026, 7, 7), null),
        Guid.NewGuid(), new DateOnly(2026, 6, 30), Now);

    private static IncidentEntry Entry(Guid clientId, bool isPrivate = false) => IncidentEntry.Write(clientId,
        new IncidentDetails(Now.AddHours(-2), null, null, null, ContactChannel.Text, "They wrote again.", null, null, null, null, null),
        isPrivate, IncidentAuthor.Client, Guid.NewGuid(), Now);

    [Fact]
    public void A_concern_links_an_incident_of_its_own_client_only_and_never_a_private_one()
    {
        var clientId = Guid.NewGuid();
        var concern = Concern(clientId);
        var entry = Entry(clientId);

        var link = ConcernIncidentLink.Between(concern, entry, Guid.NewGuid(), Now);

        Assert.Equal((clientId, concern.Id, entry.Id), (link.ClientId, link.ConcernId, link.IncidentId));
        Assert.Equal(ConcernIncidentLink.NotThisClients, Assert.Throws<DomainRuleException>(() => ConcernIncidentLink.Between(concern, Entry(Guid.NewGuid()), Guid.NewGuid(), Now)).Message);
        Assert.Equal(ConcernIncidentLink.NotThisClients, Assert.Throws<DomainRuleException>(() => ConcernIncidentLink.Between(concern, Entry(clientId, isPrivate: true), Guid.NewGuid(), Now)).Message);
        Assert.Equal(ConcernIncidentLink.NotThisClients, Assert.Throws<DomainRuleException>(() => ConcernIncidentLink.Between(concern, null, Guid.NewGuid(), Now)).Message);
    }

    [Fact]
    public void The_report_counts_incidents_of_the_period_by_channel_on_the_clinics_calendar()
    {
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var inputs = ReportFixture.Rich().Inputs(chicago) with
        {
            Incidents =
            [
                new(ReportFixture.At(new DateOnly(2026, 6, 10)), ContactChannel.Text),
                new(ReportFixture.At(new DateOnly(2026, 6, 11)), ContactChannel.Text),
                new(ReportFixture.At(new DateOnly(2026, 6, 12)), ContactChannel.Call),
                new(ReportFixture.At(new DateOnly(2026, 5, 20)), ContactChannel.Email),            // before the period
                new(new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero), ContactChannel.InPerson), // 31 May in Chicago
            ],
        };

        var section = IncidentsSection.For(inputs, ReportFixture.Period);

        Assert.Equal(3, section.Total);
        Assert.Equal([(ContactChannel.Call, 1), (ContactChannel.Text, 2)], section.ByChannel.OrderBy(c => c.Channel.ToString()));
        Assert.True(IncidentsSection.For(inputs with { Incidents = [] }, ReportFixture.Period).IsEmpty);
    }

    [Fact]
    public void Only_the_provider_copy_carries_the_counts()
    {
        var fixture = ReportFixture.Rich();
        var inputs = fixture.Inputs() with { Incidents = [new(ReportFixture.At(new DateOnly(2026, 6, 10)), ContactChannel.Text)] };
        var options = (ReportAudience audience) => ReportOptions.Create(ReportFixture.Period, ReportSections.All, audience, null);
        var generation = new ReportGeneration(Guid.NewGuid(), Now, "Dr. Test Clinician");

        var provider = ProgressReportBuilder.Build(inputs, options(ReportAudience.Provider), generation);
        var client = ProgressReportBuilder.Build(inputs, options(ReportAudience.Client), generation);

        Assert.Equal(1, provider.Incidents!.Total);
        Assert.Null(client.Incidents);
        Assert.DoesNotContain(ReportComposer.Compose(client).Blocks.OfType<HeadingBlock>(), h => h.Text.Contains("Incident", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(ReportComposer.Compose(provider).Blocks.OfType<HeadingBlock>(), h => h.Text == "Incidents logged");
    }
}
