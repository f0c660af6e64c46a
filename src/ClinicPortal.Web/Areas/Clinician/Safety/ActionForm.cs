using System.Linq.Expressions;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Safety;

public sealed class ActionForm
{
    [BindingMessage("Choose which action was taken.")]
    public ConcernActionKind? Kind { get; set; }
    public DateOnly? TakenOn { get; set; }
    public string? Note { get; set; }
}
