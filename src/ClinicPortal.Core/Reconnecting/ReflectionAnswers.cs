using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Reconnecting;

/// <summary>One answer, in the client's words, to one question of a reflection or a debrief.</summary>
public sealed record ReflectionAnswer<TQuestion>(TQuestion Question, string Text) where TQuestion : struct, Enum;

/// <summary>The rule both question sets share: every answer optional and short, at least one given, each question once.</summary>
public static class ReflectionAnswers
{
    public const int AnswerMax = 2000;
    public const string NeedsOneAnswer = "Answer at least one question, or leave the page without saving.";

    public static List<ReflectionAnswer<TQuestion>> Check<TQuestion>(IEnumerable<ReflectionAnswer<TQuestion>> answers)
        where TQuestion : struct, Enum
    {
        var kept = new List<ReflectionAnswer<TQuestion>>();
        foreach (var a in answers)
        {
            if (!Enum.IsDefined(a.Question)) throw new DomainRuleException("That question is not one of the questions here.");
            if (kept.Any(k => k.Question.Equals(a.Question))) throw new DomainRuleException("Each question can be answered once.");
            if (Guard.Optional(a.Text, "Each answer", AnswerMax) is { } text) kept.Add(new(a.Question, text));
        }
        if (kept.Count == 0) throw new DomainRuleException(NeedsOneAnswer);
        return kept.OrderBy(k => k.Question).ToList();
    }
}
