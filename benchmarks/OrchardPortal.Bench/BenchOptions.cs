using System.Globalization;

namespace OrchardPortal.Bench;

/// <summary>The command line: a scenario, a storage provider and the counts, defaulting to the numbers.</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project benchmarks/OrchardPortal.Bench -- <signup|density|startup|invite|autopay|all> [options]
          --provider sqlite|postgres   storage provider (default sqlite)
          --quick                      small counts for a smoke run
          --signups N                  signup: number of signups (default 50)
          --tenants N                  density: tenants provisioned (default 1000)
          --baseline N                 density: tenants before the memory baseline (default 10)
          --restart-sample N           density: tenants requested first after a restart (default 200)
          --registry N                 startup: registry rows (default 10000)
          --real-tenants N             startup: real tenants provisioned among them (default 5)
          --runs N                     startup: measured process starts (default 5)
          --customers N                invite: customers invited in one bulk action (default 5000)
          --invoices N                 autopay: invoices due today, five per customer (default 10000)
          --concurrency N              autopay: charges in flight at once (default 16)
          --web-dll PATH               an already published OrchardPortal.Web.dll (default: publish one)
          --timeout-minutes N          give up on the whole run after N minutes (default 45)
        """;

    public required string Scenario { get; init; }

    public string Provider { get; private set; } = "sqlite";

    public bool IsPostgres => Provider == "postgres";

    public bool Quick { get; private set; }

    public int Signups { get; private set; } = 50;

    public int Tenants { get; private set; } = 1000;

    public int Baseline { get; private set; } = 10;

    public int RestartSample { get; private set; } = 200;

    public int RegistryRows { get; private set; } = 10_000;

    public int RealTenants { get; private set; } = 5;

    public int Runs { get; private set; } = 5;

    public int Customers { get; private set; } = 5000;

    public int Invoices { get; private set; } = 10_000;

    public int AutopayConcurrency { get; private set; } = 16;

    public string? WebDll { get; private set; }

    public TimeSpan Timeout { get; private set; } = TimeSpan.FromMinutes(45);

    /// <summary>Parses the arguments; returns null (after printing why) when they make no sense.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("signup" or "density" or "startup" or "invite" or "autopay" or "all"))
        {
            Console.WriteLine(Usage);
            return null;
        }

        var options = new BenchOptions { Scenario = args[0] };
        var explicitCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--provider":
                    options.Provider = Next().ToLowerInvariant() switch
                    {
                        "sqlite" => "sqlite",
                        "postgres" or "postgresql" or "pg" => "postgres",
                        var other => throw new ArgumentException($"Unknown provider '{other}' (sqlite or postgres)."),
                    };
                    break;
                case "--quick":
                    options.Quick = true;
                    break;
                case "--web-dll":
                    options.WebDll = Path.GetFullPath(Next());
                    break;
                case "--timeout-minutes":
                    options.Timeout = TimeSpan.FromMinutes(Positive(name, Next()));
                    break;
                case "--signups" or "--tenants" or "--baseline" or "--restart-sample" or "--registry" or "--real-tenants" or "--runs" or "--customers" or "--invoices" or "--concurrency":
                    explicitCounts[name] = Positive(name, Next());
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'.\n{Usage}");
            }
        }

        if (options.Quick)
        {
            (options.Signups, options.Tenants, options.Baseline, options.RestartSample) = (5, 40, 10, 10);
            (options.RegistryRows, options.RealTenants, options.Runs) = (500, 2, 2);
            options.Customers = 200;
            options.Invoices = 500;
        }

        // Explicit counts win over --quick, whatever their order on the command line.
        foreach (var (name, value) in explicitCounts)
        {
            options.Apply(name, value);
        }

        if (options.Baseline >= options.Tenants)
        {
            throw new ArgumentException("--baseline must be smaller than --tenants.");
        }

        options.RestartSample = Math.Min(options.RestartSample, options.Tenants);
        options.RealTenants = Math.Min(options.RealTenants, options.RegistryRows);
        return options;
    }

    public override string ToString() => Quick ? $"{Scenario} --provider {Provider} --quick" : $"{Scenario} --provider {Provider}";

    private void Apply(string name, int value)
    {
        switch (name)
        {
            case "--signups": Signups = value; break;
            case "--tenants": Tenants = value; break;
            case "--baseline": Baseline = value; break;
            case "--restart-sample": RestartSample = value; break;
            case "--registry": RegistryRows = value; break;
            case "--real-tenants": RealTenants = value; break;
            case "--runs": Runs = value; break;
            case "--customers": Customers = value; break;
            case "--invoices": Invoices = value; break;
            case "--concurrency": AutopayConcurrency = value; break;
        }
    }

    private static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number, not '{text}'.");
}
