using System.IO.Compression;
using System.Text;

namespace S3Audit.Benchmarks;

/// <summary>Synthetic logs in the real formats, written once per run.</summary>
internal static class Data
{
    private static readonly string[] Ops = { "REST.GET.OBJECT", "REST.HEAD.OBJECT", "REST.GET.BUCKET", "REST.GET.ACL" };

    /// <summary>An access-log line; every 100th is a PutObject (the 1% filter).</summary>
    public static string AccessLine(long i) =>
        $"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be amzn-s3-demo-bucket [20/Nov/2026:{i / 3600 % 24:00}:{i / 60 % 60:00}:{i % 60:00} +0000] 192.0.{i % 200}.{i % 250} " +
        $"arn:aws:iam::123456789012:user/u{i % 50} REQ{i:X12} {(i % 100 == 0 ? "REST.PUT.OBJECT" : Ops[i % 4])} data/{i % 5000}/object-{i}.bin \"GET /data/{i % 5000}/object-{i}.bin?versionId=abc HTTP/1.1\" " +
        $"{(i % 37 == 0 ? "403 AccessDenied" : "200 -")} {i % 100000} 104857 {i % 90} {i % 80} \"-\" \"aws-cli/2.15.{i % 9} Python/3.11 Linux/6.5\" - " +
        $"s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader amzn-s3-demo-bucket.s3.us-west-1.amazonaws.com TLSv1.2 - -";

    public static string MinioLine(long i) =>
        "{\"version\":\"1\",\"deploymentid\":\"5e4d3c2b-1a09-4f8e-a7d6-c5b4a3928170\",\"time\":\"2024-05-02T08:" + (i / 60 % 60).ToString("00") + ":" + (i % 60).ToString("00") + ".987654321Z\"," +
        "\"event\":\"GetObject\",\"trigger\":\"incoming\",\"api\":{\"name\":\"GetObject\",\"bucket\":\"backups\",\"object\":\"db/part-" + i + ".gz\",\"status\":\"OK\",\"statusCode\":" + (i % 100 == 0 ? 403 : 200) +
        ",\"rx\":0,\"tx\":" + (i % 100000) + ",\"txHeaders\":312,\"timeToFirstByte\":\"0s\",\"timeToResponse\":\"412087654ns\",\"timeToResponseInNS\":\"412087654\"},\"remotehost\":\"10.20." + (i % 200) + "." + (i % 250) + "\"," +
        "\"requestID\":\"17CB" + i.ToString("X12") + "\",\"userAgent\":\"rclone/v1.66.0\",\"requestPath\":\"/backups/db/part.gz\",\"requestHost\":\"minio.internal:9000\",\"requestNode\":\"minio-1:9000\"," +
        "\"requestClaims\":{\"accessKey\":\"svc-backup\",\"parent\":\"backup-admin\"},\"requestQuery\":{},\"requestHeader\":{\"Authorization\":\"AWS4-HMAC-SHA256 Credential=svc-backup/20240502/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9\",\"User-Agent\":\"rclone/v1.66.0\",\"X-Amz-Date\":\"20240502T081500Z\"}," +
        "\"responseHeader\":{\"Accept-Ranges\":\"bytes\",\"Content-Length\":\"" + (i % 100000) + "\",\"Content-Type\":\"application/octet-stream\",\"ETag\":\"\\\"9e107d9d372bb6826bd81d3542a419d6\\\"\",\"Server\":\"MinIO\"},\"tags\":{},\"accessKey\":\"svc-backup\",\"parentUser\":\"backup-admin\"}";

    public static string Write(string path, long targetBytes, Func<long, string> line)
    {
        if (File.Exists(path) && new FileInfo(path).Length >= targetBytes)
        {
            return path;
        }

        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        long written = 0;
        for (long i = 0; written < targetBytes; i++)
        {
            string l = line(i);
            writer.Write(l);
            writer.Write('\n');
            written += l.Length + 1;
        }

        return path;
    }

    public static string Gzip(string source, string target)
    {
        if (File.Exists(target))
        {
            return target;
        }

        using FileStream input = File.OpenRead(source);
        using FileStream output = File.Create(target);
        using var gz = new GZipStream(output, CompressionLevel.Fastest);
        input.CopyTo(gz);
        return target;
    }
}
