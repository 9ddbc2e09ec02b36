using System.Globalization;
using HandlebarsDotNet;

namespace OrchardPortal.Liquid.Benchmarks.Products;

/// <summary>
/// The Handlebars.Net side of the product benchmark: an environment with the <c>truncate</c> block
/// helper that product.mustache uses, behaving like Liquid's <c>truncate</c> (keep length − 3
/// characters and append "..."), so both engines do the same work.
/// </summary>
public static class HandlebarsProductPage
{
    private const string Ellipsis = "...";

    public static IHandlebars CreateEnvironment()
    {
        var handlebars = Handlebars.Create();
        handlebars.RegisterHelper("truncate", (output, options, _, arguments) =>
        {
            var length = Convert.ToInt32(arguments[0], CultureInfo.InvariantCulture);
            var body = options.Template();
            // The body is already encoded by the inner {{description}}; write it as is.
            output.Write(Truncate(body, length), false);
        });
        return handlebars;
    }

    private static string Truncate(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var keep = Math.Max(0, length - Ellipsis.Length);
        return string.Concat(text.AsSpan(0, keep), Ellipsis);
    }
}
