using S3Audit.Engine.AccessLogging;
using S3Audit.Engine.Acl;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;
using static S3Audit.Engine.Tests.AccessLogging.RecordedLoggingEndpoint;

namespace S3Audit.Engine.Tests.AccessLogging;

/// <summary>
/// -UseAclGrant reads the target's ACL once before writing: the read that checks the owner is the read the merge
/// starts from, so the write repeats every grant it saw. The read-back after the write is the only other ACL read.
/// </summary>
public class RecordedAclGrantTests
{
    private const string Xsi = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    private static string User(string id, string permission) =>
        $"<Grant><Grantee {Xsi} xsi:type=\"CanonicalUser\"><ID>{id}</ID></Grantee><Permission>{permission}</Permission></Grant>";

    private static string LogDelivery(string permission) =>
        $"<Grant><Grantee {Xsi} xsi:type=\"Group\"><URI>{AclGrantMapper.LogDeliveryUri}</URI></Grantee><Permission>{permission}</Permission></Grant>";

    private static RecordedResponse Acl(params string[] grants) =>
        new(200, $"<AccessControlPolicy {Ns}><Owner><ID>owner1</ID></Owner><AccessControlList>{string.Concat(grants)}</AccessControlList></AccessControlPolicy>");

    private static bool IsAclRead(ReceivedRequest r) => r.Method == "GET" && Query("logs", "acl")(r.PathAndQuery, r.Body);
    private static bool IsAclWrite(ReceivedRequest r) => r.Method == "PUT" && Query("logs", "acl")(r.PathAndQuery, r.Body);

    /// <summary>A target granting owner1 FULL_CONTROL and reader READ; after PutBucketAcl it answers with the LogDelivery grants added.</summary>
    private static RecordedHttpServer Server() => RecordedLoggingEndpoint.Server(new RecordedResponse(404, "<Error><Code>NoSuchBucketPolicy</Code></Error>"), s =>
    {
        bool Written(string query) => s.Received.Any(r => r.Method == "PUT" && Query(query)(r.PathAndQuery, r.Body));
        RecordedResponse before = Acl(User("owner1", "FULL_CONTROL"), User("reader", "READ"));
        RecordedResponse after = Acl(User("owner1", "FULL_CONTROL"), User("reader", "READ"), LogDelivery("WRITE"), LogDelivery("READ_ACP"));
        var loggingOn = new RecordedResponse(200, $"<BucketLoggingStatus {Ns}><LoggingEnabled><TargetBucket>logs</TargetBucket><TargetPrefix>src/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>");
        s.On("GET", Query("logs", "acl"), _ => Written("acl") ? after : before)
            .On("GET", Query("src", "logging"), _ => Written("logging") ? loggingOn : new RecordedResponse(200, $"<BucketLoggingStatus {Ns}/>"))
            .On("PUT", Query("logs", "acl"), new RecordedResponse(200, string.Empty))
            .On("PUT", Query("src", "logging"), new RecordedResponse(200, string.Empty));
    });

    private static EnableLoggingRequest Request() => new() { BucketName = "src", TargetBucketName = "logs", UseAclGrant = true };

    [Fact]
    public async Task ThePlanReadsTheTargetAclOnce()
    {
        using RecordedHttpServer server = Server();
        using var session = Session(server);
        var output = new CollectingOutput();

        EnableLoggingPlan? plan = await new AccessLoggingEnabler(session).PlanAsync(Request(), output, CancellationToken.None);

        Assert.Empty(output.Errors);
        Assert.True(plan!.AclChanges);
        Assert.Single(server.Received, IsAclRead);
        Assert.DoesNotContain(server.Received, r => r.Method != "GET" && r.Method != "HEAD");
    }

    [Fact]
    public async Task TheWriteRepeatsEveryGrantOfTheOneReadBeforeIt()
    {
        using RecordedHttpServer server = Server();
        using var session = Session(server);
        var output = new CollectingOutput();
        var enabler = new AccessLoggingEnabler(session);

        EnableLoggingPlan? plan = await enabler.PlanAsync(Request(), output, CancellationToken.None);
        S3AccessLoggingResult? result = await enabler.ApplyAsync(plan!, output, CancellationToken.None);

        Assert.Empty(output.Errors);
        Assert.Equal((S3AccessLoggingAction.Enabled, S3AccessLoggingPermission.Acl, true), (result!.Action, result.PermissionMethod, result.PermissionChanged));
        List<ReceivedRequest> received = server.Received.ToList();
        int write = received.FindIndex(IsAclWrite);
        Assert.Equal((1, 1), (received.Take(write).Count(IsAclRead), received.Skip(write).Count(IsAclRead)));
        IReadOnlyDictionary<string, string> headers = received[write].Headers;
        Assert.Equal("id=\"owner1\"", headers["x-amz-grant-full-control"]);
        Assert.Equal("id=\"reader\"", headers["x-amz-grant-read"]);
        Assert.Equal($"uri=\"{AclGrantMapper.LogDeliveryUri}\"", headers["x-amz-grant-write"]);
        Assert.Equal($"uri=\"{AclGrantMapper.LogDeliveryUri}\"", headers["x-amz-grant-read-acp"]);
    }

    [Fact]
    public async Task AnEndpointWithoutGetBucketAclWritesNothing()
    {
        // Without the target's grants a merge could drop one, so the NotSupported answer the preflight got stops the plan.
        using RecordedHttpServer server = RecordedLoggingEndpoint.Server(new RecordedResponse(404, "<Error><Code>NoSuchBucketPolicy</Code></Error>"), s =>
            s.On("GET", Query("acl"), new RecordedResponse(501, "<Error><Code>NotImplemented</Code><Message>no ACLs here</Message></Error>")));
        using var session = Session(server);
        var output = new CollectingOutput();

        EnableLoggingPlan? plan = await new AccessLoggingEnabler(session).PlanAsync(Request(), output, CancellationToken.None);

        Assert.Null(plan);
        AuditErrorAssert.Single(output, "BucketNotSupported", "logs");
        Assert.StartsWith("GetBucketAcl on bucket 'logs' failed", output.Errors.Single().Message);
        Assert.Single(server.Received, IsAclRead);
        Assert.DoesNotContain(server.Received, r => r.Method != "GET" && r.Method != "HEAD");
    }
}
