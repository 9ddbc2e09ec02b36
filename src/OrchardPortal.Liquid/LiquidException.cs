namespace OrchardPortal.Liquid;

/// <summary>Base of every error the engine raises for a template problem.</summary>
public class LiquidException : Exception
{
    public LiquidException()
    {
    }

    public LiquidException(string message)
        : base(message)
    {
    }

    public LiquidException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A syntax error, with the 1-based line and column where it was found and a short excerpt of the source.</summary>
public sealed class LiquidParseException : LiquidException
{
    public LiquidParseException()
    {
    }

    public LiquidParseException(string message)
        : base(message)
    {
    }

    public LiquidParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LiquidParseException(string message, int line, int column, string excerpt)
        : base($"{message} (line {line}, column {column}: {excerpt})")
    {
        Reason = message;
        Line = line;
        Column = column;
        Excerpt = excerpt;
    }

    public string Reason { get; } = string.Empty;

    public int Line { get; }

    public int Column { get; }

    public string Excerpt { get; } = string.Empty;
}

/// <summary>A sandbox limit was passed; <see cref="LimitName"/> is one of the <see cref="LiquidLimits"/> name constants.</summary>
public sealed class LiquidLimitException : LiquidException
{
    public LiquidLimitException()
    {
    }

    public LiquidLimitException(string message)
        : base(message)
    {
    }

    public LiquidLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LiquidLimitException(string limitName, long limit)
        : base($"Liquid limit '{limitName}' exceeded (limit {limit}).")
    {
        LimitName = limitName;
    }

    public string LimitName { get; } = string.Empty;
}

/// <summary>An error raised while rendering (undefined variable or filter in strict mode, bad operands, missing partial).</summary>
public sealed class LiquidRenderException : LiquidException
{
    public LiquidRenderException()
    {
    }

    public LiquidRenderException(string message)
        : base(message)
    {
    }

    public LiquidRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
