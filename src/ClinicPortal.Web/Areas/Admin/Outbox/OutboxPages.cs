using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.Outbox;

public sealed record OutboxRow(Guid Id, OutboxKind Kind, string Recipient, DateTimeOffset DueAt, OutboxStatus Status, int Attempts, DateTimeOffset? SentAt, string? LastError);

public sealed record OutboxPage(OutboxStatus? Status, IReadOnlyDictionary<OutboxStatus, int> Counts, IReadOnlyList<OutboxRow> Rows);
