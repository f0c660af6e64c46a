using System.Reflection;
using System.Text.RegularExpressions;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician;
using ClinicPortal.Web.Areas.Clinician.CaseNotes;
using ClinicPortal.Web.Areas.Clinician.Clients;
using ClinicPortal.Web.Areas.Clinician.Safety;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Security;

/// <summary>The conventions of CONTRIBUTING.md that a reviewer would otherwise have to remember.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly Assembly Web = typeof(PortalController).Assembly;
    private static readonly Assembly Infrastructure = typeof(ClinicDbContext).Assembly;

    /// <summary>Entities whose configuration still sits with sessions, where reminders began; they move with the reminders rework.</summary>
    private static readonly string[] ConfigurationsAwaitingTheirFolder = ["OutboxMessage", "CheckInPromptSetting"];

    [Fact]
    public void Every_namespace_is_its_folder()
    {
        var root = RepositoryRoot();
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var relative = Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Split(Path.DirectorySeparatorChar).Skip(1); // past src/ or tests/
            var expected = string.Join('.', relative);
            var declared = Namespace().Match(File.ReadAllText(file));
            // The one exception: an entry point's top-level statements (Program.cs) have no namespace.
            if (!declared.Success && Path.GetFileName(file) == "Program.cs") continue;
            if (!declared.Success || declared.Groups[1].Value != expected)
                wrong.Add($"{Path.GetRelativePath(root, file)}: {(declared.Success ? declared.Groups[1].Value : "no namespace")}, expected {expected}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_entity_configuration_sits_in_its_entitys_feature_folder()
    {
        var misplaced = Infrastructure.GetTypes()
            .Select(t => (Configuration: t, Entity: t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
                ?.GetGenericArguments()[0]))
            .Where(c => c.Entity is not null && !ConfigurationsAwaitingTheirFolder.Contains(c.Entity.Name))
            .Where(c => Feature(c.Entity!.Namespace) != Feature(c.Configuration.Namespace))
            .Select(c => $"{c.Configuration.Name} ({c.Configuration.Namespace}) configures {c.Entity!.FullName}")
            .ToList();
        Assert.Empty(misplaced);
    }

    [Fact]
    public void Every_area_controller_derives_its_areas_base_controller()
    {
        var strays = Web.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ControllerBase).IsAssignableFrom(t) && t.Namespace!.Contains(".Areas."))
            .Where(t => !typeof(PortalController).IsAssignableFrom(t))
            .Select(t => t.FullName).ToList();
        Assert.Empty(strays);
    }

    [Fact]
    public void Every_page_about_a_client_is_keyed_by_the_client_id_the_base_controller_loads()
    {
        var clientPages = Web.GetTypes().Where(t => !t.IsAbstract && typeof(ClientRecordController).IsAssignableFrom(t)).ToList();
        Assert.Contains(typeof(SafetyController), clientPages);
        foreach (var controller in clientPages)
        {
            var template = controller.GetCustomAttribute<RouteAttribute>()!.Template;
            Assert.True(template == "clinician/clients" || template.StartsWith($"clinician/clients/{{{ClientRecordController.ClientIdKey}:guid}}"),
                $"{controller.Name} routes to {template}");
        }
    }

    [Fact]
    public void Every_client_section_has_a_tab_and_a_controller()
    {
        Assert.Equal(Enum.GetValues<ClientSection>(), ClientHeader.Tabs.Select(t => t.Section));
        var sections = Web.GetTypes().Where(t => !t.IsAbstract && typeof(ClientRecordController).IsAssignableFrom(t))
            .Select(t => (ClientSection)t.GetProperty("Section", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(
                System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t))!)
            .Distinct();
        Assert.Equal(Enum.GetValues<ClientSection>().Order(), sections.Order());
    }

    /// <summary>These forms' fields are rendered in a loop over the enum, named after it: a renamed property must fail here.</summary>
    [Fact]
    public void Fields_named_after_an_enum_bind_to_a_property_of_that_name()
    {
        Assert.All(Enum.GetValues<NoteField>(), f => Assert.NotNull(typeof(NoteForm).GetProperty(f.ToString())));
        Assert.All(Enum.GetValues<SafetyPlanStep>(), s => Assert.NotNull(typeof(SafetyPlanForm).GetProperty(s.ToString())));
        Assert.All(Enum.GetValues<DayOfWeek>(), d => Assert.NotNull(typeof(Web.Areas.Admin.OnCall.OnCallForm).GetProperty(d.ToString())));
    }

    /// <summary>"ClinicPortal.Core.Safety" and "ClinicPortal.Infrastructure.Safety" are the feature "Safety".</summary>
    private static string? Feature(string? @namespace) => @namespace?.Split('.').Skip(2).FirstOrDefault();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClinicPortal.sln"))) return dir.FullName;
        throw new InvalidOperationException("ClinicPortal.sln not found above the test output folder.");
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
