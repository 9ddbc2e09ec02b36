namespace OrchardPortal.Liquid.Benchmarks.Products;

/// <summary>
/// The 100 products SOURCE.txt describes: Name = "Name" + i, Price = (float)i and a 445-character
/// lorem description, as typed objects (what a host binds) and as plain dictionaries (what needs no
/// member registration).
/// </summary>
public static class ProductCatalog
{
    public const int Count = 100;

    public const int DescriptionLength = 445;

    // Our own filler text, exactly 445 characters; only its length matters to the benchmark.
    private const string Filler =
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. " +
        "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. " +
        "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. " +
        "Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.";

    public static string Description { get; } = Filler.Length == DescriptionLength
        ? Filler
        : throw new InvalidOperationException($"The description must be {DescriptionLength} characters, not {Filler.Length}.");

    public static IReadOnlyList<Product> Create()
    {
        var products = new List<Product>(Count);
        for (var i = 0; i < Count; i++)
        {
            products.Add(new Product("Name" + i, i, Description));
        }

        return products;
    }

    /// <summary>The same products as Liquid hashes: keys as the template spells them, price as a Liquid float.</summary>
    public static List<object?> CreateAsDictionaries() =>
        Create()
            .Select(product => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = product.Name,
                ["price"] = (double)product.Price,
                ["description"] = product.Description,
            })
            .ToList();
}
