using ClinicPortal.Infrastructure.Files;
using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.Security;

public sealed class OwnerOnlyFileTests
{
    [Fact]
    public void A_secret_file_is_readable_by_its_owner_only_from_the_start()
    {
        var path = Path.Combine(TestCluster.CreateScratchDirectory(), "secret");

        using (var file = OwnerOnlyFile.CreateNew(path))
            Assert.Equal(OwnerOnlyFile.FileMode, File.GetUnixFileMode(path)); // while still being written

        OwnerOnlyFile.WriteAllText(path + ".txt", "s3cret");
        Assert.Equal(OwnerOnlyFile.FileMode, File.GetUnixFileMode(path + ".txt"));
        Assert.Equal("s3cret", File.ReadAllText(path + ".txt"));
    }

    [Fact]
    public void A_file_already_there_is_never_reused()
    {
        var path = Path.Combine(TestCluster.CreateScratchDirectory(), "planted");
        File.WriteAllText(path, "planted by someone else");

        Assert.Throws<IOException>(() => OwnerOnlyFile.WriteAllText(path, "s3cret"));
        Assert.Equal("planted by someone else", File.ReadAllText(path));
    }
}
