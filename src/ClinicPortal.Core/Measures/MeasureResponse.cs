using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Measures;

/// <summary>
/// One time a client is asked a questionnaire: open (due, perhaps with a draft of answers) until it is submitted,
/// then scored and closed for good. It keeps the instrument's code and the version of the wording it answered.
/// The client sees their own (the answers are theirs); a clinician's note on it is a separate clinical record.
/// </summary>
public sealed class MeasureResponse : IClientVisibleRecord
{
    public const string SubmittedMessage =
        "These answers were already sent and cannot be changed. Your clinician can add a note to them.";

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public string InstrumentCode { get; private set; } = "";
    /// <summary>The <see cref="Instrument.Version"/> of the wording the client was shown.</summary>
    public string InstrumentVersion { get; private set; } = "";
    /// <summary>The schedule that made it due, if one did (none for one given once or in session).</summary>
    public Guid? ScheduleId { get; private set; }
    /// <summary>For a schedule "before each session": the session it was asked before (one per session).</summary>
    public Guid? SessionId { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
    /// <summary>The clinician who gave it; null when a schedule's job made it due.</summary>
    public Guid? AssignedById { get; private set; }
    /// <summary>The item answers, 0-based by item; null where not answered yet (a draft).</summary>
    public int?[] Answers { get; private set; } = [];
    public DateTimeOffset? SubmittedAt { get; private set; }
    public int? Total { get; private set; }
    /// <summary>The instrument's safety item was answered above 0 (PHQ-9 item 9).</summary>
    public bool SafetyFlag { get; private set; }
    /// <summary>
    /// The instrument's reliable-change threshold as it stood when these answers were scored: the caseload's
    /// "reliably worse" signal is computed by the database (0080_measures.sql) from this, not from a second copy of the rule.
    /// </summary>
    public int? ReliableChange { get; private set; }
    /// <summary>Set when the clinician entered the answers with the client in session.</summary>
    public Guid? EnteredById { get; private set; }

    private MeasureResponse() { }

    public static MeasureResponse Assign(Guid clientId, Instrument instrument, DateTimeOffset dueAt, DateTimeOffset now,
        Guid? assignedBy, Guid? scheduleId = null, Guid? sessionId = null) => new()
    {
        Id = Guid.NewGuid(), ClientId = clientId, InstrumentCode = instrument.Code, InstrumentVersion = instrument.Version,
        ScheduleId = scheduleId, SessionId = sessionId, DueAt = dueAt, AssignedAt = now, AssignedById = assignedBy,
        Answers = new int?[instrument.Items.Count],
    };

    /// <summary>A questionnaire the clinician gives now, to answer in the client's space or together in session.</summary>
    public static MeasureResponse Give(Client client, string? instrumentCode, Guid by, DateTimeOffset now)
    {
        client.EnsureEditable();
        var instrument = Instruments.Find(instrumentCode) ?? throw new DomainRuleException(MeasureSchedule.ChooseInstrument);
        return Assign(client.Id, instrument, now, now, by);
    }

    public Instrument Instrument => Instruments.Find(InstrumentCode)
        ?? throw new InvalidOperationException($"Unknown instrument {InstrumentCode}.");

    public bool IsSubmitted => SubmittedAt is not null;

    /// <summary>Keeps the answers given so far, so the client can stop and come back.</summary>
    public void SaveDraft(IReadOnlyList<int?> answers)
    {
        EnsureOpen();
        Answers = Instrument.CheckDraft(answers).ToArray();
    }

    /// <summary>
    /// Scores a complete set of answers and closes the response. Returns true when the safety item was answered
    /// above 0: the caller raises the "I feel unsafe" alert in the same unit of work, whatever the total.
    /// </summary>
    /// <param name="enteredBy">The clinician, when they enter the answers with the client in session.</param>
    public bool Submit(IReadOnlyList<int?> answers, DateTimeOffset now, Guid? enteredBy = null)
    {
        EnsureOpen();
        var total = Instrument.Score(answers);
        (Answers, Total, SubmittedAt, EnteredById) = (answers.ToArray(), total, now, enteredBy);
        SafetyFlag = Instrument.FlagsSafety(answers);
        ReliableChange = Instrument.ReliableChange;
        return SafetyFlag;
    }

    private void EnsureOpen()
    {
        if (IsSubmitted) throw new DomainRuleException(SubmittedMessage);
    }
}
