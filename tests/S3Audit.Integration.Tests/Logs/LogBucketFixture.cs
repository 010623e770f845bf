using System.IO.Compression;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Logs;

/// <summary>Helpers for the log integration tests: synthetic access-log objects and a session through a proxy.</summary>
internal static class LogBucketFixture
{
    public static string AccessLine(DateTimeOffset time, string requestId, string key) =>
        $"test src [{time.UtcDateTime:dd/MMM/yyyy:HH:mm:ss} +0000] 127.0.0.1 test {requestId} REST.GET.OBJECT {key} \"GET /src/{key} HTTP/1.1\" 200 - 10 10 1 - \"-\" \"fixture\" - - SigV4 - AuthHeader 127.0.0.1 - - -";

    public static async Task PutAsync(AmazonS3Client s3, string bucket, string key, string text, bool gzip)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (gzip)
        {
            var ms = new MemoryStream();
            using (var gz = new GZipStream(ms, CompressionLevel.Fastest, true))
            {
                gz.Write(bytes, 0, bytes.Length);
            }

            bytes = ms.ToArray();
        }

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(bytes) });
    }

    public static S3Session SessionThrough(FaultInjectingProxy proxy)
    {
        S3ConnectionOptions options = RgwServer.Options();
        options.EndpointUrl = proxy.Endpoint;
        return S3Session.Open(options);
    }

    public static async Task<CollectingOutput> ReadAsync(S3Session session, LogReadRequest request)
    {
        var output = new CollectingOutput();
        await new LogEntryReader(session).RunAsync(request, output, CancellationToken.None);
        return output;
    }
}
