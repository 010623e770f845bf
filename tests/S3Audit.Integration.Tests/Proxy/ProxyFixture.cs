using Amazon.Runtime;
using Amazon.S3;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Proxy;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Proxy;

/// <summary>A logging gateway in front of the test RGW, with its own log folder, and clients that talk to it.</summary>
public sealed class ProxyFixture : IDisposable
{
    private readonly S3Session _session;

    public ProxyFixture() : this(RgwServer.Endpoint)
    {
    }

    public ProxyFixture(string upstream, string? requester = null)
    {
        LogPath = Path.Combine(Path.GetTempPath(), "s3audit-proxy-" + Guid.NewGuid().ToString("N"));
        S3ConnectionOptions options = RgwServer.Options();
        options.EndpointUrl = upstream;
        _session = S3Session.Open(options);
        Server = ProxyServer.Start(new ProxyStartRequest { Upstream = new Uri(upstream), LogPath = LogPath, Requester = requester }, _session);
    }

    public ProxyServer Server { get; }

    public string LogPath { get; }

    public string Endpoint => Server.Endpoint;

    /// <summary>An SDK client that uses the gateway as its endpoint, signing with the served key (or another secret).</summary>
    public AmazonS3Client Client(string? secretKey = null, string? accessKey = null, Action<AmazonS3Config>? configure = null)
    {
        var config = new AmazonS3Config { ServiceURL = Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 };
        configure?.Invoke(config);
        return new AmazonS3Client(new BasicAWSCredentials(accessKey ?? RgwServer.AccessKey, secretKey ?? RgwServer.SecretKey), config);
    }

    /// <summary>Every line of the gateway's log so far, read by the module's own access-log reader.</summary>
    public List<S3AuditLogEntry> ReadLog()
    {
        var entries = new List<S3AuditLogEntry>();
        foreach (string file in Directory.GetFiles(LogPath).OrderBy(f => f, StringComparer.Ordinal))
        {
            var errors = new List<LogDiagnostic>();
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            entries.AddRange(AuditLogParser.Parse(stream, Path.GetFileName(file), d => errors.Add(d)));
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
        }

        return entries;
    }

    /// <summary>The raw log lines (to check field layout and that no secret is in them).</summary>
    public List<string> ReadLines() =>
        Directory.GetFiles(LogPath).OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => { using var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete); using var r = new StreamReader(s); return r.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries); })
            .ToList();

    /// <summary>Waits until the gateway has logged <paramref name="count"/> requests (lines are queued to a writer thread).</summary>
    public async Task<List<S3AuditLogEntry>> WaitForLogAsync(int count)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            List<S3AuditLogEntry> entries = ReadLog();
            if (entries.Count >= count || DateTime.UtcNow > deadline)
            {
                return entries;
            }

            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        Server.Stop(TimeSpan.FromSeconds(5));
        _session.Dispose();
        try
        {
            Directory.Delete(LogPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
