using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Proxy;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Proxy;

/// <summary>TLS on the listening side (-CertificatePath): clients speak HTTPS to the gateway, the log carries TLS version and cipher suite.</summary>
public class ProxyTlsRgwTests
{
    [Fact]
    public async Task HttpsClientsAreServedAndTheLogHasTlsFields()
    {
        string folder = Directory.CreateTempSubdirectory("s3audit-gw-tls-").FullName;
        string pfx = Path.Combine(folder, "gateway.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        S3ConnectionOptions options = RgwServer.Options();
        using S3Session session = S3Session.Open(options);
        ProxyServer server = ProxyServer.Start(new ProxyStartRequest
        {
            Upstream = new Uri(RgwServer.Endpoint), LogPath = Path.Combine(folder, "logs"), CertificatePath = pfx, CertificatePassword = "pfx-password",
        }, session);
        try
        {
            Assert.StartsWith("https://127.0.0.1:", server.Endpoint);
            var config = new AmazonS3Config { ServiceURL = server.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 };
            config.HttpClientFactory = new TrustingHttpClientFactory();
            using var s3 = new AmazonS3Client(RgwServer.AccessKey, RgwServer.SecretKey, config);
            ListBucketsResponse buckets = await s3.ListBucketsAsync();
            Assert.NotNull(buckets);
        }
        finally
        {
            server.Stop(TimeSpan.FromSeconds(5));
        }

        string file = Directory.GetFiles(Path.Combine(folder, "logs")).Single();
        string line = File.ReadAllLines(file).Single();
        Assert.Matches(@" SigV4 TLS_[A-Z0-9_]+ AuthHeader 127\.0\.0\.1:\d+ TLSv1\.[23] - -$", line);
        S3AuditLogEntry entry = Assert.Single(AuditLogParser.Parse(File.OpenRead(file), "tls"));
        Assert.Equal(("ListBuckets", 200), (entry.Operation, entry.HttpStatus));
        Directory.Delete(folder, recursive: true);
    }

    private sealed class TrustingHttpClientFactory : Amazon.Runtime.HttpClientFactory
    {
        public override HttpClient CreateHttpClient(Amazon.Runtime.IClientConfig clientConfig) =>
            new(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
    }
}
