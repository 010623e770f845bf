using System.Text.Json;
using S3Audit.Engine.Credentials;
using S3Audit.Engine.Lyve;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Credentials;

/// <summary>Lyve Cloud Account API v2 (token, permissions, service accounts, expired token) served on 127.0.0.1.</summary>
public class LyveCredentialReviewerRecordedTests
{
    private const string Secret = "lyve-secret-DO-NOT-PRINT";

    private static RecordedResponse Json(string body, int status = 200) => new(status, body, "application/json");

    private static RecordedHttpServer Lyve(Func<ReceivedRequest, RecordedResponse>? token = null, Func<ReceivedRequest, RecordedResponse>? guard = null) =>
        LyveAccountApiStub.Start(token, guard);

    private static async Task<(IReadOnlyList<S3AuditCredential> Rows, CollectingOutput Output)> Review(RecordedHttpServer server, params string[] names)
    {
        using var api = new LyveAccountApiClient(new LyveAccountApiOptions { BaseUrl = new Uri(server.Url + "/v2"), AccountId = "acme", AccessKey = "lyve-access", Secret = Secret });
        var output = new CollectingOutput();
        var rows = await new LyveCredentialReviewer(api).ReviewAsync(new CredentialReviewRequest { UserNames = names.ToList() }, output, CancellationToken.None);
        return (rows, output);
    }

    [Fact]
    public async Task ServiceAccountsAreListedWithStateAndWhatTheirPermissionsAllow()
    {
        using RecordedHttpServer server = Lyve();
        var (rows, output) = await Review(server);

        Assert.Equal(new[] { "backup-agent", "legacy-admin", "siem-reader" }, rows.Select(r => r.UserName));
        Assert.All(rows, r => Assert.Equal(("ServiceAccount", S3Provider.Lyve, "LyveAccountApi"), (r.IdentityType, r.Provider, r.Source)));

        S3AuditCredential reader = rows[2];
        Assert.Equal(("Enabled", "read-only on audit-logs", string.Empty), (reader.KeyStatus, reader.S3Access, reader.Findings));

        S3AuditCredential admin = rows[1];
        Assert.Equal("Disabled", admin.KeyStatus);
        Assert.Equal("all-operations on all buckets [s3:*] [all buckets]", admin.S3Access);
        Assert.Equal(("FullS3Access", S3AuditSeverity.High), (admin.Findings, admin.Severity));

        S3AuditCredential backup = rows[0];
        Assert.Equal("custom: a custom policy; unknown permission p-gone", backup.S3Access);
        Assert.False(backup.FullS3Access);

        ReceivedRequest auth = server.Received.First(r => r.PathAndQuery == "/v2/auth/token");
        using (JsonDocument body = JsonDocument.Parse(auth.Body))
        {
            Assert.Equal("acme", body.RootElement.GetProperty("accountId").GetString());
            Assert.Equal("lyve-access", body.RootElement.GetProperty("accessKey").GetString());
        }

        Assert.All(server.Received.Where(r => r.Method == "GET"), r => Assert.Equal("Bearer tok-1", r.Headers["Authorization"]));
        Assert.Contains(output.Verbose, v => v.StartsWith("The Lyve Account API (") && v.Contains("3 service account(s) and 3 permission(s)"));
        Assert.Empty(output.Errors);
    }

    [Fact]
    public async Task AnExpiredTokenIsRenewedOnce()
    {
        int tokens = 0;
        using RecordedHttpServer server = Lyve(
            token: _ => Json($$"""{"token":"tok-{{Interlocked.Increment(ref tokens)}}","expirationSec":86400}"""),
            guard: r => r.Headers["Authorization"] == "Bearer tok-1" ? Json("""{"code":"ExpiredToken","message":"The token has expired"}""", 400) : null!);
        var (rows, output) = await Review(server);

        Assert.Equal(3, rows.Count);
        Assert.Equal(2, tokens);
        Assert.Empty(output.Errors);
    }

    [Fact]
    public async Task ATokenThatStaysRejectedIsAClearErrorWithoutTheSecret()
    {
        using RecordedHttpServer server = Lyve(guard: _ => Json("""{"code":"ExpiredToken","message":"The token has expired"}""", 400));
        var (rows, output) = await Review(server);

        Assert.Empty(rows);
        var error = Assert.Single(output.Errors);
        Assert.Equal("LyveInvalidCredentials", error.ErrorId);
        Assert.Contains("ExpiredToken (HTTP 400): The token has expired", error.Message);
        Assert.Equal(2, server.Received.Count(r => r.PathAndQuery == "/v2/auth/token"));
    }

    [Fact]
    public async Task BadAccountApiCredentialsAreAnAuthenticationError()
    {
        using RecordedHttpServer server = Lyve(token: _ => Json("""{"code":"Unauthorized","message":"Invalid credentials"}""", 401));
        var (rows, output) = await Review(server);

        Assert.Empty(rows);
        var error = Assert.Single(output.Errors);
        Assert.Equal("LyveInvalidCredentials", error.ErrorId);
        Assert.Contains("POST /auth/token failed with Unauthorized (HTTP 401)", error.Message);
        string everything = string.Join("\n", output.Errors.Select(e => e.Message + e.Exception?.Message)) + string.Join("\n", output.Verbose);
        Assert.DoesNotContain(Secret, everything);
    }

    [Fact]
    public async Task NamesAndWildcardsSelectServiceAccounts()
    {
        using RecordedHttpServer server = Lyve();
        var (rows, _) = await Review(server, "*-reader", "legacy-admin");
        Assert.Equal(new[] { "legacy-admin", "siem-reader" }, rows.Select(r => r.UserName));
    }
}
