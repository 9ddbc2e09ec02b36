using System.Collections.Concurrent;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Tests.Engine;

public sealed class HostApiTests
{
    public sealed class Customer
    {
        public string Name { get; set; } = "";

        public string PasswordHash { get; set; } = "";

        public int Orders { get; set; }

        public float Balance { get; set; }
    }

    public sealed record Invoice(string Number, long TotalCents);

    private sealed class Secret
    {
        public string Value { get; } = "hidden";
    }

    private sealed class CounterDrop : ILiquidObject
    {
        public bool TryGetMember(string name, TemplateContext context, out object? value)
        {
            value = name == "answer" ? 42L : null;
            return name == "answer";
        }
    }

    private static string Render(LiquidEnvironment environment, string source, Action<TemplateContext>? configure = null)
    {
        var context = new TemplateContext(environment);
        configure?.Invoke(context);
        return environment.Parse(source).Render(context);
    }

    [Fact]
    public void Only_registered_members_of_a_class_are_reachable()
    {
        var environment = new LiquidEnvironment();
        environment.MemberAccess.Register<Customer>("name", "orders", "balance");
        var customer = new Customer { Name = "Ada", PasswordHash = "s3cret", Orders = 3, Balance = 2.5f };

        var output = Render(environment, "{{ c.name }}|{{ c.orders }}|{{ c.balance }}|{{ c.password_hash }}{{ c.PasswordHash }}", context => context.SetValue("c", customer));

        Assert.Equal("Ada|3|2.5|", output);
    }

    [Fact]
    public void Unregistered_objects_expose_nothing()
    {
        var output = Render(new LiquidEnvironment(), "[{{ s.Value }}{{ s.value }}]", context => context.SetValue("s", new Secret()));
        Assert.Equal("[]", output);
    }

    [Fact]
    public void Records_dictionaries_and_drops_pass_through()
    {
        var output = Render(new LiquidEnvironment(), "{{ i.number }} {{ i.total_cents }} {{ h.k }} {{ d.answer }}", context =>
        {
            context.SetValue("i", new Invoice("INV-1", 1250));
            context.SetValue("h", new Dictionary<string, int> { ["k"] = 7 });
            context.SetValue("d", new CounterDrop());
        });
        Assert.Equal("INV-1 1250 7 42", output);
    }

    [Fact]
    public void Html_encoding_escapes_output_unless_the_last_filter_is_raw()
    {
        var environment = new LiquidEnvironment();
        const string Source = "{{ html }}|{{ html | raw }}|{{ html | upcase }}";
        Action<TemplateContext> configure = context => context.SetValue("html", "<b>\"Tom\" & 'Jerry'</b>");

        var encoded = Render(environment, Source, context => { configure(context); context.HtmlEncode = true; });
        var plain = Render(environment, Source, configure);

        Assert.Equal("&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;|<b>\"Tom\" & 'Jerry'</b>|&lt;B&gt;&quot;TOM&quot; &amp; &#39;JERRY&#39;&lt;/B&gt;", encoded);
        Assert.Equal("<b>\"Tom\" & 'Jerry'</b>|<b>\"Tom\" & 'Jerry'</b>|<B>\"TOM\" & 'JERRY'</B>", plain);
    }

    [Fact]
    public void Strict_variables_make_undefined_names_an_error()
    {
        var environment = new LiquidEnvironment();
        Assert.Equal("", Render(environment, "{{ missing }}"));
        Assert.Throws<LiquidRenderException>(() => Render(environment, "{{ missing }}", context => context.StrictVariables = true));
        Assert.Throws<LiquidRenderException>(() =>
            Render(environment, "{{ h.missing }}", context => { context.StrictVariables = true; context.SetValue("h", new Dictionary<string, object?>()); }));
    }

    [Fact]
    public void Strict_filters_make_unknown_filters_an_error()
    {
        var environment = new LiquidEnvironment();
        Assert.Equal("x", Render(environment, "{{ 'x' | no_such_filter }}"));
        Assert.Throws<LiquidRenderException>(() => Render(environment, "{{ 'x' | no_such_filter }}", context => context.StrictFilters = true));
    }

    [Fact]
    public void Host_filters_receive_positional_and_keyword_arguments()
    {
        var environment = new LiquidEnvironment();
        environment.Filters.Add("money", (input, arguments, _) =>
            $"{arguments.At(0)}{(long)input! / 100}.{(long)input % 100:00} {arguments.NamedOrDefault("suffix")}");
        Assert.Equal("$12.50 USD", Render(environment, "{{ 1250 | money: '$', suffix: 'USD' }}"));
    }

