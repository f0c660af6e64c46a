using ClinicPortal.Core.Email;
using ClinicPortal.Infrastructure.Files;
using MimeKit;

namespace ClinicPortal.Infrastructure.Email;

/// <summary>
/// Without an SMTP server, each message becomes an .eml file in a folder only the app's user can open
/// (0700, files 0600 on Linux). A file appears under its final name only once it is complete.
/// </summary>
internal sealed class PickupFolder(string directory)
{

    public async Task WriteAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = Ensure();
        // Named by the time to the tick, so files sort in the order they were written even within one
        // tick of the file system's coarser clock.
        var name = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfffffff}-{Guid.NewGuid():N}");
        try
        {
            await using (var file = OwnerOnlyFile.CreateNew(name + ".tmp"))
                await message.WriteToAsync(file, ct);
            File.Move(name + ".tmp", name + ".eml");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailDeliveryException(DeliveryFailure.Transient, $"The mail pickup folder could not be written ({e.GetType().Name}).", e);
        }
    }

    private string Ensure() => OwnerOnlyFile.CreateFolder(directory);
}
