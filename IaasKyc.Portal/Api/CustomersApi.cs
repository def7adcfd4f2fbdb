using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Security;

namespace IaasKyc.Portal.Api;

/// <summary>
/// Customer intake and the provisioning gate for the provider's sign-up and provisioning systems (proposed § 7.302).
/// Enums, dates and countries arrive as strings, so that a bad value is a 400 naming its field, not a JSON error.
/// </summary>
public static class CustomersApi
{
    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder v1)
    {
        var customers = v1.MapGroup("/customers").RequireAuthorization(Policies.ApiScope(ApiScopes.Customers));

        customers.MapPost("", CreateAsync)
            .WithName("CreateCustomer")
            .WithSummary("Takes in a customer as a Draft, with its accounts and means and source of payment.")
            .WithDescription("""
                Creates a Draft customer (proposed § 7.302: name, address, email, phone, means and source of payment per account).
                `kind` is `individual` or `entity`; `paymentMeans.type` is `card`, `bankAccount`, `virtualCurrencyWallet` or `invoice`;
                `paymentSource` is `customer`, `parentCompany` (name it in `paymentSourceName`) or `thirdParty` (name it too).
                Enum values are case-insensitive; countries are ISO 3166-1 alpha-2, `citizenshipOrJurisdiction` may be ISO 3166-2
                for a U.S. state (`US-DE`); dates are `YYYY-MM-DD`; phone numbers are stored in E.164.
                The payment identifier is stored encrypted and only ever returned masked.
                Invalid input: 400 problem details whose `errors` name each bad field (`email`, `address.country`,
                `accounts[0].paymentMeans.type`); nothing is stored. An account reference already in use: 400 at `accounts[i].reference`.
                Bodies over 1 MB: 413.
                """)
            .AcceptsBody<CustomerRequest>("application/json")
            .Produces<CreatedCustomerResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        customers.MapGet("/{id}", GetAsync)
            .WithName("GetCustomer")
            .WithSummary("Returns a customer with its status, risk level and provisioning decision.")
            .WithDescription("""
                `provisioning` is the gate the provisioning system applies, evaluated in this order: `blocked` on a confirmed
                sanctions match (including the OFAC 50 % rule over confirmed-blocked owners) or an effective special-measure
                prohibition; `allowed` if verified, or if the customer and all beneficial owners are determined U.S. persons (each
                owner's determination, or the recorded statement that all are; an entity without an ownership structure is not)
                and the record is submitted or verified; `restricted` while pending verification with restricted use; otherwise
                `blocked`. Payment identifiers are masked. Unknown id: 404.
                """)
            .Produces<CustomerResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return v1;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CustomerService service, CustomerQueries queries, CancellationToken ct)
    {
        var (body, problem) = await ApiJson.ReadAsync<CustomerRequest>(http, ct);
        if (problem is not null) return problem;

        var outcome = await service.CreateAsync(body!.ToInput(), ct);
        if (!outcome.Ok) return ApiProblems.From(outcome);
        var created = await queries.GetAsync(outcome.Id!.Value, ct);
        if (created is null) return ApiProblems.NotFound("Customer");
        return TypedResults.Created($"/api/v1/customers/{created.Id}",
            new CreatedCustomerResponse(created.Id, created.Status, created.Risk, [.. created.Accounts.Select(AccountResponse.From)]));
    }

    private static async Task<IResult> GetAsync(string id, CustomerQueries queries, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid) || await queries.GetAsync(guid, ct) is not { } c) return ApiProblems.NotFound("Customer");
        return TypedResults.Ok(new CustomerResponse(
            c.Id, c.Kind, c.Name, c.OtherNames, c.Status, c.Risk, c.Provisioning, c.UsPerson, c.DeterminationBasis,
            c.Country is null ? null : new AddressDto(c.AddressLine1, c.AddressLine2, c.City, c.Region, c.PostalCode, c.Country),
            c.Email, c.Phone, c.CitizenshipOrJurisdiction, c.DateOfBirthOrIncorporation, c.ReverifyDue,
            [.. c.Accounts.Select(AccountResponse.From)], c.CreatedAtUtc, c.UpdatedAtUtc));
    }
}

/// <summary>The intake body: strings wherever a person can get the value wrong, so each mistake is a finding at its field.</summary>
public sealed record CustomerRequest(
    string? Kind, string? Name, string? OtherNames, AddressDto? Address, string? Email, string? Phone, string? CitizenshipOrJurisdiction,
    string? DateOfBirthOrIncorporation, DeterminationRequest? Determination, IReadOnlyList<AccountRequest?>? Accounts)
{
    public IntakeInput ToInput() => new(
        Kind, Name, OtherNames, DateOfBirthOrIncorporation, CitizenshipOrJurisdiction,
        Address is null ? null : new AddressInput(Address.Line1, Address.Line2, Address.City, Address.Region, Address.PostalCode, Address.Country),
        Email, Phone,
        Determination is null ? null : new DeterminationInput(Determination.UsPerson, Determination.Basis, Determination.NoticeGivenOn, Determination.NoticeVersion),
        Accounts?.Select(a => a is null ? null! : new AccountInput(a.Reference,
            a.PaymentMeans is null ? null : new PaymentMeansInput(a.PaymentMeans.Type, a.PaymentMeans.IssuerCountry, a.PaymentMeans.Identifier, a.PaymentMeans.Prepaid),
            a.PaymentSource, a.PaymentSourceName, a.Products)).ToList());
}

public sealed record AddressDto(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country);

/// <summary>The U.S./foreign determination with its basis; the notice date (YYYY-MM-DD) makes the record ready to submit.</summary>
public sealed record DeterminationRequest(bool? UsPerson, string? Basis, string? NoticeGivenOn = null, string? NoticeVersion = null);

public sealed record AccountRequest(string? Reference, PaymentMeansRequest? PaymentMeans, string? PaymentSource, string? PaymentSourceName,
    IReadOnlyList<string>? Products = null);

public sealed record PaymentMeansRequest(string? Type, string? IssuerCountry, string? Identifier, bool? Prepaid = null);

public sealed record CreatedCustomerResponse(Guid Id, CustomerStatus Status, RiskLevel RiskLevel, IReadOnlyList<AccountResponse> Accounts);

public sealed record CustomerResponse(
    Guid Id, CustomerKind Kind, string Name, string? OtherNames, CustomerStatus Status, RiskLevel RiskLevel, Provisioning Provisioning,
    bool? UsPerson, string? DeterminationBasis, AddressDto? Address, string? Email, string? Phone, string? CitizenshipOrJurisdiction,
    DateOnly? DateOfBirthOrIncorporation, DateOnly? ReverifyDue, IReadOnlyList<AccountResponse> Accounts, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>An account as the API shows it: the payment identifier only ever masked.</summary>
public sealed record AccountResponse(Guid Id, string Reference, PaymentMeansResponse PaymentMeans, PaymentSource PaymentSource,
    string? PaymentSourceName, IReadOnlyList<string> Products)
{
    public static AccountResponse From(AccountView a) => new(a.Id, a.Reference,
        new PaymentMeansResponse(a.PaymentMeans, a.IssuerCountry, a.PaymentIdentifierMasked, a.Prepaid), a.PaymentSource, a.PaymentSourceName, a.Products);
}

public sealed record PaymentMeansResponse(PaymentMeansType Type, string IssuerCountry, string Identifier, bool Prepaid);
