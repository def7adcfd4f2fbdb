using IaasKyc.Portal;
using IaasKyc.Portal.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
await DatabaseSetup.InitializeAsync(app.Services, app.Configuration, app.Logger);
app.UsePortal();
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
