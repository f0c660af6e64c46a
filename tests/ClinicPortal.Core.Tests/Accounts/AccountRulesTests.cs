using ClinicPortal.Core.Accounts;

namespace ClinicPortal.Core.Tests.Accounts;

public sealed class AccountRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_stores_only_a_hash_and_works_once_until_it_expires()
    {
        var (token, secret) = OneTimeToken.Issue(TokenPurposes.ClientInvitation, Guid.NewGuid(), null, TimeSpan.FromHours(72), Now);

        Assert.NotEqual(secret, token.TokenHash);
        Assert.Equal(OneTimeToken.Hash(secret), token.TokenHash);
        Assert.True(token.IsUsable(Now.AddHours(71)));
        Assert.False(token.IsUsable(Now.AddHours(72)));

        token.MarkUsed(Now.AddHours(1));
        Assert.False(token.IsUsable(Now.AddHours(2)));
    }

    [Fact]
    public void A_revoked_token_is_dead()
    {
        var (token, _) = OneTimeToken.Issue(TokenPurposes.ClientInvitation, null, null, TimeSpan.FromHours(72), Now);
        token.Revoke(Now);
        Assert.False(token.IsUsable(Now));
    }

    [Fact]
    public void Two_tokens_never_share_a_secret()
    {
        var a = OneTimeToken.Issue("p", null, null, TimeSpan.FromHours(1), Now).Secret;
        var b = OneTimeToken.Issue("p", null, null, TimeSpan.FromHours(1), Now).Secret;
        Assert.NotEqual(a, b);
        Assert.True(a.Length >= 43);
    }

    [Theory]
    [InlineData(new[] { Roles.Clinician }, AccessKind.Clinician)]
    [InlineData(new[] { Roles.Admin }, AccessKind.Admin)]
    [InlineData(new[] { Roles.Client }, AccessKind.Client)]
    [InlineData(new string[0], AccessKind.Anonymous)]
    public void Scope_follows_the_role(string[] roles, AccessKind expected)
    {
        var scope = AccessScope.ForRoles(Guid.NewGuid(), roles.Contains);
        Assert.Equal(expected, scope.Kind);
        Assert.Equal(expected is AccessKind.Clinician, scope.ReadsClinicalContent);
    }
}
