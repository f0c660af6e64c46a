using ClinicPortal.Core.Common;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Core.Tests.Sessions;

public sealed class SessionLinkTests
{
    [Fact]
    public void A_session_not_found_in_the_clients_record_is_refused_with_the_pages_message() =>
        Assert.Equal(SessionLink.Message, Assert.Throws<DomainRuleException>(() => SessionLink.Refuse(sessionFound: false)).Message);

    [Fact]
    public void A_session_of_the_client_passes() => Assert.Null(Record.Exception(() => SessionLink.Refuse(sessionFound: true)));
}
