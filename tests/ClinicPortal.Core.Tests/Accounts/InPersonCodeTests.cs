using ClinicPortal.Core.Accounts;

namespace ClinicPortal.Core.Tests.Accounts;

public sealed class InPersonCodeTests
{
    [Fact]
    public void A_new_code_is_two_groups_of_five_without_look_alikes_and_differs_each_time()
    {
        var codes = Enumerable.Range(0, 50).Select(_ => InPersonCode.New()).ToList();

        Assert.All(codes, c => Assert.Matches("^[A-HJ-KM-NP-Z2-9]{5}-[A-HJ-KM-NP-Z2-9]{5}$", c));
        Assert.All(codes, c => Assert.DoesNotContain(c, ch => ch is '0' or 'O' or '1' or 'I' or 'L'));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("ABCDE-FGH23", "ABCDEFGH23")]
    [InlineData("abcde fgh23", "ABCDEFGH23")]
    [InlineData(" abcdefgh23 ", "ABCDEFGH23")]
    [InlineData("ABCDE-FGH2", null)]
    [InlineData("ABCDE-FGH2O", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Typed_codes_are_normalized_or_refused(string? typed, string? normalized) => Assert.Equal(normalized, InPersonCode.Normalize(typed));

    [Fact]
    public void A_code_token_is_found_by_the_hash_of_the_typed_code_however_it_is_typed()
    {
        var (token, code) = OneTimeToken.IssueCode(Guid.NewGuid(), Guid.NewGuid(), TimeSpan.FromHours(72), DateTimeOffset.UtcNow);

        Assert.Equal(TokenPurposes.InPersonCode, token.Purpose);
        Assert.Equal(token.TokenHash, OneTimeToken.Hash(InPersonCode.Normalize(code.ToLowerInvariant().Replace("-", " "))!));
        Assert.DoesNotContain(code.Replace("-", ""), token.TokenHash);
    }

    [Fact]
    public void A_token_is_void_after_too_many_wrong_answers()
    {
        var now = DateTimeOffset.UtcNow;
        var (token, _) = OneTimeToken.Issue(TokenPurposes.ClientInvitation, Guid.NewGuid(), null, TimeSpan.FromHours(1), now);

        for (var i = 1; i < OneTimeToken.MaxFailedAttempts; i++) Assert.False(token.RecordFailure(now));
        Assert.True(token.IsUsable(now));
        Assert.True(token.RecordFailure(now));
        Assert.False(token.IsUsable(now));
    }

    [Theory]
    [InlineData(false, false, false, ClientSignInState.None)]
    [InlineData(true, true, true, ClientSignInState.Active)]
    [InlineData(true, true, false, ClientSignInState.Reissued)]
    [InlineData(true, false, true, ClientSignInState.Ended)]
    [InlineData(true, false, false, ClientSignInState.Ended)]
    public void A_clients_sign_in_state(bool hasSignIn, bool active, bool hasPassword, ClientSignInState state) =>
        Assert.Equal(state, ClientSignInStates.Of(hasSignIn, active, hasPassword));
}
