using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Customers.Tests;

public sealed class CustomerValidatorTests
{
    private static CustomerDetails Valid() => new() { FirstName = "Marisol", LastName = "Ortega" };

    [Theory]
    [InlineData("C-000123")]
    [InlineData("lawn_42")]
    [InlineData("A")]
    [InlineData("123456789012345678901234567890")]
    public void Account_numbers_of_letters_digits_hyphens_and_underscores_are_accepted(string number)
    {
        var details = Valid();
        details.AccountNumber = number;

        Assert.Empty(CustomerValidator.ValidateFields(details));
    }

    [Theory]
    [InlineData("C 123")]
    [InlineData("C/123")]
    [InlineData("Ç-1")]
    [InlineData("1234567890123456789012345678901")]
    public void Other_account_numbers_are_refused(string number)
    {
        var details = Valid();
        details.AccountNumber = number;

        Assert.Contains("1 to 30 letters", CustomerValidator.ValidateFields(details)[nameof(CustomerDetails.AccountNumber)], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(312) 555-0134", true)]
    [InlineData("+44 20 7946 0958", true)]
    [InlineData("312.555.0134", true)]
    [InlineData("555-0134", true)]
    [InlineData("555-013", false)]
    [InlineData("1234567890123456", false)]
    [InlineData("call me", false)]
    [InlineData("312-555-0134 x12", false)]
    public void Phone_numbers_need_7_to_15_digits_and_only_phone_punctuation(string number, bool valid)
    {
        var details = Valid();
        details.Phones = [new PhoneDetails { Number = number }];

        Assert.Equal(valid, !CustomerValidator.ValidateFields(details).ContainsKey("Phones[0].Number"));
    }

    [Fact]
    public void A_name_is_required_either_a_persons_or_a_companys()
    {
        Assert.Equal("Enter the customer's name, or a company name.", CustomerValidator.ValidateFields(new CustomerDetails())["FirstName"]);
        Assert.Empty(CustomerValidator.ValidateFields(new CustomerDetails { CompanyName = "Bluestem Family Dental" }));
        Assert.Empty(CustomerValidator.ValidateFields(new CustomerDetails { LastName = "Haldane" }));
    }

    [Fact]
    public void Blank_rows_are_ignored_but_half_filled_ones_are_not()
    {
        var details = Valid();
        details.Emails = [new EmailDetails(), new EmailDetails { Label = "Work" }];
        details.Addresses = [new AddressDetails { Kind = AddressKind.Billing }, new AddressDetails { PostalCode = "60510" }];

        var errors = CustomerValidator.ValidateFields(details);

        Assert.Equal(["Emails[1].Address", "Addresses[1].Line1", "Addresses[1].City"], errors.Keys);
    }

    [Fact]
    public void Only_one_primary_is_allowed_per_kind_of_address_email_and_phone()
    {
        var details = Valid();
        details.Emails = [new EmailDetails { Address = "a@example.com", IsPrimary = true }, new EmailDetails { Address = "b@example.com", IsPrimary = true }];
        details.Phones = [new PhoneDetails { Number = "6305550101", IsPrimary = true }, new PhoneDetails { Number = "6305550102", IsPrimary = true }];
        details.Addresses =
        [
            new AddressDetails { Kind = AddressKind.Billing, Line1 = "1 A St", City = "X", IsPrimary = true },
            new AddressDetails { Kind = AddressKind.Service, Line1 = "2 B St", City = "X", IsPrimary = true },
            new AddressDetails { Kind = AddressKind.Service, Line1 = "3 C St", City = "X", IsPrimary = true },
        ];

        var errors = CustomerValidator.ValidateFields(details);

        Assert.Equal(["Emails[1].IsPrimary", "Phones[1].IsPrimary", "Addresses[2].IsPrimary"], errors.Keys);
        Assert.Equal("Only one service address can be primary.", errors["Addresses[2].IsPrimary"]);
    }

    [Fact]
    public void Lengths_and_line_breaks_in_one_line_fields_are_refused()
    {
        var details = new CustomerDetails
        {
            FirstName = new string('a', 101),
            CompanyName = "Line\nbreak",
            Notes = new string('n', 4001),
            Addresses = [new AddressDetails { Line1 = "1 A St", City = "X", PostalCode = new string('9', 21) }],
        };

        var errors = CustomerValidator.ValidateFields(details);

        Assert.Equal("Use at most 100 characters.", errors["FirstName"]);
        Assert.Equal("Use letters, digits, spaces and punctuation only.", errors["CompanyName"]);
        Assert.Contains("4,000", errors["Notes"], StringComparison.Ordinal);
        Assert.Equal("Use at most 20 characters.", errors["Addresses[0].PostalCode"]);
    }

    [Theory]
    [InlineData("(312) 555-0134", "312 5550134")]
    [InlineData("José O'Brien", "jose o'brien")]
    [InlineData("C-000123", "c-000123")]
    [InlineData("  a  b  a ", "a b")]
    public void Search_words_are_folded_and_phone_like_words_become_digits(string query, string expected)
    {
        Assert.Equal(expected, string.Join(' ', CustomerText.QueryTerms(query)));
    }
}
