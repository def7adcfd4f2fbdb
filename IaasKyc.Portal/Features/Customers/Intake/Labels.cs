using IaasKyc.Domain.Customers;

namespace IaasKyc.Portal.Features.Customers.Intake;

/// <summary>How the wizard words the customer enums.</summary>
public static class Labels
{
    public static string Means(PaymentMeansType m) => m switch
    {
        PaymentMeansType.BankAccount => "Bank account",
        PaymentMeansType.VirtualCurrencyWallet => "Virtual-currency wallet",
        _ => m.ToString(),
    };

    public static string Source(PaymentSource s, string? name) => s switch
    {
        PaymentSource.ParentCompany => name is null ? "Parent company" : $"parent company {name}",
        PaymentSource.ThirdParty => name is null ? "Third party" : $"third party {name}",
        _ => "Customer",
    };

    /// <summary>Who pays, as a sentence ends: "paid by the customer", "paid by third party Acme Ltd".</summary>
    public static string PaidBy(PaymentSource s, string? name) => s == PaymentSource.Customer ? "the customer" : Source(s, name);

    /// <summary>An account's payment as one line (the identifier masked): "Card •••• 1111 (DE), paid by the customer; GPU cluster".</summary>
    public static string Account(PaymentMeansType means, bool prepaid, string identifierMasked, string issuerCountry, PaymentSource source, string? sourceName,
        IEnumerable<string> products, Func<string?, string> productName)
    {
        var names = products.Select(productName).ToList();
        return $"{Means(means)}{(prepaid ? " (prepaid)" : "")} {identifierMasked} ({issuerCountry}), paid by {PaidBy(source, sourceName)}"
            + (names.Count > 0 ? "; " + string.Join(", ", names) : "");
    }
}
