namespace OrchardPortal.Core.Media;

/// <summary>
/// The SVG elements and attributes <see cref="SvgSanitizer"/> keeps: what logos and icons exported
/// from design tools use to draw. Anything that runs code, loads something, animates or embeds
/// other markup is deliberately absent.
/// </summary>
internal static class SvgAllowList
{
    public static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "title", "desc", "symbol", "use", "switch",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "image", "style",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feDropShadow",
        "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode",
        "feMorphology", "feOffset",
    };

    /// <summary>Elements whose text content is kept (everywhere else, stray text is dropped).</summary>
    public static readonly HashSet<string> TextElements = new(StringComparer.Ordinal)
    {
        "text", "tspan", "textPath", "title", "desc", "style",
    };

    public static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        // Document and structure
        "id", "class", "style", "version", "baseProfile", "width", "height", "x", "y", "viewBox",
        "preserveAspectRatio", "transform", "role", "aria-label", "aria-hidden", "lang", "focusable",
        // Geometry
        "d", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2", "points", "pathLength", "dx", "dy",
        "rotate", "textLength", "lengthAdjust", "startOffset", "refX", "refY", "markerWidth", "markerHeight",
        "markerUnits", "orient",
        // Paint and presentation
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity",
        "color", "display", "visibility", "overflow", "clip-path", "clip-rule", "clipPathUnits", "mask",
        "maskUnits", "maskContentUnits", "marker-start", "marker-mid", "marker-end", "filter",
        "vector-effect", "shape-rendering", "color-interpolation-filters", "paint-order", "mix-blend-mode",
        "isolation",
        // Text
        "font-family", "font-size", "font-style", "font-weight", "font-variant", "font-stretch",
        "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing",
        "word-spacing", "text-decoration", "writing-mode", "direction", "unicode-bidi",
        // Gradients and patterns
        "gradientUnits", "gradientTransform", "spreadMethod", "fx", "fy", "fr", "offset", "stop-color",
        "stop-opacity", "patternUnits", "patternContentUnits", "patternTransform",
        // Filters
        "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode", "type", "values",
        "operator", "k1", "k2", "k3", "k4", "flood-color", "flood-opacity", "tableValues", "slope",
        "intercept", "amplitude", "exponent", "radius", "edgeMode",
    };
}
