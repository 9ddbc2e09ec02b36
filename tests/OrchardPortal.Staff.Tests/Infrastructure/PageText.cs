using System.Text.RegularExpressions;
using OrchardPortal.Testing;

namespace OrchardPortal.Staff.Tests.Infrastructure;

/// <summary>Reading what a person would see: the error box of a page, links in emails.</summary>
public static partial class PageText
{
    /// <summary>The text of the page-level error box (validation summary), or "" when there is none.</summary>
    public static string ErrorSummary(string html)
    {
        var match = SummaryPattern().Match(html);
        return match.Success ? TagPattern().Replace(match.Groups[1].Value, " ").Trim() : "";
    }

    /// <summary>Waits for the invitation mail to <paramref name="email"/> that arrived after <paramref name="sentAfterCount"/> others and returns its link's path and query.</summary>
    public static async Task<(string Path, ReceivedMail Mail)> InvitationLinkAsync(this MailDevServer mail, string email, int sentAfterCount = 0)
    {
        var received = await mail.WaitForMailAsync(m => m.IsFor(email), TimeSpan.FromSeconds(30));
        for (var attempt = 0; received.Count <= sentAfterCount && attempt < 100; attempt++)
        {
            await Task.Delay(100);
            received = (await mail.GetAllAsync()).Where(m => m.IsFor(email)).ToList();
        }

        var message = received[^1];
        var link = LinkPattern().Match(message.Text ?? "");
        Assert.True(link.Success, "The invitation email has no invitation link: " + message.Text);
        return (link.Groups[1].Value, message);
    }

    /// <summary>The action URL of the only form on the page that posts to <paramref name="handler"/>.</summary>
    public static string FormAction(string html, string handler)
    {
        var actions = ActionPattern().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(a => a.Contains("handler=" + handler, StringComparison.Ordinal)).ToList();
        Assert.Single(actions);
        return actions[0];
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("class=\"[^\"]*validation-summary-errors[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"https?://[^/\s]+(/admin/invitation\?token=[A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();
}
