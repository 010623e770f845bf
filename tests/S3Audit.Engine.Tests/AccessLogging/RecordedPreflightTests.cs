using S3Audit.Engine.AccessLogging;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.AccessLogging;

/// <summary>
/// The preflight against recorded AWS answers (a bucket without lock, encryption or Requester Pays): a target policy that
/// cannot be read is never treated as "no policy", and rules RGW cannot show (regions) are refused by name.
/// </summary>
public class RecordedPreflightTests
{
    private const string Ns = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    private static RecordedHttpServer Server(RecordedResponse policyAnswer, Action<RecordedHttpServer>? first = null)
    {
        static Func<string, string, bool> Query(string name) => (pq, _) => pq.Contains('?') && pq.Substring(pq.IndexOf('?') + 1).Split('&').Any(p => p.Split('=')[0] == name);
        static RecordedResponse NotFound(string code) => new(404, $"<Error><Code>{code}</Code><Message>not set</Message></Error>");
        var server = new RecordedHttpServer();
        first?.Invoke(server);
        return server
            .On("GET", Query("location"), new RecordedResponse(200, $"<LocationConstraint {Ns}>eu-central-1</LocationConstraint>"))
            .On("GET", Query("acl"), new RecordedResponse(200, $"<AccessControlPolicy {Ns}><Owner><ID>owner1</ID></Owner><AccessControlList/></AccessControlPolicy>"))
            .On("GET", Query("object-lock"), NotFound("ObjectLockConfigurationNotFoundError"))
            .On("GET", Query("requestPayment"), new RecordedResponse(200, $"<RequestPaymentConfiguration {Ns}><Payer>BucketOwner</Payer></RequestPaymentConfiguration>"))
            .On("GET", Query("encryption"), NotFound("ServerSideEncryptionConfigurationNotFoundError"))
            .On("GET", Query("logging"), new RecordedResponse(200, $"<BucketLoggingStatus {Ns}/>"))
            .On("GET", Query("policy"), policyAnswer);
    }

    private static S3Session Session(RecordedHttpServer server) => S3Session.Open(new S3ConnectionOptions
    {
        EndpointUrl = server.Url,
        AccessKey = "AKIDEXAMPLE",
        SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        Region = "eu-central-1",
        Provider = S3Provider.Ceph,
        MaxAttempts = 1,
    });

    [Theory]
    [InlineData(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")]
    [InlineData(500, "<Error><Code>InternalError</Code><Message>boom</Message></Error>")]
    [InlineData(404, "<Error><Code>NoSuchBucket</Code><Message>gone</Message></Error>")]
    [InlineData(200, "<html>a proxy's login page</html>")]
    public async Task NothingIsWrittenWhenThePolicyCannotBeRead(int status, string body)
    {
        using RecordedHttpServer server = Server(new RecordedResponse(status, body));
        using S3Session session = Session(server);
        var output = new CollectingOutput();

        EnableLoggingPlan? plan = await new AccessLoggingEnabler(session).PlanAsync(new EnableLoggingRequest { BucketName = "src", TargetBucketName = "logs" }, output, CancellationToken.None);

        Assert.Null(plan);
        AuditErrorAssert.Single(output, "AccessLoggingPolicyUnreadable", "logs");
        Assert.Contains("was not changed", output.Errors.Single().Message);
        Assert.Contains(server.Received, r => r.Method == "GET" && r.PathAndQuery.Contains("policy"));
        Assert.DoesNotContain(server.Received, r => r.Method != "GET" && r.Method != "HEAD");
    }

    [Fact]
    public async Task NoSuchBucketPolicyIsAnEmptyPolicy()
    {
        using RecordedHttpServer server = Server(new RecordedResponse(404, "<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message></Error>"));
        using S3Session session = Session(server);
        var output = new CollectingOutput();

        EnableLoggingPlan? plan = await new AccessLoggingEnabler(session).PlanAsync(new EnableLoggingRequest { BucketName = "src", TargetBucketName = "logs" }, output, CancellationToken.None);

        Assert.Empty(output.Errors);
        Assert.Null(plan!.PolicyBefore);
        Assert.True(plan.PolicyChanges && plan.LoggingChanges);
        Assert.Equal("owner1", plan.SourceAccount);
        Assert.Equal(new[] { "arn:aws:s3:::src" }, LoggingPolicyMerger.SourceArns(plan.PolicyAfter));
        Assert.DoesNotContain(server.Received, r => r.Method != "GET" && r.Method != "HEAD");
    }

    [Fact]
    public async Task BucketsInDifferentRegionsAreRefusedByName()
    {
        using RecordedHttpServer server = Server(new RecordedResponse(404, "<Error><Code>NoSuchBucketPolicy</Code></Error>"), s =>
            s.On("GET", (pq, _) => pq.StartsWith("/logs") && pq.Contains("location"), new RecordedResponse(200, $"<LocationConstraint {Ns}>us-west-2</LocationConstraint>")));
        using S3Session session = Session(server);
        var output = new CollectingOutput();

        EnableLoggingPlan? plan = await new AccessLoggingEnabler(session).PlanAsync(new EnableLoggingRequest { BucketName = "src", TargetBucketName = "logs" }, output, CancellationToken.None);

        Assert.Null(plan);
        AuditErrorAssert.Single(output, "AccessLoggingRegionMismatch", "src");
        Assert.Contains("source 'src' is in eu-central-1 but target 'logs' is in us-west-2", output.Errors.Single().Message);
        Assert.DoesNotContain(server.Received, r => r.PathAndQuery.Contains("policy"));
    }

    [Fact]
    public async Task ARuleThatCannotBeCheckedStopsTheRun()
    {
        using RecordedHttpServer server = Server(new RecordedResponse(404, "<Error><Code>NoSuchBucketPolicy</Code></Error>"), s =>
            s.On("GET", (pq, _) => pq.Contains("encryption"), new RecordedResponse(403, "<Error><Code>AccessDenied</Code><Message>denied</Message></Error>")));
        using S3Session session = Session(server);
        var output = new CollectingOutput();

        EnableLoggingPlan? plan = await new AccessLoggingEnabler(session).PlanAsync(new EnableLoggingRequest { BucketName = "src", TargetBucketName = "logs" }, output, CancellationToken.None);

        Assert.Null(plan);
        AuditErrorAssert.Single(output, "BucketAccessDenied", "logs");
        Assert.StartsWith("Rule 'SSE-S3 or no default encryption' could not be checked, so nothing was written", output.Errors.Single().Message);
    }
}
