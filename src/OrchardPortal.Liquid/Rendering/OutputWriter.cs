using System.Text;

namespace OrchardPortal.Liquid.Rendering;

/// <summary>A <see cref="TextWriter"/> over the render output, handed to host tags; writes count against the output limit.</summary>
internal sealed class OutputWriter : TextWriter
{
    private readonly OutputBuffer _output;

    public OutputWriter(OutputBuffer output)
    {
        _output = output;
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => _output.Write(value.ToString());

    public override void Write(string? value)
    {
        if (value is not null)
        {
            _output.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count) => _output.Write(new string(buffer, index, count));
}
