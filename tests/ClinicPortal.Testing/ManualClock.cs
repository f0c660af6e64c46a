namespace ClinicPortal.Testing;

/// <summary>
/// A clock the test jumps forward by hand ("24 hours later") while it keeps ticking in real time in
/// between, so schedulers that read it still see time pass.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = start.UtcTicks - DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(DateTimeOffset.UtcNow.UtcTicks + Interlocked.Read(ref _offsetTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, Math.Max(0, by.Ticks));

    /// <summary>Jumps to <paramref name="to"/>; never backwards.</summary>
    public void Set(DateTimeOffset to) => Advance(to - GetUtcNow());
}
