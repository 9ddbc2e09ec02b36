using System.Net;
using OrchardPortal.Core.Email;
using OrchardPortal.Staff.Models;

namespace OrchardPortal.Staff.Services;

/// <summary>
/// The invitation email, built in code for now (a later issue moves emails to Liquid templates).
/// Every value from people is HTML-encoded: names and company names are user input.
/// </summary>
public static class StaffInvitationEmail
{
    public static OutboundEmail Build(StaffUser user, string companyName, string inviterName, string link)
    {
        var company = WebUtility.HtmlEncode(companyName);
        var inviter = WebUtility.HtmlEncode(inviterName);
        var name = WebUtility.HtmlEncode(user.Name);
        var href = WebUtility.HtmlEncode(link);
        var days = (int)StaffInvitationService.Lifetime.TotalDays;
        var html = $"""
            <p>Hi {name},</p>
            <p>{inviter} invited you to help run <strong>{company}</strong>’s customer portal.</p>
            <p><a href="{href}">Accept the invitation and choose your password</a></p>
            <p>The link works once and expires in {days} days. If you weren’t expecting this, you can ignore this email.</p>
            """;
        var text = $"""
            Hi {user.Name},

            {inviterName} invited you to help run {companyName}'s customer portal.

            Accept the invitation and choose your password:
            {link}

            The link works once and expires in {days} days. If you weren't expecting this, you can ignore this email.
            """;
        return new OutboundEmail
        {
            To = user.Email,
            ToName = user.Name,
            Subject = $"{OneLine(inviterName)} invited you to {OneLine(companyName)}'s portal admin",
            HtmlBody = html,
            TextBody = text,
        };
    }

    private static string OneLine(string value) => value.ReplaceLineEndings(" ").Trim();
}
