using System.Text;

namespace OrchardPortal.Liquid.Tests.Engine;

/// <summary>
/// Behaviour the render fast paths must not change: shared boxes for small integers and booleans, member getters
/// that convert to Liquid values themselves, the for-loop variable written in place, and the per-thread output
/// builder that <c>RenderAsync</c> borrows.
/// </summary>
public sealed class FastPathTests
{
    public enum Tier
    {
        Basic,
        Gold,
    }

    public sealed class Account
    {
        public int Visits { get; init; }

        public int? Missing { get; init; }

        public int? Present { get; init; }

        public bool Active { get; init; }

        public Tier Tier { get; init; }

        public decimal Credit { get; init; }

        public long Big { get; init; }

        public List<int> Scores { get; init; } = [];

        public object? Anything { get; init; }
    }

    [Fact]
    public void Registered_members_read_as_liquid_values_whatever_their_clr_type()
    {
        var environment = new LiquidEnvironment();
        environment.MemberAccess.Register<Account>("visits", "missing", "present", "active", "tier", "credit", "big", "scores", "anything");
        environment.MemberAccess.Register<Account>("doubled", account => account.Visits * 2);
        var account = new Account
        {
            Visits = 7, Present = 5000, Active = true, Tier = Tier.Gold, Credit = 2.5m, Big = long.MaxValue,
            Scores = [3, 1, 2], Anything = (short)9,
        };
        var context = new TemplateContext(environment);
        context.SetValue("a", account);

        var output = environment.Parse(
            "{{ a.visits | plus: 1 }}|{{ a.missing }}|{{ a.present | plus: 1 }}|{% if a.active %}on{% endif %}|{{ a.tier }}|"
            + "{{ a.credit }}|{{ a.big }}|{{ a.scores | sort | join: ',' }}|{{ a.scores.size }}|{{ a.anything | plus: 1 }}|"
            + "{{ a.doubled | plus: 1 }}|{% if a.visits == 7 %}seven{% endif %}").Render(context);

        Assert.Equal("8||5001|on|Gold|2.5|9223372036854775807|1,2,3|3|10|15|seven", output);
    }

    [Fact]
    public void Integer_loops_print_every_value_inside_and_outside_the_shared_boxes()
    {
        var template = new LiquidEnvironment().Parse(
            "{% for i in (-131..-127) %}{{ i }},{% endfor %}|{% for i in (1022..1026) %}{{ i | minus: 1 }},{% endfor %}|"
            + "{% for i in (1..3) %}{{ forloop.index }}{{ forloop.first }}{{ forloop.rindex0 }},{% endfor %}|"
            + "{% increment n %}{% increment n %}{{ n }}|{{ (1..2000) | size }}");

        var output = template.Render(new TemplateContext());

        Assert.Equal(
            "-131,-130,-129,-128,-127,|1021,1022,1023,1024,1025,|1true2,2false1,3false0,|012|2000",
            output);
    }

    [Fact]
    public void A_loop_variable_named_like_its_forloop_object_shadows_it_as_before()
    {
        var output = new LiquidEnvironment().Parse("{% for forloop in (1..3) %}{{ forloop }}{% endfor %}").Render(new TemplateContext());

        Assert.Equal("123", output);
    }

    [Fact]
    public async Task A_render_on_the_same_thread_while_an_async_write_is_pending_leaves_that_output_intact()
    {
        var environment = new LiquidEnvironment();
        var first = environment.Parse("{% for i in (1..200) %}first {{ i }};{% endfor %}");
        var second = environment.Parse("{% for i in (1..200) %}SECOND{% endfor %}");
        var expected = first.Render(new TemplateContext(environment));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var writer = new GatedWriter(gate.Task);

        var pending = first.RenderAsync(writer, new TemplateContext(environment));
        var interleaved = second.Render(new TemplateContext(environment));
        gate.SetResult();
        await pending;

        Assert.Equal(expected, writer.ToString());
        Assert.StartsWith("SECOND", interleaved, StringComparison.Ordinal);
    }

    /// <summary>Holds every asynchronous write until the gate opens, so the caller's thread moves on meanwhile.</summary>
    private sealed class GatedWriter(Task gate) : TextWriter
    {
        private readonly StringBuilder _written = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => _written.Append(value);

        public override async Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            await gate;
            _written.Append(buffer.Span);
        }

        public override string ToString() => _written.ToString();
    }
}
