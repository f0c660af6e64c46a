using ClinicPortal.Core.Reminders;

namespace ClinicPortal.Web.Areas.Admin.Outbox;

public sealed record OutboxRow(Guid Id, OutboxKind Kind, string Recipient, DateTimeOffset DueAt, OutboxStatus Status, int Attempts, DateTimeOffset? SentAt, string? LastError);

public sealed record OutboxPage(OutboxStatus? Status, IReadOnlyDictionary<OutboxStatus, int> Counts, IReadOnlyList<OutboxRow> Rows);
