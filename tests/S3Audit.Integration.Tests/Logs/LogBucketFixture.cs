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

    /// <summary>
    /// RGW bucket logging from <paramref name="source"/> into <paramref name="target"/> under logs/: the target's policy
    /// for logging.s3.amazonaws.com (which RGW requires, as AWS does), then PutBucketLogging.
    /// </summary>
    public static async Task EnableBucketLoggingAsync(AmazonS3Client s3, string source, string target)
    {
        string policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logging.s3.amazonaws.com\"},\"Action\":\"s3:PutObject\"," +
                        $"\"Resource\":\"arn:aws:s3:::{target}/logs/*\",\"Condition\":{{\"ArnLike\":{{\"aws:SourceArn\":\"arn:aws:s3:::{source}\"}},\"StringEquals\":{{\"aws:SourceAccount\":\"test\"}}}}}}]}}";
        await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = target, Policy = policy });
        await s3.PutBucketLoggingAsync(new PutBucketLoggingRequest
        {
            BucketName = source,
            LoggingConfig = new S3BucketLoggingConfig { TargetBucketName = target, TargetPrefix = "logs/" },
        });
    }

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
