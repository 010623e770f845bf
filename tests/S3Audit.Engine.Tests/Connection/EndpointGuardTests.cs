using System.Net;
using System.Net.Sockets;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Credentials;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Posture;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Connection;

/// <summary>
/// The session's guard through the real SDK pipeline: an endpoint that cannot be reached, or that rejects the credentials,
/// ends the session with one error and nothing more is sent; an endpoint that answered, or answers slowly, is never given up.
/// </summary>
public class EndpointGuardTests
{
    private const string Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    private static S3ConnectionOptions Options(string endpoint, int maxAttempts = 3) => new()
    {
        EndpointUrl = endpoint,
        AccessKey = "AKIDEXAMPLE",
        SecretKey = "secretexample",
        Region = "us-east-1",
        Provider = S3Provider.Ceph,
        MaxAttempts = maxAttempts,
    };

    private static RecordedResponse Buckets(params string[] names) => new(200,
        $"<ListAllMyBucketsResult xmlns=\"{Ns}\"><Owner><ID>o</ID></Owner><Buckets>" +
        string.Concat(names.Select(n => $"<Bucket><Name>{n}</Name><CreationDate>2026-11-01T00:00:00.000Z</CreationDate></Bucket>")) + "</Buckets></ListAllMyBucketsResult>");

    private static bool IsListBuckets(string path, string body) => path == "/" || path.StartsWith("/?", StringComparison.Ordinal);

    /// <summary>Get-S3AuditBucket's engine over buckets a and b: the AuditException that ends the run, and what was written before it.</summary>
    private static Task<(AuditException? Ended, CollectingOutput Output)> ReadBucketsAsync(S3ConnectionOptions options, params string[] buckets) =>
        ReadBucketsAsync(options, 4, buckets);

    private static async Task<(AuditException? Ended, CollectingOutput Output)> ReadBucketsAsync(S3ConnectionOptions options, int throttleLimit, params string[] buckets)
    {
        using S3Session session = S3Session.Open(options);
        var output = new CollectingOutput();
        try
        {
            await new BucketPostureReader(session).RunAsync(new BucketPostureRequest { BucketNames = buckets.ToList(), ThrottleLimit = throttleLimit }, output, CancellationToken.None);
            return (null, output);
        }
        catch (AuditException e)
        {
            return (e, output);
        }
    }

    [Fact]
    public async Task ARefusedPortEndsTheRunWithOneErrorNamingTheCause()
    {
        int port = LoopbackPort.Free(); // nothing listens there

        var (ended, output) = await ReadBucketsAsync(Options($"http://127.0.0.1:{port}"), "a", "b");

        Assert.NotNull(ended);
        Assert.Equal((EndpointGuard.UnreachableId, AuditErrorKind.Connection), (ended!.Error.ErrorId, ended.Error.Kind));
        Assert.Equal($"Cannot connect to http://127.0.0.1:{port}: 127.0.0.1:{port} refused the connection: nothing listens on that port, or a firewall rejects it. Nothing was read from it.", ended.Error.Message);
        Assert.Equal($"http://127.0.0.1:{port}", ended.Error.Target);
        Assert.Empty(output.Errors);
        Assert.Empty(output.Objects);
        Assert.Null(ended.InnerException); // so the SDK's retry policy never retries it
    }

    [Fact]
    public async Task AnUnresolvableHostNamesTheHost()
    {
        var (ended, output) = await ReadBucketsAsync(Options("http://no-such-host.invalid"), "a");

        Assert.Equal(EndpointGuard.UnreachableId, ended!.Error.ErrorId);
        Assert.Contains("the host name 'no-such-host.invalid' could not be resolved (DNS:", ended.Error.Message);
        Assert.Empty(output.Errors);
    }

    [Fact]
    public async Task HttpsAtAPlainHttpPortNamesTheTlsHandshake()
    {
        using var server = new RecordedHttpServer();

        var (ended, _) = await ReadBucketsAsync(Options($"https://127.0.0.1:{server.Port}"), "a");

        Assert.Equal(EndpointGuard.UnreachableId, ended!.Error.ErrorId);
        Assert.Contains($"the TLS handshake with 127.0.0.1:{server.Port} failed (", ended.Error.Message);
        Assert.Contains($"use http://127.0.0.1:{server.Port}", ended.Error.Message);
    }

    /// <summary>A listener whose accept queue is full drops new SYNs: the connection hangs until the connect timeout.</summary>
    [Fact]
    public async Task AHostThatNeverAcceptsIsUnreachableAfterTheConnectTimeoutNotTheRequestTimeout()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = new List<Socket>();
        for (int i = 0; i < 3; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _ = filler.ConnectAsync(IPAddress.Loopback, port);
            fillers.Add(filler);
        }

