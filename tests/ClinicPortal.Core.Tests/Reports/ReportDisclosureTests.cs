using ClinicPortal.Core.Common;
using ClinicPortal.Core.Reports;

namespace ClinicPortal.Core.Tests.Reports;

public sealed class ReportDisclosureTests
{
    [Fact]
    public void The_clients_own_copy_needs_no_recipient_name_and_keeps_none()
    {
        var d = ReportDisclosure.Create(ReportRecipient.Client, "ignored");
        Assert.Null(d.RecipientName);
        Assert.Equal("client", d.Code);
    }

    [Theory]
    [InlineData(ReportRecipient.Clinician, "clinician")]
    [InlineData(ReportRecipient.LawyerOrAdvocate, "lawyer-or-advocate")]
    [InlineData(ReportRecipient.Court, "court")]
    [InlineData(ReportRecipient.Other, "other")]
    public void Anyone_else_needs_a_recipient_name(ReportRecipient recipient, string code)
    {
        Assert.Equal("The recipient's name is required.", Assert.Throws<DomainRuleException>(() => ReportDisclosure.Create(recipient, "  ")).Message);
        var d = ReportDisclosure.Create(recipient, "  J. Advocate, Legal Aid  ");
        Assert.Equal("J. Advocate, Legal Aid", d.RecipientName);
        Assert.Equal(code, d.Code);
    }

    [Fact]
    public void A_long_name_and_an_unknown_recipient_are_refused()
    {
        Assert.Throws<DomainRuleException>(() => ReportDisclosure.Create(ReportRecipient.Court, new string('x', ReportDisclosure.NameMax + 1)));
        Assert.Equal(ReportDisclosure.ChooseMessage, Assert.Throws<DomainRuleException>(() => ReportDisclosure.Create((ReportRecipient)42, "x")).Message);
    }
}
