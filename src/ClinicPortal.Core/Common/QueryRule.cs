using System.Linq.Expressions;

namespace ClinicPortal.Core.Common;

/// <summary>
/// A rule written once, as an expression, for both sides: <see cref="For"/> gives EF Core a filter it turns
/// into SQL, and <see cref="Holds"/> checks an object in memory with the same expression, compiled once.
/// </summary>
public sealed class QueryRule<T, TArg>(Expression<Func<T, TArg, bool>> rule)
{
    private readonly Func<T, TArg, bool> _compiled = rule.Compile();

    public bool Holds(T item, TArg argument) => _compiled(item, argument);

    /// <summary>The rule with its argument fixed; the argument reaches SQL as a parameter, not a literal.</summary>
    public Expression<Func<T, bool>> For(TArg argument)
    {
        var value = Expression.Property(Expression.Constant(new Argument(argument)), nameof(Argument.Value));
        var body = new Substitute(rule.Parameters[1], value).Visit(rule.Body);
        return Expression.Lambda<Func<T, bool>>(body, rule.Parameters[0]);
    }

    private sealed record Argument(TArg Value);

    private sealed class Substitute(ParameterExpression parameter, Expression by) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? by : node;
    }
}