        await Task.Delay(300);
        S3ConnectionOptions options = Options($"http://127.0.0.1:{port}");
        options.ConnectTimeout = TimeSpan.FromSeconds(1);
        options.Timeout = TimeSpan.FromSeconds(60);
        try
        {
            var (ended, _) = await ReadBucketsAsync(options, "a");

            Assert.Equal(EndpointGuard.UnreachableId, ended!.Error.ErrorId);
            Assert.Contains($"no connection to 127.0.0.1:{port} within 1 s", ended.Error.Message);
        }
        finally
        {
            fillers.ForEach(f => f.Dispose());
        }
    }

    /// <summary>The first answer is cut off once: a broken answer is retried like any other, even before the endpoint ever answered.</summary>
    [Fact]
    public async Task AFirstAnswerThatBreaksIsRetriedNotGivenUp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int connections = 0;
        Task serving = Task.Run(async () =>
        {
            for (int i = 0; i < 2; i++)
            {
                using TcpClient client = await listener.AcceptTcpClientAsync();
                NetworkStream stream = client.GetStream();
                var buffer = new byte[8192];
                _ = await stream.ReadAsync(buffer);
                if (Interlocked.Increment(ref connections) == 1)
                {
                    continue; // closes the connection without an answer
                }

                byte[] body = System.Text.Encoding.UTF8.GetBytes(Buckets("a").Body);
                byte[] head = System.Text.Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head);
                await stream.WriteAsync(body);
            }
        });
        using S3Session session = S3Session.Open(Options($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}"));

        IReadOnlyList<string> all = await new BucketSelector(session).ListAllAsync(CancellationToken.None);

        Assert.Equal(new[] { "a" }, all);
        Assert.Equal(2, connections);
        Assert.Null(session.Guard.Ended);
        await serving;
    }

    [Fact]
    public async Task ASlowAnswerIsWaitedForPastTheConnectTimeout()
    {
        using var server = new RecordedHttpServer().On("GET", IsListBuckets, _ =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(2));
            return Buckets("slow");
        });
        S3ConnectionOptions options = Options(server.Url);
        options.ConnectTimeout = TimeSpan.FromSeconds(1);
        options.Timeout = TimeSpan.FromSeconds(20);
        using S3Session session = S3Session.Open(options);

        Assert.Equal(new[] { "slow" }, await new BucketSelector(session).ListAllAsync(CancellationToken.None));
        Assert.True(session.Guard.HasAnswered);
    }

    /// <summary>Once the endpoint has answered, a failure to connect is the request's own: reported per bucket, the run goes on.</summary>
    [Fact]
    public async Task AConnectionLostAfterTheEndpointAnsweredIsAPerBucketError()
    {
        var server = new RecordedHttpServer().On("GET", IsListBuckets, Buckets("a"));
        using S3Session session = S3Session.Open(Options(server.Url, maxAttempts: 1));
        var reader = new BucketPostureReader(session);
        Assert.Equal(new[] { "a" }, await new BucketSelector(session).ListAllAsync(CancellationToken.None));
        server.Dispose();

        var output = new CollectingOutput();
        await reader.RunAsync(new BucketPostureRequest { BucketNames = { "a" } }, output, CancellationToken.None);

        AuditError error = Assert.Single(output.Errors);
        Assert.Equal(("BucketConnectionFailed", "a"), (error.ErrorId, error.Target));
        Assert.StartsWith("9 calls on bucket 'a' failed (", error.Message);
        Assert.Single(output.OfType<S3AuditBucket>());
        Assert.Null(session.Guard.Ended);
    }

    [Theory]
    [InlineData("SignatureDoesNotMatch", "the secret key does not belong to the access key (SignatureDoesNotMatch)")]
    [InlineData("InvalidAccessKeyId", "the access key id is not known to the endpoint (InvalidAccessKeyId)")]
    [InlineData("ExpiredToken", "the session token has expired (ExpiredToken)")]
    public async Task RejectedCredentialsEndTheRunAtTheFirstAnswer(string code, string cause)
    {
        using var server = new RecordedHttpServer()
            .On("GET", (_, _) => true, new RecordedResponse(403, $"<Error><Code>{code}</Code><Message>no</Message><RequestId>R1</RequestId></Error>"));

        // One bucket at a time, so "nothing more is sent" can be seen: bucket b is never asked for.
        var (ended, output) = await ReadBucketsAsync(Options(server.Url), 1, "a", "b");

        Assert.Equal((EndpointGuard.CredentialsRejectedId, AuditErrorKind.InvalidCredentials), (ended!.Error.ErrorId, ended.Error.Kind));
        Assert.StartsWith($"{server.Url} rejected the credentials: {cause}. Credentials obtained from the -AccessKey and -SecretKey parameters (access key ", ended.Error.Message);
        Assert.DoesNotContain("secretexample", ended.Error.Message);
        Assert.Empty(output.Errors);
        Assert.DoesNotContain(server.Received, r => r.PathAndQuery.StartsWith("/b", StringComparison.Ordinal));
    }

    private static RecordedResponse RgwAccessDenied(string? bucket) => new(403,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message></Message>" +
        (bucket == null ? string.Empty : $"<BucketName>{bucket}</BucketName>") + "<RequestId>tx1</RequestId><HostId>4131-default-default</HostId></Error>",
        headers: new Dictionary<string, string> { ["Server"] = "Ceph Object Gateway (tentacle)" });

    /// <summary>Ceph RGW with STS answers a wrong key or secret with an AccessDenied that names no bucket (it resolves buckets after authenticating).</summary>
    [Fact]
    public async Task RgwsAccessDeniedNamingNoBucketIsRejectedCredentials()
    {
        using var server = new RecordedHttpServer().On("GET", (_, _) => true, RgwAccessDenied(null));

        var (ended, output) = await ReadBucketsAsync(Options(server.Url), "a", "b");

        Assert.Equal(EndpointGuard.CredentialsRejectedId, ended!.Error.ErrorId);
        Assert.Contains("Ceph RGW refused to authenticate the requests", ended.Error.Message);
        Assert.Empty(output.Errors);
    }

    /// <summary>A bucket RGW denies by policy or ownership is named in the answer: one error for the bucket, the run goes on.</summary>
    [Fact]
    public async Task RgwsAccessDeniedNamingTheBucketIsOneErrorPerBucket()
    {
        using var server = new RecordedHttpServer()
            .On("GET", IsListBuckets, Buckets("a", "b"))
            .On("GET", (path, _) => path.StartsWith("/a", StringComparison.Ordinal), RgwAccessDenied("a"))
            .On("GET", (path, _) => path.StartsWith("/b", StringComparison.Ordinal), RgwAccessDenied("b"));

        var (ended, output) = await ReadBucketsAsync(Options(server.Url), "a", "b");

        Assert.Null(ended);
        Assert.Equal(new[] { ("BucketAccessDenied", (object?)"a"), ("BucketAccessDenied", "b") }, output.Errors.Select(e => (e.ErrorId, e.Target)));
        Assert.All(output.Errors, e => Assert.Matches(@"^9 calls on bucket '[ab]' failed \(GetBucketPolicy, .*GetBucketWebsite\): access denied: AccessDenied \(HTTP 403\)", e.Message));
        Assert.Equal(2, output.OfType<S3AuditBucket>().Count);
    }

    /// <summary>AWS never names the bucket in AccessDenied; without RGW's Server header the rule does not apply.</summary>
    [Fact]
    public async Task AnAccessDeniedFromAnotherServerIsNeverReadAsCredentials()
    {
        using var server = new RecordedHttpServer()
            .On("GET", IsListBuckets, Buckets("a"))
            .On("GET", (_, _) => true, new RecordedResponse(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>R</RequestId></Error>"));

        var (ended, output) = await ReadBucketsAsync(Options(server.Url), "a");

        Assert.Null(ended);
        AuditErrorAssert.Single(output, "BucketAccessDenied", "a");
    }

    /// <summary>ListBuckets names no bucket on any server: RGW's AccessDenied to it stays AccessDenied, with a hint.</summary>
    [Fact]
    public async Task RgwsAccessDeniedToListBucketsHintsAtTheKeys()
    {
        using var server = new RecordedHttpServer().On("GET", (_, _) => true, RgwAccessDenied(null));
        using S3Session session = S3Session.Open(Options(server.Url));

        var ended = await Assert.ThrowsAsync<AuditException>(() => new BucketSelector(session).SelectAsync(null, new CollectingOutput(), CancellationToken.None));

        Assert.Equal("ListBucketsAccessDenied", ended.Error.ErrorId);
        Assert.EndsWith("Ceph RGW gives this same answer to a wrong access key or secret key, so check those too.", ended.Error.Message);
    }

    /// <summary>The session's IAM calls (Get-S3AuditCredential) share its guard: an unreachable endpoint is one error, not one per call.</summary>
    [Fact]
    public async Task TheIamApiOfAnUnreachableEndpointEndsTheReviewOnce()
    {
        int port = LoopbackPort.Free();
        using S3Session session = S3Session.Open(Options($"http://127.0.0.1:{port}"));
        var output = new CollectingOutput();

        var ended = await Assert.ThrowsAsync<AuditException>(() =>
            new CredentialReviewer(session).ReviewAsync(new CredentialReviewRequest { IncludeRoles = true, ReportPolls = 1 }, output, CancellationToken.None));

        Assert.Equal(EndpointGuard.UnreachableId, ended.Error.ErrorId);
        Assert.Contains("refused the connection", ended.Error.Message);
        Assert.Empty(output.Errors);
    }

    [Fact]
    public async Task AnIamApiThatDoesNotKnowTheKeyEndsTheReviewOnce()
    {
        using var server = new RecordedHttpServer().On("POST", (_, _) => true, new RecordedResponse(403,
            "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>r</RequestId></ErrorResponse>", "text/xml"));
        using S3Session session = S3Session.Open(Options(server.Url));
        var output = new CollectingOutput();

        var ended = await Assert.ThrowsAsync<AuditException>(() =>
            new CredentialReviewer(session).ReviewAsync(new CredentialReviewRequest { IncludeRoles = true, ReportPolls = 1 }, output, CancellationToken.None));

        Assert.Equal(EndpointGuard.CredentialsRejectedId, ended.Error.ErrorId);
        Assert.Contains("the access key id is not known to the endpoint (InvalidClientTokenId)", ended.Error.Message);
        Assert.Single(server.Received); // GenerateCredentialReport; nothing after it
        Assert.Empty(output.Errors);
    }
}
