using ClinicPortal.Core.Reports;

namespace ClinicPortal.Web.Areas.Clinician.Reports;

public sealed record ReportFormPage(ReportForm Form, DateOnly Today);

public sealed record ReportViewPage(ReportForm Form, DateOnly Today, ReportDocument Document)
{
    public ReportFormPage FormPage => new(Form, Today);
}
