using System.Globalization;
using System.Text;

namespace S3Audit.Lake.Tests;

/// <summary>
/// A generated corpus over several days: AWS access logs (one file per hour, several operations, requesters including
/// anonymous ones, 2xx/3xx/4xx/5xx) and MinIO audit lines, deterministic per seed. Some access-log lines are delivered
/// twice (as AWS does), so duplicate removal matters; one line is malformed.
/// </summary>
internal static class Corpus
{
    private static readonly string[] Operations = { "REST.GET.OBJECT", "REST.PUT.OBJECT", "REST.DELETE.OBJECT", "REST.HEAD.OBJECT", "REST.GET.BUCKET" };
    private static readonly string[] Requesters = { "arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:user/bob", "-", "arn:aws:iam::123456789012:role/backup" };
    private static readonly string[] Statuses = { "200 -", "200 -", "200 -", "204 -", "304 -", "403 AccessDenied", "404 NoSuchKey", "503 SlowDown" };

    public static DateTimeOffset Start { get; } = new(2026, 11, 20, 22, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="hours"/> hourly access-log files of <paramref name="linesPerHour"/> lines and a MinIO file into <paramref name="folder"/>.</summary>
    public static void Write(string folder, int hours, int linesPerHour, int firstHour = 0)
    {
        Directory.CreateDirectory(folder);
        for (int h = firstHour; h < firstHour + hours; h++)
        {
            DateTimeOffset hour = Start.AddHours(h);
            var text = new StringBuilder();
            for (int i = 0; i < linesPerHour; i++)
            {
                long n = h * 100_000L + i;
                text.Append(AccessLine(hour.AddSeconds(i * 3600.0 / linesPerHour), n)).Append('\n');
                if (i % 97 == 0)
                {
                    text.Append(AccessLine(hour.AddSeconds(i * 3600.0 / linesPerHour), n)).Append('\n'); // delivered twice
                }
            }

            if (h == firstHour)
            {
                text.Append("this line is not an access log record\n");
            }

            File.WriteAllText(Path.Combine(folder, $"{hour.AddMinutes(5):yyyy-MM-dd-HH-mm-ss}-{h:X16}"), text.ToString());
        }

        var minio = new StringBuilder();
        for (int i = 0; i < linesPerHour; i++)
        {
            minio.Append(MinioLine(Start.AddHours(firstHour).AddSeconds(i * 7), firstHour * 100_000L + i)).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, $"minio-{firstHour:0000}.jsonl"), minio.ToString());
    }

    public static string AccessLine(DateTimeOffset time, long n)
    {
        string op = Operations[n % Operations.Length];
        string status = Statuses[(n / 3) % Statuses.Length];
        string key = $"backups/host-{n % 13}/block-{n:X8}.blk";
        long bytes = status.StartsWith("2", StringComparison.Ordinal) ? n % 5000 * 17 : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be bucket-{n % 3} [{time.UtcDateTime:dd/MMM/yyyy:HH:mm:ss} +0000] 192.0.2.{n % 50} {Requesters[(n / 5) % Requesters.Length]} REQ{n:X12} {op} {key} " +
            $"\"{op.Split('.')[1]} /bucket-{n % 3}/{key} HTTP/1.1\" {status} {(bytes == 0 ? "-" : bytes.ToString(CultureInfo.InvariantCulture))} {n % 9000} {n % 70 + 1} {n % 30} \"-\" \"rclone/v1.66.0\" - aG9zdA== SigV4 TLS_AES_128_GCM_SHA256 AuthHeader s3.example.com TLSv1.3 - - eu-west-1");
    }

    private static string MinioLine(DateTimeOffset time, long n) =>
        "{\"version\":\"1\",\"deploymentid\":\"5e4d3c2b\",\"time\":\"" + time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "\",\"event\":\"GetObject\",\"trigger\":\"incoming\"," +
        "\"api\":{\"name\":\"" + (n % 4 == 0 ? "PutObject" : "GetObject") + "\",\"bucket\":\"minio-backups\",\"object\":\"db/part-" + n + ".gz\",\"status\":\"OK\",\"statusCode\":" + (n % 11 == 0 ? 403 : 200) +
        ",\"rx\":0,\"tx\":" + (n % 1000) + ",\"timeToResponse\":\"" + (n % 50 + 1) + "000000ns\"},\"remotehost\":\"10.0.0." + (n % 20) + "\",\"requestID\":\"17CB" + n.ToString("X12", CultureInfo.InvariantCulture) + "\"," +
        "\"userAgent\":\"rclone/v1.66.0\",\"requestClaims\":{\"accessKey\":\"svc-" + (n % 3) + "\",\"parent\":\"backup-admin\"},\"accessKey\":\"svc-" + (n % 3) + "\",\"parentUser\":\"backup-admin\"}";
}
