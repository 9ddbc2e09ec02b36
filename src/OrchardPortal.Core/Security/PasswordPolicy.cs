using System.Collections.Frozen;

namespace OrchardPortal.Core.Security;

/// <summary>
/// The one strong-password rule, shared by staff and portal users, with the hint shown beside the field.
/// At least 10 characters; shorter than 16 needs three kinds of character (lower, upper, digit, symbol);
/// never a well-known password, nor one built from the person's email or name.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int PassphraseLength = 16;
    public const int MaxLength = 200;

    public const string Hint = "At least 10 characters, mixing upper- and lower-case letters, digits or symbols (or a passphrase of 16+ characters). Avoid common passwords and your name or email.";

    private static readonly FrozenSet<string> Common = new[]
    {
        "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword",
        "123456", "1234567", "12345678", "123456789", "1234567890", "12345678910", "qwerty", "qwertyuiop",
        "qwerty123", "qwerty1234", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "zaq12wsx", "abc123", "abcd1234",
        "iloveyou", "letmein", "letmein123", "welcome", "welcome1", "welcome123", "admin", "admin123",
        "administrator", "changeme", "changeme123", "monkey", "dragon", "football", "baseball", "sunshine",
        "princess", "trustno1", "superman", "starwars", "whatever", "passwordpassword", "aaaaaaaaaa",
        "summer2024", "summer2025", "summer2026", "winter2025", "winter2026", "spring2026", "autumn2026",
        "lawncare", "lawncare1", "landscaping", "customer", "portal", "portal123",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The well-known passwords the rule refuses, so a browser-side strength meter can mirror <see cref="Score"/>.</summary>
    public static IReadOnlySet<string> CommonPasswords => Common;

    /// <summary>Returns null when the password is acceptable, else the reason to show the person.</summary>
    public static string? Validate(string? password, params string?[] personalWords)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "Choose a password.";
        }

        if (password.Length < MinLength)
        {
            return $"Use at least {MinLength} characters.";
        }

        if (password.Length > MaxLength)
        {
            return $"Use at most {MaxLength} characters.";
        }

        if (Common.Contains(password) || password.Distinct().Count() <= 2)
        {
            return "That password is too easy to guess. Try a longer phrase only you would think of.";
        }

        foreach (var word in personalWords.SelectMany(Words))
        {
            if (word.Length >= 4 && password.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return "Don't build your password from your name, email or company name.";
            }
        }

        if (password.Length < PassphraseLength && CharacterKinds(password) < 3)
        {
            return "Mix at least three of: lower-case letters, upper-case letters, digits, symbols — or use 16 or more characters.";
        }

        return null;
    }

    /// <summary>0 (weak) to 4 (very strong), the same scale as the browser-side meter.</summary>
    public static int Score(string? password)
    {
        if (Validate(password) is not null)
        {
            return password is { Length: >= MinLength } ? 1 : 0;
        }

        var kinds = CharacterKinds(password!);
        return password!.Length >= 20 || (password.Length >= 14 && kinds >= 3) ? 4 : kinds >= 4 || password.Length >= 12 ? 3 : 2;
    }

    private static int CharacterKinds(string password) =>
        (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0)
        + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);

    private static IEnumerable<string> Words(string? text) =>
        (text ?? "").Split([' ', '@', '.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries);
}
