using ClinicPortal.Core.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClinicPortal.Infrastructure.Email;

/// <summary>
/// Sends through MailKit to the configured SMTP server (TLS mode, login and timeouts from
/// <see cref="MailOptions"/>), or writes to the pickup folder when no server is configured.
/// </summary>
public sealed class SmtpEmailSender(IOptions<MailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        await using var batch = StartBatch();
        await batch.SendAsync(message, cancellationToken);
    }

    public IMailBatch StartBatch() => options.Value.SmtpHost is { Length: > 0 }
        ? new SmtpBatch(options.Value)
        : new PickupBatch(options.Value);

    private sealed class PickupBatch(MailOptions o) : IMailBatch
    {
        private readonly PickupFolder _folder = new(o.PickupDirectory);

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
            _folder.WriteAsync(MailComposer.Compose(message, o.From), cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>One SMTP connection for a run of messages; after a failure it is dropped and the next message opens a new one.</summary>
    private sealed class SmtpBatch(MailOptions o) : IMailBatch
    {
        private SmtpClient? _client;

        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            var mime = MailComposer.Compose(message, o.From);
            try
            {
                var client = await ConnectedAsync(cancellationToken);
                await client.SendAsync(mime, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && SmtpFailures.Classify(e, o) is { } failure)
            {
                // A refused recipient leaves the connection usable; anything else may have broken it.
                if (failure.Failure == DeliveryFailure.Transient || _client?.IsConnected != true) await DropAsync();
                throw failure;
            }
        }

        private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
        {
            if (_client is { IsConnected: true }) return _client;
            await DropAsync();
            var client = new SmtpClient { Timeout = o.CommandTimeoutSeconds * 1000 };
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
                limit.CancelAfter(TimeSpan.FromSeconds(o.ConnectTimeoutSeconds));
                try
                {
                    await client.ConnectAsync(o.SmtpHost!, o.SmtpPort, Socket(o.Tls), limit.Token);
                    if (o.UserName is { Length: > 0 }) await client.AuthenticateAsync(o.UserName, o.Password ?? "", limit.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new TimeoutException($"The SMTP server {o.SmtpHost}:{o.SmtpPort} did not answer within {o.ConnectTimeoutSeconds} s.");
                }
                return _client = client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        private static SecureSocketOptions Socket(SmtpTls tls) => tls switch
        {
            SmtpTls.StartTls => SecureSocketOptions.StartTls,
            SmtpTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };

        private async Task DropAsync()
        {
            if (_client is not { } client) return;
            _client = null;
            try
            {
                if (client.IsConnected)
                {
                    using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await client.DisconnectAsync(quit: true, quick.Token);
                }
            }
            catch (Exception) { } // the connection is being thrown away either way
            finally
            {
                client.Dispose();
            }
        }

        public async ValueTask DisposeAsync() => await DropAsync();
    }
}
