using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace IaasKyc.Portal.Security;

/// <summary>
/// Rate limits from configuration (<c>RateLimits:*</c>), so that tests can raise them: sign-in attempts per client
/// address, and API calls per key. A refused request gets 429 problem details.
/// </summary>
public static class RateLimits
{
    public static void Configure(RateLimiterOptions options, IConfiguration config)
    {
        var signInPerMinute = config.GetValue("RateLimits:SignInPerMinute", 30);
        var apiPerMinute = config.GetValue("RateLimits:ApiPerMinute", 1200);
        var attestPerMinute = config.GetValue("RateLimits:PublicLinkPerMinute", 30);
        var apiPerAddress = config.GetValue("RateLimits:ApiPerMinutePerAddress", Math.Max(apiPerMinute, 6000));

        // Per key, and per client address on top: a client inventing keys gets no fresh allowance with each one.
        var perAddress = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.Request.Path.StartsWithSegments("/api")
                ? Window("api-address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), apiPerAddress)
                : RateLimitPartition.GetNoLimiter("none"));
        var perKeyOrPage = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var path = context.Request.Path;
            var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (path.StartsWithSegments("/api"))
            {
                var key = context.Request.Headers["X-Api-Key"].ToString();
                var partition = key.Length == 0 ? "ip:" + ip : "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
                return Window("api:" + partition, apiPerMinute);
            }
            if (HttpMethods.IsPost(context.Request.Method) && path.StartsWithSegments("/Account/Login"))
                return Window("signin:" + ip, signInPerMinute);
            if (path.StartsWithSegments("/attest"))
                return Window("attest:" + ip, attestPerMinute);
            return RateLimitPartition.GetNoLimiter("none");
        });
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(perKeyOrPage, perAddress);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, ct) =>
        {
            var http = context.HttpContext;
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                http.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = 429,
                    Title = "Too many requests.",
                    Detail = "Wait a minute before trying again.",
                },
            });
        };
    }

    private static RateLimitPartition<string> Window(string partition, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
