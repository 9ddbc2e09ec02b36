namespace OrchardPortal.Liquid.Benchmarks.Products;

/// <summary>The product of the shared benchmark (see <c>shared/liquid/bench/SOURCE.txt</c>).</summary>
public sealed class Product
{
    public Product(string name, float price, string description)
    {
        Name = name;
        Price = price;
        Description = description;
    }

    public string Name { get; }

    public float Price { get; }

    public string Description { get; }
}
