using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Measures;

/// <summary>
/// The clinician's note on a submitted response (the response itself is never edited). Clinician-only: the client
/// sees their answers, not what their clinician wrote about them.
/// </summary>
public sealed class MeasureNote : IClinicalRecord
{
    public const int TextMax = 2000;

    public Guid Id { get; private set; }
    public Guid ResponseId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid AuthorId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string Text { get; private set; } = "";

    private MeasureNote() { }

    public static MeasureNote Add(MeasureResponse response, Guid authorId, string? text, DateTimeOffset now)
    {
        if (!response.IsSubmitted) throw new DomainRuleException("A note can be added once the answers are sent.");
        return new MeasureNote
        {
            Id = Guid.NewGuid(), ResponseId = response.Id, ClientId = response.ClientId, AuthorId = authorId, CreatedAt = now,
            Text = Guard.Required(text, "The note", TextMax),
        };
    }
}