    [Fact]
    public void Host_tags_and_blocks_render_with_their_arguments()
    {
        var environment = new LiquidEnvironment();
        environment.Tags.AddTag("greet", (arguments, _, output) => output.Write($"Hello {arguments.At(0)}{arguments.NamedOrDefault("mark")}"));
        environment.Tags.AddBlock("shout", (_, body, _, output) => output.Write(body.RenderToString().ToUpperInvariant()));

        var output = Render(environment, "{% greet name, mark: '!' %} {% shout %}a{{ name }}{% endshout %}", context => context.SetValue("name", "Ada"));

        Assert.Equal("Hello Ada! AADA", output);
    }

    [Theory]
    [InlineData("../secrets")]
    [InlineData("/etc/passwd")]
    [InlineData("snippets\\card")]
    [InlineData("snippets/../../x")]
    [InlineData("c:/windows")]
    public void Partial_names_that_could_leave_the_theme_are_refused(string name)
    {
        Assert.False(LiquidEnvironment.IsValidPartialName(name));
        var environment = new LiquidEnvironment { FileProvider = new InMemoryTemplateFileProvider() };
        var exception = Assert.Throws<LiquidRenderException>(() => Render(environment, "{% include name %}", context => context.SetValue("name", name)));
        Assert.Contains("Invalid partial name", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Partials_come_from_the_file_provider()
    {
        var environment = new LiquidEnvironment
        {
            FileProvider = new InMemoryTemplateFileProvider(new Dictionary<string, string> { ["snippets/card"] = "[{{ title }}]" }),
        };
        Assert.Equal("[A]", Render(environment, "{% render 'snippets/card', title: 'A' %}"));
        Assert.Throws<LiquidRenderException>(() => Render(environment, "{% render 'snippets/missing' %}"));
    }

    [Fact]
    public void A_parsed_template_renders_concurrently_with_independent_state()
    {
        var environment = new LiquidEnvironment();
        var template = environment.Parse("{% assign n = seed | times: 2 %}{% for i in (1..3) %}{% cycle 'a','b' %}{{ n }}{% increment c %}{% endfor %}");
        var failures = new ConcurrentBag<string>();

        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, seed =>
        {
            var context = new TemplateContext(environment);
            context.SetValue("seed", seed);
            var expected = $"a{seed * 2}0b{seed * 2}1a{seed * 2}2";
            var output = template.Render(context);
            if (output != expected)
            {
                failures.Add($"{expected} != {output}");
            }
        });

        Assert.Empty(failures);
    }

    [Fact]
    public async Task RenderAsync_writes_the_same_output_as_Render()
    {
        var environment = new LiquidEnvironment();
        var template = environment.Parse("{% for i in (1..3) %}{{ i }},{% endfor %}");
        await using var writer = new StringWriter();

        await template.RenderAsync(writer, new TemplateContext(environment));

        Assert.Equal(template.Render(new TemplateContext(environment)), writer.ToString());
    }

    [Fact]
    public void The_cache_reuses_a_template_until_its_content_changes()
    {
        var cache = new TemplateCache(new LiquidEnvironment());
        var first = cache.GetOrParse("page", "{{ a }}");

        Assert.Same(first, cache.GetOrParse("page", "{{ a }}"));
        Assert.NotSame(first, cache.GetOrParse("page", "{{ b }}"));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Model_dictionaries_seed_the_context()
    {
        var environment = new LiquidEnvironment();
        var context = new TemplateContext(environment, new Dictionary<string, object?> { ["n"] = 5, ["items"] = new List<int> { 1, 2 } });
        Assert.Equal("5 2 2", environment.Parse("{{ n }} {{ items.size }} {{ items.last }}").Render(context));
    }

    [Fact]
    public void Floats_render_like_ruby()
    {
        var output = Render(new LiquidEnvironment(), "{{ a }} {{ b }} {{ c }} {{ d }} {{ e }}", context =>
        {
            context.SetValue("a", 1.0);
            context.SetValue("b", 0.1 + 0.2);
            context.SetValue("c", 1e20);
            context.SetValue("d", 0.00001);
            context.SetValue("e", -2.5m);
        });
        Assert.Equal("1.0 0.30000000000000004 1.0e+20 1.0e-05 -2.5", output);
    }
}
