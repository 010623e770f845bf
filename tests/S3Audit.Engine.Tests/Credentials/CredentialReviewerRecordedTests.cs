using System.Text.Json;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Credentials;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Providers;
using S3Audit.TestSupport;
using static S3Audit.Engine.Tests.Credentials.RecordedIam;

namespace S3Audit.Engine.Tests.Credentials;

/// <summary>The AWS path on recorded IAM answers: credential report with the root row, paginated ListUsers, GetAccessKeyLastUsed, ListMFADevices.</summary>
public class CredentialReviewerRecordedTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(IReadOnlyList<S3AuditCredential> Rows, CollectingOutput Output)> Review(RecordedHttpServer server, bool roles = false, S3Provider provider = S3Provider.Aws)
    {
        using S3Session session = S3Session.Open(new S3ConnectionOptions { AccessKey = "AKIDEXAMPLE", SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", Region = "us-east-1", Provider = provider, MaxAttempts = 1 });
        var output = new CollectingOutput();
        var request = new CredentialReviewRequest { IamEndpoint = new Uri(server.Url), Now = Now, IncludeRoles = roles, ReportPolls = 1 };
        IReadOnlyList<S3AuditCredential> rows = await new CredentialReviewer(session).ReviewAsync(request, output, CancellationToken.None);
        return (rows, output);
    }

    [Fact]
    public async Task TheCredentialReportSuppliesRootPasswordAndMfaAndTheApiSuppliesKeysAndLastUse()
    {
        using var server = new RecordedHttpServer().Report().UsersAndKeys().LastUsed();
        var (rows, output) = await Review(server);

        Assert.Equal(new[] { "<root_account>", "alice", "bob" }, rows.Select(r => r.UserName));
        S3AuditCredential root = rows[0];
        Assert.Equal(("Root", "Active", string.Empty), (root.IdentityType, root.KeyStatus, root.AccessKeyId));
        // The root key was last rotated 2020-03-01: 2456 days before "now".
        Assert.Equal("RootAccessKey; ConsoleWithoutMfa; KeyNotRotated (2456 days > 90)", root.Findings);
        Assert.Equal(S3AuditSeverity.Critical, root.Severity);
        Assert.Equal("CredentialReport", root.Source);
        Assert.Equal(1, root.DaysSinceLastUse);

        S3AuditCredential alice = rows[1];
        Assert.Equal("****OLD1", alice.AccessKeyId);
        Assert.Equal((true, false), (alice.PasswordEnabled, alice.MfaActive));
        Assert.Equal((200, 100), (alice.KeyAgeDays, alice.DaysSinceLastUse));
        Assert.Equal("s3", alice.KeyLastUsedService);
        Assert.Equal("ConsoleWithoutMfa; FullS3Access; KeyNotRotated (200 days > 90); KeyUnused (100 days > 45)", alice.Findings);
        // Both pages of inline policies were read: the scoped one and the s3:* one.
        Assert.Equal("s3:*, s3:GetObject on *, logs [s3:*] [Resource *]", alice.S3Access);
        Assert.Equal(S3AuditSeverity.High, alice.Severity);
        Assert.Equal("CredentialReport+IamApi", alice.Source);

        S3AuditCredential bob = rows[2];
        Assert.Equal(("KeyNeverUsed", "N/A", 10), (bob.Findings, bob.KeyLastUsedService, bob.KeyAgeDays));
        Assert.Equal(false, bob.PasswordEnabled);

        // Pagination followed the marker; the report made ListMFADevices unnecessary.
        Assert.Contains(server.Received, r => r.Body.Contains("Action=ListUsers") && r.Body.Contains("Marker=m1"));
        Assert.DoesNotContain(server.Received, r => r.Body.Contains("Action=ListMFADevices"));
        Assert.Contains(output.Verbose, v => v.StartsWith("The credential report (GetCredentialReport) answered with 3 row(s)"));
        Assert.Contains(output.Verbose, v => v.Contains("iam") || v.StartsWith("IAM Query API at http://127.0.0.1"));
        Assert.Empty(output.Errors);
    }

    [Fact]
    public async Task WithoutACredentialReportMfaAndPasswordComeFromTheApi()
    {
        using var server = new RecordedHttpServer()
            .On("POST", Action("GenerateCredentialReport"), Error(403, "AccessDenied", "User is not authorized to perform: iam:GenerateCredentialReport"))
            .On("POST", Action("ListMFADevices", "UserName=alice"), Ok("ListMFADevices",
                "<MFADevices><member><UserName>alice</UserName><SerialNumber>arn:aws:iam::111122223333:mfa/alice</SerialNumber><EnableDate>2025-01-01T00:00:00Z</EnableDate></member></MFADevices><IsTruncated>false</IsTruncated>"))
            .On("POST", Action("ListMFADevices"), Ok("ListMFADevices", "<MFADevices/><IsTruncated>false</IsTruncated>"))
            .On("POST", Action("GetLoginProfile", "UserName=alice"), Ok("GetLoginProfile", "<LoginProfile><UserName>alice</UserName><CreateDate>2024-01-01T00:00:00Z</CreateDate></LoginProfile>"))
            .On("POST", Action("GetLoginProfile"), Error(404, "NoSuchEntity", "The user with name bob cannot be found."))
            .UsersAndKeys().LastUsed();
        var (rows, output) = await Review(server);

        Assert.Equal(new[] { "alice", "bob" }, rows.Select(r => r.UserName));
        Assert.Equal((true, true, "IamApi"), (rows[0].PasswordEnabled, rows[0].MfaActive, rows[0].Source));
        Assert.DoesNotContain("ConsoleWithoutMfa", rows[0].Findings);
        Assert.Equal((false, false), (rows[1].PasswordEnabled, rows[1].MfaActive));
        Assert.Contains(output.Verbose, v => v.StartsWith("No credential report (AccessDenied)"));
        Assert.Empty(output.Errors);
    }

    [Fact]
    public async Task WhenGetAccessKeyLastUsedIsMissingTheReportSuppliesLastUseMatchedByCreationTime()
    {
        using var server = new RecordedHttpServer()
            .On("POST", Action("GetAccessKeyLastUsed"), Error(405, "MethodNotAllowed", "not offered"))
            .Report().UsersAndKeys();
        var (rows, output) = await Review(server);
        S3AuditCredential alice = rows.Single(r => r.UserName == "alice");
        Assert.Equal(new DateTimeOffset(2026, 8, 13, 12, 0, 0, TimeSpan.Zero), alice.KeyLastUsed);
        Assert.Contains("KeyUnused (100 days > 45)", alice.Findings);
        Assert.Equal("KeyNeverUsed", rows.Single(r => r.UserName == "bob").Findings);
        // Users run in parallel, so each may ask once before the first 405 is seen; never more.
        Assert.InRange(server.Received.Count(r => r.Body.Contains("Action=GetAccessKeyLastUsed")), 1, 2);
        Assert.Contains(output.Verbose, v => v.StartsWith("GetAccessKeyLastUsed is not offered (MethodNotAllowed)"));
    }

    [Fact]
    public async Task RolesAnyoneCanAssumeOrWithFullS3AreAddedWithIncludeRoles()
    {
        string open = Encoded("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}");
        string ec2 = Encoded("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
        string Role(string name, string trust) => $"<member><RoleName>{name}</RoleName><Arn>arn:aws:iam::111122223333:role/{name}</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>{trust}</AssumeRolePolicyDocument></member>";
        using var server = new RecordedHttpServer()
            .On("POST", Action("GenerateCredentialReport"), Error(405, "MethodNotAllowed", "no"))
            .On("POST", Action("ListUsers"), Ok("ListUsers", "<Users/><IsTruncated>false</IsTruncated>"))
            .On("POST", Action("ListRoles"), Ok("ListRoles", $"<Roles>{Role("open", open)}{Role("ec2-plain", ec2)}{Role("ec2-s3", ec2)}</Roles><IsTruncated>false</IsTruncated>"))
            .On("POST", Action("ListRolePolicies"), Ok("ListRolePolicies", "<PolicyNames/><IsTruncated>false</IsTruncated>"))
            .On("POST", Action("ListAttachedRolePolicies", "RoleName=ec2-s3"), Ok("ListAttachedRolePolicies",
                "<AttachedPolicies><member><PolicyName>AmazonS3FullAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AmazonS3FullAccess</PolicyArn></member></AttachedPolicies><IsTruncated>false</IsTruncated>"))
            .On("POST", Action("ListAttachedRolePolicies"), Ok("ListAttachedRolePolicies", "<AttachedPolicies/><IsTruncated>false</IsTruncated>"));
        var (rows, output) = await Review(server, roles: true);

        Assert.Equal(new[] { "ec2-s3", "open" }, rows.Select(r => r.UserName));
        Assert.All(rows, r => Assert.Equal("Role", r.IdentityType));
        Assert.Equal(("FullS3Access", S3AuditSeverity.High), (rows[0].Findings, rows[0].Severity));
        Assert.Equal(("AnyoneCanAssume", S3AuditSeverity.Critical), (rows[1].Findings, rows[1].Severity));
        Assert.Contains(output.Verbose, v => v == "ListRoles answered with 3 role(s).");
    }

    [Fact]
    public async Task AFailingCallIsAnErrorForThatUserAndTheRestGoesOn()
    {
        using var server = new RecordedHttpServer()
            .On("POST", Action("GenerateCredentialReport"), Error(405, "MethodNotAllowed", "no"))
            .On("POST", Action("ListAccessKeys", "UserName=alice"), Error(403, "AccessDenied", "not authorized to perform iam:ListAccessKeys"))
            .UsersAndKeys().LastUsed();
        var (rows, output) = await Review(server);
        Assert.Equal(new[] { "alice", "bob" }, rows.Select(r => r.UserName));
        var error = Assert.Single(output.Errors);
        Assert.Equal("IamUserAccessDenied", error.ErrorId);
        Assert.Equal("alice", error.Target);
        Assert.Contains("ListAccessKeys on IAM user 'alice'", error.Message);
    }

    [Fact]
    public async Task NoRowOrMessageHoldsAFullAccessKeyOrTheSecret()
    {
        using var server = new RecordedHttpServer().Report().UsersAndKeys().LastUsed();
        var (rows, output) = await Review(server);
        string everything = JsonSerializer.Serialize(rows) + string.Join("\n", output.Verbose) + string.Join("\n", output.Errors.Select(e => e.Message));
        Assert.DoesNotContain("AKIAALICE000000OLD1", everything);
        Assert.DoesNotContain("AKIABOB00000000NEW2", everything);
        Assert.DoesNotContain("wJalrXUtnFEMI", everything);
    }

    [Fact]
    public async Task ProvidersWithoutTheIamApiAreRefusedWithTheAlternative()
    {
        using var server = new RecordedHttpServer();
        var e = await Assert.ThrowsAsync<FeatureNotSupportedException>(() => Review(server, provider: S3Provider.Exoscale));
        Assert.Contains("Exoscale", e.Message);
        Assert.Empty(server.Received);
    }

    /// <summary>
    /// Ceph RGW answers the IAM API with MethodNotAllowed to a user outside any RGW account: one error that says so, not a
    /// 405 per call (and no empty review that looks clean).
    /// </summary>
    [Theory]
    [InlineData(S3Provider.Ceph, "Ceph RGW serves the IAM API only to an RGW account's root user and its IAM users")]
    [InlineData(S3Provider.Aws, "this endpoint does not offer AWS's IAM API")]
    public async Task AnIamApiThatDoesNotAnswerListUsersIsOneErrorSayingWhy(S3Provider provider, string why)
    {
        using var server = new RecordedHttpServer().On("POST", (_, _) => true, Error(405, "MethodNotAllowed", ""));
        using S3Session session = S3Session.Open(new S3ConnectionOptions { EndpointUrl = server.Url, AccessKey = "AKIDEXAMPLE", SecretKey = "secret", Region = "us-east-1", Provider = provider, MaxAttempts = 1 });
        var output = new CollectingOutput();

        var ended = await Assert.ThrowsAsync<S3Audit.Engine.Errors.AuditException>(() =>
            new CredentialReviewer(session).ReviewAsync(new CredentialReviewRequest { IamEndpoint = new Uri(server.Url), IncludeRoles = true, ReportPolls = 1 }, output, CancellationToken.None));

        Assert.Equal(("IamNotAvailable", S3Audit.Engine.Errors.AuditErrorKind.NotSupported), (ended.Error.ErrorId, ended.Error.Kind));
        Assert.StartsWith($"The IAM API at {server.Url} answered MethodNotAllowed to ListUsers: ", ended.Error.Message);
        Assert.Contains(why, ended.Error.Message);
        Assert.Empty(output.Errors);
        Assert.DoesNotContain(server.Received, r => r.Body.Contains("Action=ListRoles"));
    }
}
