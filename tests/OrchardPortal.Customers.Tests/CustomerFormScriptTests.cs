using System.Diagnostics;
using System.Text.Json;
using OrchardPortal.Customers.Services;
using OrchardPortal.Customers.Tests.Infrastructure;
using OrchardPortal.Testing;

namespace OrchardPortal.Customers.Tests;

/// <summary>
/// The form script, run on the real new-customer page under Node's jsdom (installed with maildev):
/// rows are added and removed, and field names stay contiguous because the server reports problems
/// by row position.
/// </summary>
public sealed class CustomerFormScriptTests(SqliteCustomersApp app) : IClassFixture<SqliteCustomersApp>
{
    [Fact]
    public async Task Adding_and_removing_email_rows_keeps_names_and_ids_numbered_from_zero()
    {
        var (_, staff) = await app.NewTenantAsync();
        var html = await (await staff.GetAsync(CustomerPaths.New)).Content.ReadAsStringAsync();

        var result = await RunAsync(html, """
            const emails = document.querySelectorAll('[data-repeat]')[0];
            const add = emails.querySelector('[data-add]');
            const shownAdd = !add.hidden;
            add.click();
            add.click();
            emails.querySelectorAll('[data-row]')[1].querySelector('input[type=email]').value = 'keep@example.com';
            emails.querySelectorAll('[data-remove]')[0].click();
            return {
              shownAdd,
              names: [...emails.querySelectorAll('[data-rows] [name]')].map(e => e.name),
              ids: [...emails.querySelectorAll('[data-rows] input')].map(e => e.id),
              firstValue: emails.querySelector('[data-rows] input[type=email]').value,
              removeShown: [...emails.querySelectorAll('[data-rows] [data-remove]')].every(b => !b.hidden),
            };
            """);

        Assert.True(result.GetProperty("shownAdd").GetBoolean());
        Assert.True(result.GetProperty("removeShown").GetBoolean());
        Assert.Equal("keep@example.com", result.GetProperty("firstValue").GetString());
        Assert.Equal(
            ["Input.Emails[0].Address", "Input.Emails[0].Label", "Input.Emails[0].IsPrimary", "Input.Emails[1].Address", "Input.Emails[1].Label", "Input.Emails[1].IsPrimary"],
            result.GetProperty("names").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            ["emails-0-address", "emails-0-label", "emails-0-isprimary", "emails-1-address", "emails-1-label", "emails-1-isprimary"],
            result.GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
    }

    private static async Task<JsonElement> RunAsync(string html, string actions)
    {
        var jsdom = RepositoryRoot.Combine("tools", "maildev", "node_modules", "jsdom");
        var script = RepositoryRoot.Combine("src", "Modules", "OrchardPortal.Customers", "wwwroot", "customer-form.js");
        var program = $$"""
            const { JSDOM } = require(process.argv[1]);
            const fs = require('fs');
            let raw = '';
            process.stdin.on('data', d => raw += d);
            process.stdin.on('end', () => {
              const dom = new JSDOM(raw, { runScripts: 'outside-only' });
              dom.window.eval(fs.readFileSync(process.argv[2], 'utf8'));
              const run = new dom.window.Function(`const document = window.document; {{actions.Replace("`", "\\`", StringComparison.Ordinal)}}`);
              console.log(JSON.stringify(run.call(dom.window)));
            });
            """;
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(program);
        start.ArgumentList.Add(jsdom);
        start.ArgumentList.Add(script);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        await node.StandardInput.WriteAsync(html);
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, "node failed: " + errors);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
