using System.Diagnostics;
using System.Text.Json;
using OrchardPortal.Core.Security;
using OrchardPortal.Testing;

namespace OrchardPortal.Staff.Tests;

/// <summary>
/// The browser's strength meter must say what the server's rule says: runs the meter's own script
/// under Node (already needed for maildev) and compares it with <see cref="PasswordPolicy.Score"/>.
/// </summary>
public sealed class PasswordMeterParityTests
{
    private static readonly string[] Samples =
    [
        "", "short", "abcdefghi", "abcdefghij", "aaaaaaaaaaaa", "ababababababab", "password123", "PassWord123", "Qwerty123",
        "abcdefghiJ", "abcdefghiJ1", "Abcdefgh1!", "ABCDEFGH12", "abcdefgh!!", "lowercaseonlybutlong", "correct horse battery",
        "Lawn-Mower-Blue-42", "Hedge-Trimmer-Red-77", "Äpfelbäume1234", "ÄÖÜäöü12345", "12345678901234567", "🌿🌿🌿abcD12345",
        "Ab1!Ab1!Ab1!Ab1!Ab1!", "Summer2026", "summer2026", "Tr0ub4dor&3", "x1Y2z3W4v5", "spaced out words 12",
    ];

    [Fact]
    public async Task The_strength_meter_scores_every_sample_exactly_as_the_server_rule_does()
    {
        var expected = Samples.Select(PasswordPolicy.Score).ToArray();

        var actual = await ScoreInNodeAsync(Samples, personal: "");

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task The_strength_meter_marks_a_password_built_from_the_persons_name_as_weak_as_the_server_refuses_it()
    {
        const string password = "Olivia-Rules-2026";
        Assert.NotNull(PasswordPolicy.Validate(password, "owner@example.com", "Olivia Owner", "Green Acres"));

        var withName = await ScoreInNodeAsync([password], personal: "owner@example.com Olivia Owner Green Acres");
        var withoutName = await ScoreInNodeAsync([password], personal: "");

        Assert.Equal(1, withName[0]);
        Assert.Equal(PasswordPolicy.Score(password), withoutName[0]);
        Assert.True(withoutName[0] > 1);
    }

    private static async Task<int[]> ScoreInNodeAsync(string[] passwords, string personal)
    {
        var script = RepositoryRoot.Combine("src", "Modules", "OrchardPortal.Staff", "wwwroot", "password-strength.js");
        var input = JsonSerializer.Serialize(new { passwords, personal, common = PasswordPolicy.CommonPasswords });
        const string Program = """
            const meter = require(process.argv[1]);
            let raw = "";
            process.stdin.on("data", d => raw += d);
            process.stdin.on("end", () => {
              const { passwords, personal, common } = JSON.parse(raw);
              const set = new Set(common.map(w => w.toLowerCase()));
              console.log(JSON.stringify(passwords.map(p => meter.score(p, set, meter.words(personal)))));
            });
            """;
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Program);
        start.ArgumentList.Add(script);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        await node.StandardInput.WriteAsync(input);
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, "node failed: " + errors);
        return JsonSerializer.Deserialize<int[]>(output)!;
    }
}
