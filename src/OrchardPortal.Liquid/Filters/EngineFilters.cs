namespace OrchardPortal.Liquid.Filters;

/// <summary>
/// Filters that belong to the engine rather than the standard library: <c>raw</c> only marks output as
/// not to be HTML-encoded, which the renderer handles, so the filter itself passes its input through.
/// </summary>
internal static class EngineFilters
{
    public static void Register(FilterRegistry registry)
    {
        registry.Add("raw", static (input, _, _) => input);
    }
}
