namespace IaasKyc.Portal.Features.Resellers;

/// <summary>
/// The standard flow-down attestation text: the demo's v1 and the starting point of a first draft. Rule-pack numbers are placeholders,
/// filled in when an attestation is sent.
/// </summary>
public static class StandardAttestation
{
    public const string Introduction = """
        The undersigned, authorised to bind the reseller named in this attestation (the "Reseller"), attests to the U.S. IaaS provider (the "Provider") that the Reseller, which resells the Provider's Infrastructure-as-a-Service products to persons outside the United States, maintains and follows a Customer Identification Program (CIP) that meets the requirements the Provider's own program meets under the U.S. Department of Commerce's proposed rule on Infrastructure-as-a-Service customers (89 FR 5698), or has adopted the Provider's CIP by written agreement, and that it will:
        """;

    public static readonly IReadOnlyDictionary<string, string> Clauses = new Dictionary<string, string>
    {
        ["identification"] = "Identify every customer to whom it provides the Provider's IaaS products before providing them, recording the customer's name, address, e-mail address, telephone number, the means and source of payment of each account, and the IP addresses used to access or administer each account with date and time; and, for customers that are entities, identify each beneficial owner (each individual who owns or controls 25 % or more of the ownership interests, or exercises substantial control over the customer).",
        ["verification"] = "Verify the identity of every customer and beneficial owner that is a foreign person, using documentary methods (passport, national identity card, certificate of incorporation or register extract) and, where the risk warrants it, non-documentary methods, before or promptly after opening the account; and refuse or close accounts whose identity cannot be verified, as its CIP provides.",
        ["recordKeeping"] = "Keep the identification and verification records, and the records of how each discrepancy was resolved, for {retentionYears} years after the later of the closure of the account and the last access to it, and make them available to the Provider on request.",
        ["aiTrainingReports"] = "Report to the Provider, within {aiReportDeadlineDays} days, any transaction by which a foreign person trains, or is likely to train, a large AI model with potential capabilities that could be used in malicious cyber-enabled activity, with the information the Provider needs for its own report to the Department of Commerce; the Provider may not serve a reseller that does not meet this duty.",
        ["specialMeasures"] = "Honour every special measure the Department of Commerce imposes on the Provider (a prohibition or a condition on opening or keeping accounts for a foreign jurisdiction or a foreign person), from its effective date, for the accounts it resells, and tell the Provider at once of any account a special measure affects.",
        ["cipProduction"] = "Produce a copy of its written CIP, and the records the Provider asks for, within {cipProductionDays} days of a request by the Provider or by the Department of Commerce.",
        ["cipChanges"] = "Tell the Provider in writing of any material change to its CIP, its business operations, its corporate structure or its CIP contact person within 30 days of the change, and acknowledge that the Provider ends the reseller relationship within {resellerTerminationDays} days of learning that the Reseller does not comply.",
    };
}
