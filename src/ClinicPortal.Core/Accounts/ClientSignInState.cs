namespace ClinicPortal.Core.Accounts;

/// <summary>Where a client's own sign-in stands, as the clinician sees it beside the invite and re-issue buttons.</summary>
public enum ClientSignInState
{
    /// <summary>Never accepted an invitation.</summary>
    None,
    /// <summary>Signs in with their own password.</summary>
    Active,
    /// <summary>Re-issued: every session ended, password cleared; waits for the new link or code to be used.</summary>
    Reissued,
    /// <summary>Ended at discharge (or closed); a re-issue opens it again once the client is re-admitted.</summary>
    Ended,
}

public static class ClientSignInStates
{
    public static ClientSignInState Of(bool hasSignIn, bool isActive, bool hasPassword) =>
        !hasSignIn ? ClientSignInState.None
        : !isActive ? ClientSignInState.Ended
        : hasPassword ? ClientSignInState.Active
        : ClientSignInState.Reissued;
}
