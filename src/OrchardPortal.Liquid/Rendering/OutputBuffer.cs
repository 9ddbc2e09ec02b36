using System.Globalization;
using System.Text;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Rendering;

/// <summary>
/// Where a render writes. Counts every character written (captures included) against the output limit,
/// so a template cannot build an unbounded string anywhere.
/// </summary>
internal sealed class OutputBuffer
{
    private readonly long _limit;
    private StringBuilder _builder;
    private long _written;

    public OutputBuffer(StringBuilder builder, long limit)
    {
        _builder = builder;
        _limit = limit;
    }

    public StringBuilder Builder => _builder;

    public void Write(string text)
    {
        _written += text.Length;
        if (_written > _limit)
        {
            throw new LiquidLimitException(LiquidLimits.OutputSizeName, _limit);
        }

        _builder.Append(text);
    }

    public void WriteValue(object? value, bool htmlEncode)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                if (htmlEncode)
                {
                    WriteEncoded(s);
                }
                else
                {
                    Write(s);
                }

                return;
            case long l:
                WriteInteger(l);
                return;
            case double d when !htmlEncode:
                Span<char> digits = stackalloc char[64];
                var length = FloatFormatter.Format(d, digits);
                _builder.Append(digits[..length]);
                _written += length;
                CheckLimit();
                return;
        }

        var text = LiquidValues.ToOutputString(value);
        if (htmlEncode)
        {
            WriteEncoded(text);
        }
        else
        {
            Write(text);
        }
    }

    public void WriteEncoded(string text)
    {
        var start = _builder.Length;
        HtmlEncoder.Append(_builder, text);
        _written += _builder.Length - start;
        if (_written > _limit)
        {
            throw new LiquidLimitException(LiquidLimits.OutputSizeName, _limit);
        }
    }

    private void CheckLimit()
    {
        if (_written > _limit)
        {
            throw new LiquidLimitException(LiquidLimits.OutputSizeName, _limit);
        }
    }

    /// <summary>Redirects writes to a fresh builder (for <c>capture</c>); returns the previous one to restore.</summary>
    public StringBuilder BeginCapture()
    {
        var previous = _builder;
        _builder = new StringBuilder();
        return previous;
    }

    public string EndCapture(StringBuilder previous)
    {
        var captured = _builder.ToString();
        _builder = previous;
        return captured;
    }

    public void WriteInteger(long value)
    {
        Span<char> digits = stackalloc char[24];
        value.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        _builder.Append(digits[..length]);
        _written += length;
        if (_written > _limit)
        {
            throw new LiquidLimitException(LiquidLimits.OutputSizeName, _limit);
        }
    }
}
