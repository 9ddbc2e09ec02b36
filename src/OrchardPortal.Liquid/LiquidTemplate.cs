using System.Buffers;
using System.Text;
using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Rendering;

namespace OrchardPortal.Liquid;

/// <summary>A parsed template: immutable, so one instance can be rendered by many threads at once.</summary>
public sealed class LiquidTemplate
{
    [ThreadStatic]
    private static StringBuilder? _cachedBuilder;

    internal LiquidTemplate(BlockBody root, string? name)
    {
        Root = root;
        Name = name;
    }

    public string? Name { get; }

    internal BlockBody Root { get; }

    /// <summary>Renders to a string. Throws <see cref="LiquidException"/> subclasses for template errors and limits.</summary>
    public string Render(TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var builder = RentBuilder();
        try
        {
            RenderCore(context, builder);
            return builder.ToString();
        }
        finally
        {
            ReturnBuilder(builder);
        }
    }

    /// <summary>
    /// Renders into <paramref name="writer"/>. Rendering itself is synchronous (templates do no I/O);
    /// the output is buffered and then written asynchronously, so a failed render writes nothing.
    /// </summary>
    public async ValueTask RenderAsync(TextWriter writer, TemplateContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        var contextToken = context.CancellationToken;
        using var linked = cancellationToken.CanBeCanceled && contextToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(contextToken, cancellationToken)
            : null;
        context.CancellationToken = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : contextToken);

        // The per-thread builder is rented and returned before the first await, on the thread that rendered: the
        // continuation may run on another thread, and the builder must be back in its slot before that thread's next
        // render. The output crosses the await in a pooled array instead.
        char[] pooled;
        int length;
        var builder = RentBuilder();
        try
        {
            RenderCore(context, builder);
            length = builder.Length;
            pooled = ArrayPool<char>.Shared.Rent(length);
            builder.CopyTo(0, pooled, length);
        }
        finally
        {
            context.CancellationToken = contextToken;
            ReturnBuilder(builder);
        }

        try
        {
            await writer.WriteAsync(pooled.AsMemory(0, length), cancellationToken);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(pooled);
        }
    }

    private static StringBuilder RentBuilder()
    {
        var builder = _cachedBuilder ?? new StringBuilder(1024);
        _cachedBuilder = null;
        return builder;
    }

    private static void ReturnBuilder(StringBuilder builder)
    {
        // Keep one modest builder per thread for the next render; very large ones are left to the GC.
        if (builder.Capacity <= 64 * 1024)
        {
            builder.Clear();
            _cachedBuilder = builder;
        }
    }

    private void RenderCore(TemplateContext context, StringBuilder builder)
    {
        var output = new OutputBuffer(builder, context.Limits.MaxOutputSize);
        var state = new RenderState(context, null, output);
        context.BeginRender(state);
        try
        {
            Root.Render(state);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new LiquidLimitException(LiquidLimits.RenderDepthName, context.Limits.MaxRenderDepth);
        }
    }
}
