namespace OrchardPortal.Liquid.Benchmarks.Products;

/// <summary>The Liquid side of the product benchmark, set up the way a host would.</summary>
public static class LiquidProductPage
{
    public static LiquidEnvironment CreateEnvironment()
    {
        var environment = new LiquidEnvironment();
        environment.MemberAccess.Register<Product>("name", "price", "description");
        return environment;
    }

    public static string Render(LiquidEnvironment environment, LiquidTemplate template, object products)
    {
        // A context per render, as in the host: its cost is part of rendering.
        var context = new TemplateContext(environment);
        context.SetValue("products", products);
        return template.Render(context);
    }
}
