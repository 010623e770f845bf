using System.Text;
using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>MinIO/Lyve field drift, times with 9-digit fractions and offsets, secrets never in entries, -IncludeRaw masked.</summary>
public class JsonAuditLogTests
{
    [Theory]
    [InlineData("2024-05-02T08:15:00.987654321Z", "2024-05-02T08:15:00.9876543+00:00")]
    [InlineData("2024-05-02T08:15:00Z", "2024-05-02T08:15:00.0000000+00:00")]
    [InlineData("2024-05-02T10:15:00.5+02:00", "2024-05-02T08:15:00.5000000+00:00")]
    [InlineData("2024-05-02T08:15:00.123456789123+0000", "2024-05-02T08:15:00.1234567+00:00")]
    public void FractionsBeyondTicksAreTruncatedAndOffsetsApplied(string logged, string expected)
    {
        string line = "{\"version\":\"1\",\"time\":\"" + logged + "\",\"api\":{\"name\":\"HeadObject\",\"bucket\":\"b\",\"statusCode\":200},\"requestID\":\"R\"}";
        S3AuditLogEntry e = Assert.Single(LogSamples.ParseText(line));
        Assert.Equal(expected, e.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz"));
    }

    [Fact]
    public void AccessKeyComesFromTheCredentialPartAndNoSecretLeaks()
    {
        const string line = "{\"version\":\"1\",\"time\":\"2021-08-10T14:02:19Z\",\"api\":{\"name\":\"GetObject\",\"bucket\":\"b\",\"object\":\"k\",\"statusCode\":200}," +
                            "\"requestHeader\":{\"Authorization\":\"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20210810/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=deadbeefcafe0123\"," +
                            "\"X-Amz-Security-Token\":\"FwoGZXIvSECRETTOKEN\"},\"requestID\":\"R\"}";
        S3AuditLogEntry e = Assert.Single(LogSamples.ParseText(line, options: new LogReadOptions { IncludeRaw = true }));
        Assert.Equal(("AKIDEXAMPLE", "AKIDEXAMPLE"), (e.AccessKeyId, e.Requester));
        string all = string.Join("|", typeof(S3AuditLogEntry).GetProperties().Select(p => p.GetValue(e)?.ToString()));
        Assert.DoesNotContain("deadbeefcafe0123", all);
        Assert.DoesNotContain("SECRETTOKEN", all);
        Assert.Contains("Credential=AKIDEXAMPLE", e.Raw);
    }

    [Fact]
    public void LyveWrapperInAnyPropertyOrderNamesTheServiceAccount()
    {
        const string inner = "{\"version\":\"1\",\"time\":\"2026-11-20T10:00:00Z\",\"api\":{\"name\":\"PutObject\",\"bucket\":\"b\",\"object\":\"k\",\"statusCode\":200,\"rx\":12},\"requestID\":\"R\",\"parentUser\":\"p\"}";
        string before = "{\"serviceAccountName\":\"svc\",\"serviceAccountCreatorId\":\"a@b\",\"auditEntry\":" + inner + "}";
        string after = "{\"serviceAccountCreatorId\":\"a@b\",\"auditEntry\":" + inner + ",\"serviceAccountName\":\"svc\"}";
        foreach (string line in new[] { before, after })
        {
            S3AuditLogEntry e = Assert.Single(LogSamples.ParseText(line));
            Assert.Equal((S3AuditLogFormat.LyveS3Audit, "svc", "PutObject", 12L), (e.Source, e.Requester, e.Operation, e.ObjectSize));
        }
    }

    /// <summary>Records from before MinIO logged rx/tx take sizes from the Content-Length headers.</summary>
    [Theory]
    [InlineData("GetObject", "\"responseHeader\":{\"Content-Length\":\"4096\"}", 4096L, 4096L)]
    [InlineData("PutObject", "\"requestHeader\":{\"Content-Length\":\"512\"},\"responseHeader\":{\"Content-Length\":\"0\"}", 0L, 512L)]
    [InlineData("GetObject", "\"responseHeader\":{\"Content-Length\":\"\u0131\u0132\"}", 0L, 0L)]
    public void ContentLengthHeadersStandInForRxAndTx(string api, string headers, long bytesSent, long objectSize)
    {
        string line = "{\"version\":\"1\",\"time\":\"2021-08-10T14:02:19Z\",\"api\":{\"name\":\"" + api + "\",\"bucket\":\"b\",\"object\":\"k\",\"statusCode\":200}," + headers + ",\"requestID\":\"R\"}";
        S3AuditLogEntry e = Assert.Single(LogSamples.ParseText(line));
        Assert.Equal((bytesSent, objectSize), (e.BytesSent, e.ObjectSize));
    }

    [Fact]
    public void UnknownJsonRecordIsRejectedNotGuessed()
    {
        var diagnostics = new List<LogDiagnostic>();
        Assert.Empty(LogSamples.ParseText("{\"hello\":\"world\"}\n", diagnostics));
        Assert.Contains("not a known audit record", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void CephOpsLogLine()
    {
        const string line = "{\"bucket\":\"src1\",\"object\":\"f2.txt\",\"time\":\"2026-11-21T12:54:19.879965Z\",\"remote_addr\":\"127.0.0.1\",\"user\":\"test\",\"operation\":\"get_obj\",\"uri\":\"HEAD /src1/f2.txt HTTP/1.1\",\"http_status\":\"200\",\"error_code\":\"\",\"bytes_sent\":0,\"bytes_received\":0,\"object_size\":1,\"total_time\":4,\"user_agent\":\"curl\",\"referrer\":\"\",\"trans_id\":\"tx1\",\"authentication_type\":\"Local\",\"access_key_id\":\"testaccesskey\",\"temp_url\":false}";
        S3AuditLogEntry e = Assert.Single(LogSamples.ParseText(line));
        Assert.Equal((S3AuditLogFormat.CephOpsLog, "HeadObject", "get_obj", "test", "testaccesskey", 200, 4d, "tx1"),
            (e.Source, e.Operation, e.RawOperation, e.Requester, e.AccessKeyId, e.HttpStatus, e.TotalTimeMs, e.RequestId));
    }
}

/// <summary>Time and status filters stop reading a JSON record early; the result must equal filtering afterwards.</summary>
public class JsonEarlyFilterTests
{
    [Theory]
    [InlineData("minio/audit-2021.jsonl")]
    [InlineData("minio/audit-2024.jsonl")]
    [InlineData("lyve/S3-mybucket-2026-11-20-10-00-00")]
    [InlineData("ceph-ops/ops.log")]
    public void EarlyFiltersKeepExactlyWhatLateFilteringKeeps(string relativePath)
    {
        string path = Path.Combine(LogSamples.Examples, relativePath);
        List<S3AuditLogEntry> all = LogSamples.Parse(path);
        DateTimeOffset middle = all.OrderBy(e => e.Time).ElementAt(all.Count / 2).Time;

        List<S3AuditLogEntry> errors = LogSamples.Parse(path, options: new LogReadOptions { Filter = new LogFilter { ErrorsOnly = true } });
        Assert.Equal(all.Where(e => e.HttpStatus >= 400 || e.ErrorCode.Length > 0).Select(e => e.LineNumber), errors.Select(e => e.LineNumber));

        List<S3AuditLogEntry> late = LogSamples.Parse(path, options: new LogReadOptions { Filter = new LogFilter { StartTime = middle } });
        Assert.Equal(all.Where(e => e.Time >= middle).Select(e => e.LineNumber), late.Select(e => e.LineNumber));

        List<S3AuditLogEntry> ok = LogSamples.Parse(path, options: new LogReadOptions { Filter = new LogFilter { HttpStatus = { 200 } } });
        Assert.Equal(all.Where(e => e.HttpStatus == 200).Select(e => e.LineNumber), ok.Select(e => e.LineNumber));
    }
}
