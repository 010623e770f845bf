using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using S3Audit.Engine.Connection;

namespace S3Audit.Engine.Tests.Connection;

/// <summary>"Cannot connect at all" is told by exception type and described with the real cause; anything else is not it.</summary>
public class ConnectFailureTests
{
    private static readonly Uri Http = new("http://s3.example.test:7480");
    private static readonly Uri Https = new("https://s3.example.test:7480");

    private static Exception Wrapped(Exception inner) => new HttpRequestException("outer", inner);

    [Theory]
    [InlineData(SocketError.HostNotFound, "the host name 's3.example.test' could not be resolved (DNS:")]
    [InlineData(SocketError.TryAgain, "could not be resolved")]
    [InlineData(SocketError.ConnectionRefused, "s3.example.test:7480 refused the connection: nothing listens on that port, or a firewall rejects it")]
    [InlineData(SocketError.TimedOut, "s3.example.test:7480 did not accept the connection")]
    [InlineData(SocketError.NetworkUnreachable, "s3.example.test:7480 cannot be reached from here")]
    public void SocketFailuresNameTheirCause(SocketError error, string expected)
    {
        Assert.Contains(expected, ConnectFailure.Describe(Wrapped(new SocketException((int)error)), Http));
    }

    [Fact]
    public void ATlsFailureOnAnHttpsEndpointSuggestsPlainHttp()
    {
        string? cause = ConnectFailure.Describe(Wrapped(new AuthenticationException("Cannot determine the frame size or a corrupted frame was received.")), Https);
        Assert.Equal("the TLS handshake with s3.example.test:7480 failed (Cannot determine the frame size or a corrupted frame was received.); if the endpoint serves plain HTTP on this port, use http://s3.example.test:7480", cause);
    }

    [Fact]
    public void AConnectTimeoutSaysHowLongItWaited()
    {
        var timeout = new ConnectTimeoutException(Http, TimeSpan.FromSeconds(10), new TaskCanceledException());
        Assert.Equal("no connection to s3.example.test:7480 within 10 s: the host does not answer, or a firewall drops the packets", ConnectFailure.Describe(Wrapped(timeout), Http));
    }

    [Fact]
    public void AnAggregateIsLookedInto()
    {
        Assert.Contains("refused", ConnectFailure.Describe(new AggregateException(Wrapped(new SocketException((int)SocketError.ConnectionRefused))), Http));
    }

    /// <summary>A broken or slow answer is not "cannot connect": the SDK retries it as usual.</summary>
    [Fact]
    public void BrokenAnswersAndTimeoutsAreNotConnectFailures()
    {
        Assert.Null(ConnectFailure.Describe(new IOException("The response ended prematurely."), Http));
        Assert.Null(ConnectFailure.Describe(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 60 seconds elapsing.", new TimeoutException()), Http));
        Assert.Null(ConnectFailure.Describe(Wrapped(new SocketException((int)SocketError.ConnectionReset)), Http));
        Assert.Null(ConnectFailure.Describe(new InvalidOperationException("boom"), Http));
    }
}
