using OrchardPortal.Liquid.Filters;
using OrchardPortal.Liquid.Values;
using static OrchardPortal.Liquid.Tests.Filters.FilterTestKit;

namespace OrchardPortal.Liquid.Tests.Filters;

/// <summary>Template authors can pass anything to any filter; the worst they may get is a <see cref="LiquidException"/>.</summary>
public sealed class FilterRobustnessTests
{
    private static readonly object?[] Values =
    [
        null,
        true,
        false,
        0L,
        -1L,
        long.MinValue,
        long.MaxValue,
        2.5,
        -0.0,
        double.NaN,
        double.PositiveInfinity,
        1e300,
        string.Empty,
        " ",
        "abc",
        "-12.5",
        "2016-03-14",
        "%Y %-d %999Q %",
        "😀a\u0000",
        List(),
        List(1L, "a", null, List(2.5, Hash(("k", 1L)))),
        Hash(),
        Hash(("k", "v"), ("title", null)),
        new LiquidRange(1, 3),
        new LiquidRange(1, 100_000_000),
        EmptyValue.Instance,
        new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
        DateTime.MaxValue,
        new object(),
    ];

    private static readonly object?[] Arguments =
    [
        null,
        -1L,
        long.MinValue,
        2.5,
        double.NaN,
        string.Empty,
        "abc",
        List(1L, List("a")),
        Hash(("k", 1L)),
        new LiquidRange(1, 3),
        EmptyValue.Instance,
        new object(),
    ];

    private static readonly FilterRegistry Registry = CreateRegistry();

    public static TheoryData<string> FilterNames() => [.. Registry.Names.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(FilterNames))]
    public void Standard_filter_fails_only_with_liquid_errors(string name)
    {
        Assert.True(Registry.TryGet(name, out var filter));
        var context = new TemplateContext { Limits = LiquidLimits.Default with { MaxOutputSize = 100_000, MaxLoopIterations = 10_000 } };
        foreach (var input in Values)
        {
            Survives(name, filter, context, input);
            foreach (var argument in Arguments)
            {
                Survives(name, filter, context, input, argument);
                Survives(name, filter, context, input, argument, 3L);
                Survives(name, filter, context, input, "title", argument);
            }
        }
    }

    private static FilterRegistry CreateRegistry()
    {
        var registry = new FilterRegistry();
        StandardFilters.Register(registry);
        return registry;
    }

    private static void Survives(string name, LiquidFilter filter, TemplateContext context, object? input, params object?[] arguments)
    {
        try
        {
            filter(input, new FilterArguments(arguments), context);
        }
        catch (LiquidException)
        {
            // Expected for bad arguments and limits.
        }
        catch (Exception error)
        {
            Assert.Fail($"{name}({Describe(input)}, {string.Join(", ", arguments.Select(Describe))}) threw {error.GetType().Name}: {error.Message}");
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "nil",
        string text => $"\"{text}\"",
        _ => $"{value.GetType().Name}:{LiquidValues.ToOutputString(value)}",
    };
}
