namespace IaasKyc.Domain.Customers;

public enum CustomerKind { Individual, Entity }

/// <summary>api.md statuses. Restricted = "pending verification, restricted use".</summary>
public enum CustomerStatus { Draft, Submitted, Escalated, Restricted, Verified, Rejected, Closed }

public enum RiskLevel { Low, Medium, High, Prohibited }

public enum PaymentMeansType { Card, BankAccount, VirtualCurrencyWallet, Invoice }

public enum PaymentSource { Customer, ParentCompany, ThirdParty }

public enum EvidenceKind { Documentary, NonDocumentary }

public enum AccessKind { Access, Administration }

public enum Provisioning { Allowed, Restricted, Blocked }

/// <summary>A postal address; country is ISO 3166-1 alpha-2.</summary>
public sealed record Address(string Line1, string? Line2, string City, string? Region, string? PostalCode, string Country);
