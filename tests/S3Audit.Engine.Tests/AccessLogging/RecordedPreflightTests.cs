using S3Audit.Engine.AccessLogging;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;
using static S3Audit.Engine.Tests.AccessLogging.RecordedLoggingEndpoint;

namespace S3Audit.Engine.Tests.AccessLogging;

/// <summary>
/// The preflight against recorded AWS answers (a bucket without lock, encryption or Requester Pays): a target policy that
/// cannot be read is never treated as "no policy", and rules RGW cannot show (regions) are refused by name.
/// </summary>
public class RecordedPreflightTests
{
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

    [Theory]
    [InlineData("EU", "eu-west-1")]
    [InlineData("", "us-east-1")]
    [InlineData("US", "us-east-1")]
    public async Task LegacyLocationsAreTheRegionsTheyName(string sourceLocation, string targetLocation)
    {
        static RecordedResponse Location(string location) => new(200, $"<LocationConstraint {Ns}>{location}</LocationConstraint>");
        using RecordedHttpServer server = Server(new RecordedResponse(404, "<Error><Code>NoSuchBucketPolicy</Code></Error>"), s => s
            .On("GET", Query("src", "location"), Location(sourceLocation))
            .On("GET", Query("logs", "location"), Location(targetLocation)));
        using S3Session session = Session(server);
        var output = new CollectingOutput();

        EnableLoggingPlan? plan = await new AccessLoggingEnabler(session).PlanAsync(new EnableLoggingRequest { BucketName = "src", TargetBucketName = "logs" }, output, CancellationToken.None);

        Assert.Empty(output.Errors);
        Assert.NotNull(plan);
        Assert.Equal(2, server.Received.Count(r => Query("location")(r.PathAndQuery, r.Body)));
    }
}
