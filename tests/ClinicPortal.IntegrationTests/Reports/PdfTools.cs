using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ClinicPortal.IntegrationTests.Reports;

/// <summary>
/// Reads PDFs with Debian's poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm). Files land in reports/ in the
/// test output folder so a person can open them, with a PNG of each first page.
/// </summary>
internal static partial class PdfTools
{
    public static string OutputFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "reports")).FullName;

    public static async Task<string> SaveAsync(byte[] pdf, string name)
    {
        var path = Path.Combine(OutputFolder, name + ".pdf");
        await File.WriteAllBytesAsync(path, pdf);
        return path;
    }

    /// <summary>The text in reading layout, with runs of spaces folded to one so columns read as "Label value".</summary>
    public static string Text(string pdf) => Spaces().Replace(Run("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"), " ");

    public static int Pages(string pdf) => int.Parse(PagesLine().Match(Run("pdfinfo", pdf)).Groups[1].Value);

    public static string Fonts(string pdf) => Run("pdffonts", pdf);

    /// <summary>Renders page one to <c>name.png</c> next to the PDF and returns its path.</summary>
    public static string FirstPagePng(string pdf)
    {
        var target = Path.Combine(OutputFolder, Path.GetFileNameWithoutExtension(pdf));
        Run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, target);
        return target + ".png";
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed: run scripts/setup.sh --tests (Debian package poppler-utils).", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
            return output.Result;
        }
    }

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}
