using System.Text;

namespace OrchardPortal.Liquid.Values;

/// <summary>Renders a hash the way Ruby 3.4's <c>Hash#inspect</c> does, which is what Liquid outputs for a hash.</summary>
internal static class HashFormatter
{
    public static void Append(StringBuilder builder, IDictionary<string, object?> hash, int depth)
    {
        builder.Append('{');
        var first = true;
        foreach (var pair in hash)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            AppendInspect(builder, pair.Key, depth);
            builder.Append(" => ");
            AppendInspect(builder, pair.Value, depth);
        }

        builder.Append('}');
    }

    private static void AppendInspect(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("nil");
                return;
            case string s:
                builder.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                return;
            case IDictionary<string, object?> nested when depth < 64:
                Append(builder, nested, depth + 1);
                return;
            case IList<object?> list when depth < 64:
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    AppendInspect(builder, list[i], depth + 1);
                }

                builder.Append(']');
                return;
            default:
                LiquidValues.AppendOutput(builder, value, depth + 1);
                return;
        }
    }
}
