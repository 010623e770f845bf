using S3Audit.Engine.Credentials;
using S3Audit.Engine.Exoscale;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Credentials;

/// <summary>Exoscale API v2 (api-key, iam-role, access-key) served on 127.0.0.1.</summary>
public class ExoscaleCredentialReviewerRecordedTests
{
    private const string Roles = """
        {"iam-roles":[
          {"id":"r-admin","name":"owner","policy":{"default-service-strategy":"allow","services":{}}},
          {"id":"r-sos","name":"sos-full","policy":{"default-service-strategy":"deny","services":{"sos":{"type":"allow"}}}},
          {"id":"r-ro","name":"sos-ro","policy":{"default-service-strategy":"deny","services":{"sos":{"type":"rules","rules":[
            {"action":"allow","expression":"operation in ['list-sos-buckets-usage', 'list-buckets']"},
            {"action":"deny","expression":"!(parameters.bucket == 'logs')"},
            {"action":"allow","expression":"operation in ['list-objects', 'get-object']"}]}}}},
          {"id":"r-open-rules","name":"sos-rules-open","policy":{"default-service-strategy":"deny","services":{"sos":{"type":"rules","rules":[
            {"action":"allow","expression":"true"}]}}}}
        ]}
        """;

    private const string ApiKeys = """
        {"api-keys":[
          {"key":"EXOadmin00000000000000A001","name":"ci-admin","role-id":"r-admin"},
          {"key":"EXOsos0000000000000000B002","name":"backup","role-id":"r-sos"},
          {"key":"EXOro00000000000000000C003","name":"siem","role-id":"r-ro"},
          {"key":"EXOrules000000000000000D004","name":"rules-open","role-id":"r-open-rules"},
          {"key":"EXOgone00000000000000000E005","name":"orphan","role-id":"r-gone"}
        ]}
        """;

    private const string Legacy = """
        {"access-keys":[
          {"key":"EXOlegacy1","name":"old-root","type":"unrestricted","version":"v2"},
          {"key":"EXOlegacy2","name":"old-reader","type":"restricted","version":"v2","operations":["get-sos-object","list-sos-bucket"],"resources":[{"domain":"sos","resource-type":"bucket","resource-name":"logs"}]}
        ]}
        """;

    private static RecordedResponse Json(string body, int status = 200) => new(status, body, "application/json");

    private static async Task<(IReadOnlyList<S3AuditCredential> Rows, CollectingOutput Output)> Review(RecordedHttpServer server)
    {
        using var api = new ExoscaleApiClient(new ExoscaleApiOptions { BaseUrl = new Uri(server.Url + "/v2"), ApiKey = "EXOauditor", ApiSecret = "exo-secret-DO-NOT-PRINT" });
        var output = new CollectingOutput();
        var rows = await new ExoscaleCredentialReviewer(api).ReviewAsync(new CredentialReviewRequest(), output, CancellationToken.None);
        return (rows, output);
    }

    [Fact]
    public async Task KeysAreJudgedByTheirRolesAndLegacyType()
    {
        using var server = new RecordedHttpServer()
            .On("GET", (p, _) => p == "/v2/iam-role", Json(Roles))
            .On("GET", (p, _) => p == "/v2/api-key", Json(ApiKeys))
            .On("GET", (p, _) => p == "/v2/access-key", Json(Legacy));
        var (rows, output) = await Review(server);

        var byName = rows.ToDictionary(r => r.UserName);
        Assert.Equal(7, rows.Count);
        Assert.Equal(("FullAdminAccess", S3AuditSeverity.Critical), (byName["ci-admin"].Findings, byName["ci-admin"].Severity));
        Assert.Equal("role owner (r-admin)", byName["ci-admin"].UserArn);
        Assert.Equal(("FullS3Access", "SOS allowed [s3:*]"), (byName["backup"].Findings, byName["backup"].S3Access));
        Assert.Equal(("", "SOS by 3 rule(s)", S3AuditSeverity.None), (byName["siem"].Findings, byName["siem"].S3Access, byName["siem"].Severity));
        Assert.Equal("FullS3Access", byName["rules-open"].Findings);
        Assert.Equal("role r-gone not readable", byName["orphan"].S3Access);
        Assert.Equal(("FullAdminAccess", "LegacyKey"), (byName["old-root"].Findings, byName["old-root"].IdentityType));
        Assert.Equal("restricted: get-sos-object, list-sos-bucket on sos/bucket:logs", byName["old-reader"].S3Access);
        Assert.Equal("****A001", byName["ci-admin"].AccessKeyId);
        Assert.All(rows, r => Assert.Equal((S3Provider.Exoscale, "Active", (int?)null), (r.Provider, r.KeyStatus, r.KeyAgeDays)));

        Assert.All(server.Received, r => Assert.Matches(@"^EXO2-HMAC-SHA256 credential=EXOauditor,expires=\d+,signature=[A-Za-z0-9+/]+=*$", r.Headers["Authorization"]));
        Assert.Contains(output.Verbose, v => v.Contains("5 API key(s) and 4 IAM role(s)"));
        Assert.Empty(output.Errors);
    }

    [Fact]
    public async Task ARejectedKeyIsOneClearErrorWithoutTheSecret()
    {
        using var server = new RecordedHttpServer().On("GET", (_, _) => true, Json("""{"message":"Forbidden: invalid signature"}""", 403));
        var (rows, output) = await Review(server);
        Assert.Empty(rows);
        var error = output.Errors.First();
        Assert.Equal("ExoscaleAccessDenied", error.ErrorId);
        Assert.Contains("Exoscale API GET /iam-role failed with AccessDenied (HTTP 403): Forbidden: invalid signature", error.Message);
        Assert.DoesNotContain("exo-secret", string.Join("\n", output.Errors.Select(e => e.Message)));
    }
}
