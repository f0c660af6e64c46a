using ClinicPortal.Core.Common;
using ClinicPortal.Core.Email;

namespace ClinicPortal.Web.Features.Invitations;

/// <summary>
/// An invitation is mailed inside the transaction that issues its link (and, for a re-issue, clears the old sign-in), so a
/// mail that cannot be sent rolls all of it back. This turns that failure into a refusal saying so, not an error page.
/// </summary>
internal static class InvitationMail
{
    public static async Task SendAsync(IEmailSender mail, EmailMessage message, string instead, CancellationToken ct)
    {
        try
        {
            await mail.SendAsync(message, ct);
        }
        catch (MailDeliveryException e)
        {
            var why = e.IsTransient ? "the mail server did not answer" : "the mail server refused it: check the email address";
            throw new DomainRuleException($"The invitation email could not be sent ({why}), so nothing was changed. {instead}");
        }
    }
}
