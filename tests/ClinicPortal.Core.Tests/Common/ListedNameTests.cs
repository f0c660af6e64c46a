using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Common;
using Xunit;

namespace ClinicPortal.Core.Tests.Common;

public class ListedNameTests
{
    private const string Refusal = "Choose from the list.";

    [Theory]
    [InlineData("Text", ContactChannel.Text)]
    [InlineData(" inperson ", ContactChannel.InPerson)]
    [InlineData("SOCIALMEDIA", ContactChannel.SocialMedia)]
    public void A_listed_name_is_read_whatever_its_case_and_spaces(string posted, ContactChannel expected) =>
        Assert.Equal(expected, ListedName.Parse<ContactChannel>(posted, Refusal));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_posted_is_no_choice(string? posted) =>
        Assert.Null(ListedName.Parse<ContactChannel>(posted, Refusal));

    [Theory]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("Text, Email")]
    [InlineData("Carrier pigeon")]
    public void Numbers_combinations_and_unknown_names_are_refused_with_the_lists_message(string posted) =>
        Assert.Equal(Refusal, Assert.Throws<DomainRuleException>(() => ListedName.Parse<ContactChannel>(posted, Refusal)).Message);
}
