using System.Text;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Proxy.Logging;

namespace S3Audit.Engine.Tests.Proxy;

/// <summary>The gateway's log lines have AWS's layout and read back through the module's own access-log parser.</summary>
public class AccessLogLineTests
{
    private static ProxyLogRecord Record() => new()
    {
        Time = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero),
        Bucket = "backups",
        RemoteIp = "192.0.2.10",
        Requester = "arn:aws:iam::111122223333:user/restic",
        RequestId = "tx0001",
        Operation = "REST.PUT.OBJECT",
        Key = "host 1/2026/snap+1.bin",
        Method = "PUT",
        Target = "/backups/host%201/2026/snap%2B1.bin",
        Status = 200,
        BytesSent = 0,
        ObjectSize = 1048576,
        TotalTimeMs = 812,
        TurnAroundMs = 9,
        Referer = "https://example.com/a\"b",
        UserAgent = "restic/0.17 \"quoted\" ua",
        HostId = "zone-a",
        SignatureVersion = "SigV4",
        AuthType = "AuthHeader",
        Host = "127.0.0.1:9000",
    };

    private static S3AuditLogEntry ReadBack(string line)
    {
        var diagnostics = new List<LogDiagnostic>();
        var entries = AuditLogParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(line + "\n")), "gw", diagnostics.Add).ToList();
        Assert.Empty(diagnostics);
        return Assert.Single(entries);
    }

    [Fact]
    public void ALineReadsBackWithEveryField()
    {
        string line = AccessLogLine.Format(Record());
        Assert.StartsWith("- backups [04/Mar/2026:05:06:07 +0000] 192.0.2.10 arn:aws:iam::111122223333:user/restic tx0001 REST.PUT.OBJECT host%201/2026/snap%2B1.bin \"PUT /backups/host%201/2026/snap%2B1.bin HTTP/1.1\" 200 - - 1048576 812 9 \"https://example.com/a%22b\" \"restic/0.17 \"quoted\" ua\" - zone-a SigV4 - AuthHeader 127.0.0.1:9000 - - -", line);
        S3AuditLogEntry e = ReadBack(line);
        Assert.Equal(("PutObject", "backups", "host 1/2026/snap+1.bin", 200), (e.Operation, e.BucketName, e.Key, e.HttpStatus));
        Assert.Equal(("arn:aws:iam::111122223333:user/restic", "192.0.2.10", "tx0001"), (e.Requester, e.RemoteIp, e.RequestId));
        Assert.Equal((0L, 1048576L, 812d), (e.BytesSent, e.ObjectSize, e.TotalTimeMs));
        Assert.Equal("restic/0.17 \"quoted\" ua", e.UserAgent);
    }

    [Fact]
    public void PresignedSecretsAreMaskedAndControlCharactersNeverSplitALine()
    {
        ProxyLogRecord r = Record();
        r.Method = "GET";
        r.Operation = "REST.GET.OBJECT";
        r.AuthType = "QueryString";
        r.Target = "/backups/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20260304%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=0123456789abcdef&X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLE";
        r.UserAgent = "evil\nnext line";
        string line = AccessLogLine.Format(r);
        Assert.Contains("X-Amz-Signature=***", line);
        Assert.Contains("X-Amz-Security-Token=***", line);
        Assert.Contains("X-Amz-Credential=***", line);
        Assert.DoesNotContain("0123456789abcdef", line);
        Assert.DoesNotContain("\n", line);
        Assert.Equal("GetObject", ReadBack(line).Operation);
    }

    [Fact]
    public void AnAnonymousRefusedRequestWritesDashes()
    {
        var r = new ProxyLogRecord { Time = DateTimeOffset.UnixEpoch, Operation = "REST.GET.SERVICE", Method = "GET", Target = "/", Status = 503, ErrorCode = "ServiceUnavailable", RemoteIp = "127.0.0.1" };
        string line = AccessLogLine.Format(r);
        Assert.Equal("- - [01/Jan/1970:00:00:00 +0000] 127.0.0.1 - - REST.GET.SERVICE - \"GET / HTTP/1.1\" 503 ServiceUnavailable - - 0 - \"-\" \"-\" - - - - - - - - -", line);
        S3AuditLogEntry e = ReadBack(line);
        Assert.Equal(("ListBuckets", 503, "ServiceUnavailable", "anonymous"), (e.Operation, e.HttpStatus, e.ErrorCode, e.Requester));
    }
}
