using System.Diagnostics;

namespace OrchardPortal.Liquid.Rendering;

/// <summary>
/// Counters for the sandbox limits of one top-level render, shared with every partial it renders
/// so a template cannot escape a limit by splitting work across partials.
/// </summary>
internal sealed class RenderBudget
{
    private readonly LiquidLimits _limits;
    private readonly long _deadline;
    private readonly CancellationToken _cancellationToken;
    private long _steps;
    private long _iterations;

    public RenderBudget(LiquidLimits limits, CancellationToken cancellationToken)
    {
        _limits = limits;
        _cancellationToken = cancellationToken;
        var ticks = limits.Timeout == Timeout.InfiniteTimeSpan || limits.Timeout <= TimeSpan.Zero
            ? long.MaxValue
            : (long)(limits.Timeout.TotalSeconds * Stopwatch.Frequency);
        var now = Stopwatch.GetTimestamp();
        _deadline = ticks >= long.MaxValue - now ? long.MaxValue : now + ticks;
    }

    public LiquidLimits Limits => _limits;

    public CancellationToken CancellationToken => _cancellationToken;

    /// <summary>Counts one unit of work; every 1024 units it also checks the clock and the cancellation token.</summary>
    public void Step()
    {
        var steps = ++_steps;
        if (steps > _limits.MaxRenderSteps)
        {
            throw new LiquidLimitException(LiquidLimits.RenderStepsName, _limits.MaxRenderSteps);
        }

        if ((steps & 1023) == 0)
        {
            CheckClock();
        }
    }

    public void LoopIteration()
    {
        if (++_iterations > _limits.MaxLoopIterations)
        {
            throw new LiquidLimitException(LiquidLimits.LoopIterationsName, _limits.MaxLoopIterations);
        }

        Step();
    }

    public void CheckClock()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new LiquidLimitException(LiquidLimits.TimeoutName, (long)_limits.Timeout.TotalMilliseconds);
        }
    }
}
