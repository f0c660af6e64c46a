using ClinicPortal.Core.Clients;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ClinicPortal.Web.Areas.Clinician.Clients;

/// <summary>The tabs of a client's record; each client page's controller names the one it belongs to.</summary>
public enum ClientSection { Overview, Boundaries, Support, Safety, Progress, CheckIns, Sessions, ContactSafety, Notes, Reports, Messages, TreatmentPlan, Incidents }

/// <summary>The header on every page about one client: who, their status, their clinician, their contact-safety badge, and the section tabs.</summary>
public sealed record ClientHeader(Guid Id, string DisplayName, string? Pronouns, ClientStatus Status, string ClinicianName, ContactSafetyLevel ContactSafety,
    ClientSection ActiveSection)
{
    public ClientHeader(Client client, string clinicianName, ContactSafetyLevel contactSafety, ClientSection section)
        : this(client.Id, client.DisplayName, client.Pronouns, client.Status, clinicianName, contactSafety, section) { }

    public bool IsReadOnly => Status == ClientStatus.Discharged;

    /// <summary>The tabs in order: the section, its label, and the page it opens (controller and action).</summary>
    public static readonly IReadOnlyList<(ClientSection Section, string Label, string Controller, string Action)> Tabs =
    [
        (ClientSection.Overview, "Overview", ControllerNames.Of<ClientsController>(), nameof(ClientsController.Overview)),
        (ClientSection.Boundaries, "Boundary plan", ControllerNames.Of<BoundaryPlans.BoundaryPlansController>(), nameof(BoundaryPlans.BoundaryPlansController.Index)),
        (ClientSection.Support, "Support network", ControllerNames.Of<SupportNetwork.SupportNetworkController>(), nameof(SupportNetwork.SupportNetworkController.Index)),
        (ClientSection.Safety, "Safety", ControllerNames.Of<Safety.SafetyController>(), nameof(Safety.SafetyController.Index)),
        (ClientSection.Progress, "Progress", ControllerNames.Of<Progress.ProgressController>(), nameof(Progress.ProgressController.Index)),
        (ClientSection.CheckIns, "Check-ins", ControllerNames.Of<CheckIns.CheckInsController>(), nameof(CheckIns.CheckInsController.Index)),
        (ClientSection.Sessions, "Sessions", ControllerNames.Of<Sessions.SessionsController>(), nameof(Sessions.SessionsController.Index)),
        (ClientSection.ContactSafety, "Contact safety", ControllerNames.Of<Clinician.ContactSafety.ContactSafetyController>(), nameof(Clinician.ContactSafety.ContactSafetyController.Index)),
        (ClientSection.Notes, "Notes", ControllerNames.Of<CaseNotes.CaseNotesController>(), nameof(CaseNotes.CaseNotesController.Index)),
        (ClientSection.Reports, "Reports", ControllerNames.Of<Reports.ReportsController>(), nameof(Reports.ReportsController.Index)),
        (ClientSection.Messages, "Messages", ControllerNames.Of<Messages.MessagesController>(), nameof(Messages.MessagesController.Index)),
        (ClientSection.TreatmentPlan, "Treatment plan", ControllerNames.Of<TreatmentPlans.TreatmentPlanController>(), nameof(TreatmentPlans.TreatmentPlanController.Index)),
        (ClientSection.Incidents, "Incident log", ControllerNames.Of<Incidents.IncidentsController>(), nameof(Incidents.IncidentsController.Index)),
    ];
}

/// <summary>The header travels from the controller to _ClientLayout in ViewData, under one key, read in one place.</summary>
public static class ClientHeaderViewData
{
    private const string Key = nameof(ClientHeader);

    public static void SetClientHeader(this ViewDataDictionary viewData, ClientHeader header) => viewData[Key] = header;

    /// <summary>The client header, or null on pages that are not about one client.</summary>
    public static ClientHeader? ClientHeader(this ViewDataDictionary viewData) => viewData[Key] as ClientHeader;
}
