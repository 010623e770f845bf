using System.IO.Compression;
using System.Text;

namespace S3Audit.Benchmarks;

/// <summary>Synthetic logs in the real formats, written once per run.</summary>
internal static class Data
{
    private static readonly string[] Ops = { "REST.GET.OBJECT", "REST.HEAD.OBJECT", "REST.GET.BUCKET", "REST.GET.ACL" };

    private static readonly string[] Agents =
    {
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/s3.cp",
        "Veeam/12.1.1.56 (Windows NT 10.0; Win64; x64) aws-sdk-cpp/1.11.200",
        "rclone/v1.66.0",
        "aws-sdk-java/2.25.11 Linux/5.10.210-201.852.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/standard",
        "S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488 Linux/5.10.205-172.804.amzn2int.x86_64",
    };

    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>
    /// An access-log line with all 27 fields as AWS writes them today. Request ids and host ids are pseudo-random
    /// like real ones (they are what keeps real logs from compressing to nothing); keys, addresses, sizes and user
    /// agents vary. Deterministic per line number. Every 100th line is a PutObject (the 1% filter).
    /// </summary>
    public static string AccessLine(long i)
    {
        ulong r = Mix((ulong)i);
        ulong r2 = Mix(r);
        string op = i % 100 == 0 ? "REST.PUT.OBJECT" : Ops[(int)(r % 4)];
        // Veeam-style block keys: a repository folder, a job GUID and a content hash per block.
        string key = $"Veeam/Backup/repo-{(r >> 8) % 4}/Clients/{{{Mix(r >> 12 & 63):x16}}}/CloudStg/Data/{(r2 >> 3) & 0xFFFFFFFFFFFF:x12}{Mix(r2) & 0xFFFFFFFF:x8}.{r % 16}.blk";
        string method = op.StartsWith("REST.PUT", StringComparison.Ordinal) ? "PUT" : op.StartsWith("REST.HEAD", StringComparison.Ordinal) ? "HEAD" : "GET";
        bool denied = i % 37 == 0;
        var hostId = new StringBuilder(76);
        ulong h = 0;
        for (int c = 0; c < 75; c++)
        {
            if (c % 10 == 0)
            {
                h = Mix(r2 ^ (ulong)c * 0x9E3779B97F4A7C15UL);
            }

            hostId.Append(Base64[(int)(h & 63)]);
            h >>= 6;
        }

        hostId.Append('=');
        long second = i / 40;
        return "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be amzn-s3-demo-bucket " +
            $"[{20 + second / 86400 % 8}/Nov/2026:{second / 3600 % 24:00}:{second / 60 % 60:00}:{second % 60:00} +0000] " +
            $"{((r >> 24) % 4) switch { 0 => "192.0.2", 1 => "198.51.100", 2 => "203.0.113", _ => "10.20.30" }}.{(r >> 28) % 254 + 1} " +
            $"arn:aws:iam::123456789012:user/backup-{(r >> 32) % 12} {r2 & 0xFFFFFFFFFFFFFFF:X16} {op} {key} " +
            $"\"{method} /amzn-s3-demo-bucket/{key}?x-id={op.Substring(5)} HTTP/1.1\" {(denied ? "403 AccessDenied" : "200 -")} " +
            $"{(denied ? 243 : (long)(r2 >> 20) % 8388608)} {(long)(r2 >> 24) % 16777216} {(r >> 40) % 900 + 5} {(r >> 44) % 60 + 1} \"-\" \"{Agents[(int)((r >> 48) % 5)]}\" - " +
            $"{hostId} SigV4 TLS_AES_128_GCM_SHA256 AuthHeader amzn-s3-demo-bucket.s3.eu-central-1.amazonaws.com TLSv1.3 - - eu-central-1";
    }

    /// <summary>SplitMix64: a cheap, well-spread hash of the line number.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

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
        using var gz = new GZipStream(output, CompressionLevel.Optimal);
        input.CopyTo(gz);
        return target;
    }
}
