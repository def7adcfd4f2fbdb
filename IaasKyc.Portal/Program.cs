using IaasKyc.Portal;
using IaasKyc.Portal.Data;

var builder = WebApplication.CreateBuilder(args);
// "backup <file>" and "restore <file>": SQLite's online backup, without starting the portal (docs/operations.md).
if (DatabaseBackup.IsCommand(args)) return DatabaseBackup.Run(args, builder.Configuration, builder.Environment.ContentRootPath, Console.Out);
builder.AddPortal();

var app = builder.Build();
await DatabaseSetup.InitializeAsync(app.Services, app.Configuration, app.Logger);
app.UsePortal();
app.Run();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
