using S3Audit.Engine.Connection;
using S3Audit.Engine.Tests.Exposure;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Connection;

/// <summary>
/// The default STS endpoint is pointed at a recorded server through the SDK's AWS_ENDPOINT_URL_STS. The variable is
/// process-wide, so these tests run alone.
/// </summary>
[Collection(nameof(S3SessionCallerAccountTests))]
public sealed class S3SessionCallerAccountTests : IDisposable
{
    private const string StsEndpointVariable = "AWS_ENDPOINT_URL_STS";
    private readonly string? _previousEndpoint = Environment.GetEnvironmentVariable(StsEndpointVariable);
    private readonly RecordedHttpServer _server = new();

    public S3SessionCallerAccountTests() => Environment.SetEnvironmentVariable(StsEndpointVariable, _server.Url);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(StsEndpointVariable, _previousEndpoint);
        _server.Dispose();
    }

    private int StsRequests => _server.Received.Count(r => r.Body.Contains("Action=GetCallerIdentity"));

    [Fact]
    public async Task TheDefaultEndpointIsAskedOncePerSession()
    {
        _server.On("POST", (_, body) => body.Contains("Action=GetCallerIdentity"), RecordedS3.CallerIdentity);
        using S3Session session = RecordedS3.Open(_server, S3Provider.Aws);

        Assert.Equal(RecordedS3.AccountId, await session.CallerAccountAsync(null, CancellationToken.None));
        Assert.Equal(RecordedS3.AccountId, await session.CallerAccountAsync(null, CancellationToken.None));

        Assert.Equal(1, StsRequests);
    }

    [Fact]
    public async Task AFailureIsNotKept()
    {
        int calls = 0;
        _server.On("POST", (_, body) => body.Contains("Action=GetCallerIdentity"),
            _ => Interlocked.Increment(ref calls) == 1 ? RecordedS3.Error(403, "AccessDenied") : RecordedS3.CallerIdentity);
        using S3Session session = RecordedS3.Open(_server, S3Provider.Aws);

        await Assert.ThrowsAnyAsync<Exception>(() => session.CallerAccountAsync(null, CancellationToken.None));
        Assert.Equal(RecordedS3.AccountId, await session.CallerAccountAsync(null, CancellationToken.None));
        Assert.Equal(RecordedS3.AccountId, await session.CallerAccountAsync(null, CancellationToken.None));

        Assert.Equal(2, StsRequests);
    }

    [Fact]
    public async Task AnExplicitEndpointIsAskedEveryTime()
    {
        using var sts = new RecordedHttpServer().On("POST", (_, body) => body.Contains("Action=GetCallerIdentity"), RecordedS3.CallerIdentity);
        using S3Session session = RecordedS3.Open(_server, S3Provider.Aws);

        await session.CallerAccountAsync(new Uri(sts.Url), CancellationToken.None);
        await session.CallerAccountAsync(new Uri(sts.Url), CancellationToken.None);

        Assert.Equal(2, sts.Received.Count);
    }
}

[CollectionDefinition(nameof(S3SessionCallerAccountTests), DisableParallelization = true)]
public sealed class S3SessionCallerAccountTestsCollection
{
}
