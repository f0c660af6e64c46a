namespace ClinicPortal.Infrastructure.Files;

/// <summary>
/// Files (and their folders) holding secrets or mail (passwords, live links): created readable by the app's user only (0600 on Linux)
/// from the first byte, rather than created under the umask and narrowed afterwards, when another user may already have opened them.
/// </summary>
public static class OwnerOnlyFile
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>A new file (never an existing one, which may have been planted with wider rights) open for writing.</summary>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }

    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>A folder only the app's user can open (0700), narrowed if it already existed wider; returns its full path.</summary>
    public static string CreateFolder(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }
        Directory.CreateDirectory(full, FolderMode);
        if ((File.GetUnixFileMode(full) & ~FolderMode) != 0) File.SetUnixFileMode(full, FolderMode); // an older, wider folder
        return full;
    }

    public static void WriteAllText(string path, string text)
    {
        using var file = CreateNew(path);
        using var writer = new StreamWriter(file);
        writer.Write(text);
    }
}
