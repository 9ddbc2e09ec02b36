namespace OrchardPortal.Liquid.Tests.Sandbox;

/// <summary>Each sandbox limit stops an abusive template with a <see cref="LiquidLimitException"/> naming the limit.</summary>
public sealed class SandboxLimitTests
{
    private static string Render(string source, LiquidEnvironment? environment = null, Action<TemplateContext>? configure = null)
    {
        environment ??= new LiquidEnvironment();
        var context = new TemplateContext(environment);
        configure?.Invoke(context);
        return environment.Parse(source).Render(context);
    }

    private static void AssertLimit(string limitName, Action action)
    {
        var exception = Assert.Throws<LiquidLimitException>(action);
        Assert.Equal(limitName, exception.LimitName);
        Assert.Contains(limitName, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_over_a_hundred_million_items_stops_at_the_iteration_limit()
    {
        AssertLimit(LiquidLimits.LoopIterationsName, () => Render("{% for i in (1..100000000) %}{{ i }}{% endfor %}"));
    }

    [Fact]
    public void Nested_loops_count_iterations_together()
    {
        var environment = new LiquidEnvironment { Limits = new LiquidLimits { MaxLoopIterations = 10_000 } };
        AssertLimit(LiquidLimits.LoopIterationsName, () =>
            Render("{% for i in (1..200) %}{% for j in (1..200) %}{% endfor %}{% endfor %}", environment));
    }

    [Fact]
    public void A_filter_over_a_huge_range_stops_at_the_iteration_limit()
    {
        AssertLimit(LiquidLimits.LoopIterationsName, () => Render("{{ (1..100000000) | join: ',' }}"));
    }

    [Fact]
    public void Ten_thousand_nested_ifs_fail_to_parse_at_the_nesting_limit()
    {
        var source = string.Concat(Enumerable.Repeat("{% if true %}", 10_000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 10_000));
        AssertLimit(LiquidLimits.ParseDepthName, () => new LiquidEnvironment().Parse(source));
    }

    [Fact]
    public void Deeply_nested_brackets_fail_to_parse_at_the_nesting_limit()
    {
        var source = "{{ " + string.Concat(Enumerable.Repeat("a[", 10_000)) + "0" + new string(']', 10_000) + " }}";
        AssertLimit(LiquidLimits.ParseDepthName, () => new LiquidEnvironment().Parse(source));
    }

    [Fact]
    public void Nesting_within_the_limit_renders()
    {
        var source = string.Concat(Enumerable.Repeat("{% if true %}", 50)) + "deep" + string.Concat(Enumerable.Repeat("{% endif %}", 50));
        Assert.Equal("deep", Render(source));
    }

    [Fact]
    public void A_partial_that_renders_itself_stops_at_the_depth_limit()
    {
        var environment = new LiquidEnvironment
        {
            FileProvider = new InMemoryTemplateFileProvider(new Dictionary<string, string> { ["loop"] = "x{% render 'loop' %}" }),
        };
        AssertLimit(LiquidLimits.RenderDepthName, () => Render("{% render 'loop' %}", environment));
    }

    [Fact]
    public void A_partial_that_includes_itself_stops_at_the_depth_limit()
    {
        var environment = new LiquidEnvironment
        {
            FileProvider = new InMemoryTemplateFileProvider(new Dictionary<string, string> { ["loop"] = "{% include 'loop' %}" }),
        };
        AssertLimit(LiquidLimits.RenderDepthName, () => Render("{% include 'loop' %}", environment));
    }

    [Fact]
    public void Huge_output_stops_at_the_output_limit()
    {
        var environment = new LiquidEnvironment { Limits = new LiquidLimits { MaxOutputSize = 100_000 } };
        AssertLimit(LiquidLimits.OutputSizeName, () =>
            Render("{% for i in (1..100000) %}0123456789{% endfor %}", environment));
    }

    [Fact]
    public void Output_built_inside_captures_counts_towards_the_output_limit()
    {
        var environment = new LiquidEnvironment { Limits = new LiquidLimits { MaxOutputSize = 100_000, MaxAssignSize = 10_000_000 } };
        AssertLimit(LiquidLimits.OutputSizeName, () =>
            Render("{% capture big %}{% for i in (1..100000) %}0123456789{% endfor %}{% endcapture %}", environment));
    }

    [Fact]
    public void A_doubling_assign_stops_at_the_assign_size_limit()
    {
        AssertLimit(LiquidLimits.AssignSizeName, () =>
            Render("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}"));
    }

    [Fact]
    public void A_large_capture_stops_at_the_assign_size_limit()
    {
        var environment = new LiquidEnvironment { Limits = new LiquidLimits { MaxAssignSize = 1_000 } };
        AssertLimit(LiquidLimits.AssignSizeName, () =>
            Render("{% capture s %}{% for i in (1..200) %}0123456789{% endfor %}{% endcapture %}", environment));
    }

    [Fact]
    public void Too_many_render_steps_stop_the_render()
    {
        var environment = new LiquidEnvironment { Limits = new LiquidLimits { MaxRenderSteps = 1_000 } };
        AssertLimit(LiquidLimits.RenderStepsName, () =>
            Render("{% for i in (1..500) %}{% assign x = i %}{{ x }}{% endfor %}", environment));
    }

    [Fact]
    public void An_oversized_template_source_is_refused()
    {
        var environment = new LiquidEnvironment { Limits = new LiquidLimits { MaxSourceSize = 1_000 } };
        AssertLimit(LiquidLimits.SourceSizeName, () => environment.Parse(new string('x', 1_001)));
    }

    [Fact]
    public void A_render_past_its_wall_clock_budget_stops()
    {
        var environment = new LiquidEnvironment
        {
            Limits = new LiquidLimits
            {
                Timeout = TimeSpan.FromMilliseconds(50),
                MaxLoopIterations = long.MaxValue,
                MaxRenderSteps = long.MaxValue,
                MaxOutputSize = long.MaxValue,
            },
        };
        AssertLimit(LiquidLimits.TimeoutName, () =>
            Render("{% for i in (1..1000000000) %}{% assign x = i | plus: 1 %}{% endfor %}", environment));
    }

    [Fact]
    public void A_cancelled_token_stops_the_render()
    {
        var environment = new LiquidEnvironment { Limits = new LiquidLimits { MaxLoopIterations = long.MaxValue, MaxRenderSteps = long.MaxValue } };
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Render("{% for i in (1..100000000) %}{% endfor %}", environment, context => context.CancellationToken = cancellation.Token));
    }

    [Fact]
    public void Limits_are_shared_with_partials_so_work_cannot_be_split_across_them()
    {
        var environment = new LiquidEnvironment
        {
            Limits = new LiquidLimits { MaxLoopIterations = 1_000 },
            FileProvider = new InMemoryTemplateFileProvider(new Dictionary<string, string> { ["chunk"] = "{% for i in (1..400) %}{% endfor %}" }),
        };
        AssertLimit(LiquidLimits.LoopIterationsName, () =>
            Render("{% render 'chunk' %}{% render 'chunk' %}{% render 'chunk' %}", environment));
    }

    [Fact]
    public void A_long_and_or_chain_parses_and_renders_without_recursion()
    {
        var source = "{% if " + string.Join(" and ", Enumerable.Repeat("true", 20_000)) + " %}yes{% endif %}";
        Assert.Equal("yes", Render(source));
    }
}
