using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Tests.Safety;

public sealed class CrisisTextKeywordTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_text_keyword_is_typed_in_for_the_client_and_named_in_the_label()
    {
        var hotline = CrisisResource.Create("National Domestic Violence Hotline", "1-800-799-7233", "88788", null, null, 30, true, Now, " start ");

        Assert.Equal("START", hotline.TextKeyword);
        Assert.Equal("sms:88788?&body=START", hotline.SmsHref);
        Assert.Equal("Text START to 88788", hotline.TextLabel);
        Assert.Equal("Text 988", CrisisResource.Create("988", "988", "988", null, null, 1, true, Now).TextLabel);
    }

    [Theory]
    [InlineData(null, "START", "needs a text number")]
    [InlineData("88788", "START NOW", "only letters and digits")]
    [InlineData("88788", "START&body=x", "only letters and digits")]
    public void A_keyword_without_a_number_or_with_other_characters_is_refused(string? number, string keyword, string message) =>
        Assert.Contains(message, Assert.Throws<DomainRuleException>(() => CrisisResource.Create("Line", "911", number, null, null, 1, true, Now, keyword)).Message);
}
