namespace OrchardPortal.PortalUsers.Services;

/// <summary>The customer-facing account pages, on every tenant.</summary>
public static class PortalAccountPaths
{
    public const string SignIn = "/sign-in";
    public const string SignOut = "/sign-out";
    public const string ForgotPassword = "/forgot-password";
    public const string RequestSignInLink = "/sign-in/link";
    public const string Home = "/";

    public static string Activate(string token) => "/activate/" + token;

    public static string ResetPassword(string token) => "/reset-password/" + token;

    public static string SignInLink(string token) => "/sign-in/link/" + token;
}
