using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>AWS access-log hazards from domain.md §5: raw quotes, '-' and "-", IPv6, unknown trailing fields, old layouts.</summary>
public class AwsAccessLogEdgeCaseTests
{
    private const string Head = "owner bkt [21/Nov/2026:12:17:49 +0000] ";

    private static S3AuditLogEntry Single(string line)
    {
        var diagnostics = new List<LogDiagnostic>();
        List<S3AuditLogEntry> entries = LogSamples.ParseText(line + "\n", diagnostics);
        Assert.Empty(diagnostics);
        return Assert.Single(entries);
    }

    [Fact]
    public void RawQuotesInRequestUriRefererAndUserAgent()
    {
        S3AuditLogEntry e = Single(Head + "192.0.2.1 - REQ1 REST.GET.OBJECT a.txt \"GET /bkt/a.txt?x=\"y\" HTTP/1.1\" 200 - 5 5 1 1 \"http://r/\"q\" \"UA \"with\" quotes\"\" - HOSTID SigV4 - AuthHeader bkt.s3.amazonaws.com TLSv1.2 - -");
        Assert.Equal(("GetObject", "a.txt", 200, 5L), (e.Operation, e.Key, e.HttpStatus, e.BytesSent));
        Assert.Equal("UA \"with\" quotes\"", e.UserAgent);
    }

    [Fact]
    public void DashAndQuotedDashAreEmpty()
    {
        S3AuditLogEntry e = Single(Head + "192.0.2.1 - - REST.GET.SERVICE - \"-\" 200 - - - - - \"-\" \"-\" - - - - - - - - -");
        Assert.Equal(("anonymous", "", "", "", 0L), (e.Requester, e.RequestId, e.Key, e.UserAgent, e.BytesSent));
        Assert.Equal("ListBuckets", e.Operation);
    }

    [Theory]
    [InlineData("anonymous", "anonymous")]
    [InlineData("-", "anonymous")]
    [InlineData("arn:aws:iam::123456789012:user/anonymous", "arn:aws:iam::123456789012:user/anonymous")]
    public void AnonymousRequestersAreAnonymousWhetherAwsOrRgwWroteThem(string requester, string expected)
    {
        S3AuditLogEntry e = Single(Head + $"127.0.0.1 {requester} REQ3 REST.GET.OBJECT open.txt \"GET /bkt/open.txt HTTP/1.1\" 200 - 1 1 1 - \"-\" \"-\" - - SigV4 - AuthHeader 127.0.0.1 - - Yes");
        Assert.Equal(expected, e.Requester);
    }

    [Fact]
    public void UnquotedDashRefererAndUserAgent()
    {
        S3AuditLogEntry e = Single(Head + "192.0.2.1 req REQ2 REST.HEAD.OBJECT k \"HEAD /bkt/k HTTP/1.1\" 404 NoSuchKey 0 - 3 - - - - HOST SigV4");
        Assert.Equal(("HeadObject", 404, "NoSuchKey", ""), (e.Operation, e.HttpStatus, e.ErrorCode, e.UserAgent));
    }

    [Fact]
    public void Ipv6RemoteAddress()
    {
        S3AuditLogEntry e = Single(Head + "2001:db8::1 - REQ3 REST.GET.OBJECT k \"GET /bkt/k HTTP/1.1\" 200 - 1 1 1 1 \"-\" \"curl\" -");
        Assert.Equal("2001:db8::1", e.RemoteIp);
    }

    [Fact]
    public void UnknownTrailingFieldsAreIgnored()
    {
        S3AuditLogEntry e = Single(Head + "192.0.2.1 - REQ4 REST.PUT.OBJECT k \"PUT /bkt/k HTTP/1.1\" 200 - - 9 4 2 \"-\" \"sdk\" - HID SigV4 ECDHE AuthHeader h TLSv1.3 - Yes us-east-1 future1 \"future 2\"");
        Assert.Equal(("PutObject", 9L, "sdk"), (e.Operation, e.ObjectSize, e.UserAgent));
    }

    [Fact]
    public void OldestLayoutWithSeventeenFields()
    {
        S3AuditLogEntry e = Single(Head + "192.0.2.1 - REQ5 REST.GET.OBJECT k \"GET /bkt/k HTTP/1.1\" 200 - 7 7 1 1 \"-\" \"old client\"");
        Assert.Equal(("old client", 7L), (e.UserAgent, e.BytesSent));
    }

    [Fact]
    public void CephTotalTimeWithUnitAndDoubleEncodedKey()
    {
        S3AuditLogEntry e = Single(Head + "127.0.0.1 test tx1 REST.GET.OBJECT a%2520b \"GET /src1/a%2520b HTTP/1.1\" 200 - - 1 - 4ms - \"curl/7.88.1\" - - SigV4 - AuthHeader 127.0.0.1 - - Yes");
        Assert.Equal(("a%20b", 4d, "curl/7.88.1"), (e.Key, e.TotalTimeMs, e.UserAgent));
    }

    [Theory]
    [InlineData("ListObjectsV2", 1)]
    [InlineData("ListObjects", 0)]
    [InlineData("GetObject", 2)]
    [InlineData("REST.GET.*", 3)]
    [InlineData("*Delete*", 2)]
    public void OperationFilterSeesApiNamesAndRawNames(string pattern, int expected)
    {
        string path = Path.Combine(LogSamples.Examples, "aws-access", "2026-11-20-10-15-42-9D3B6A1C0E7F2A58");
        var options = new LogReadOptions { Filter = new LogFilter { Operation = { pattern } } };
        Assert.Equal(expected, LogSamples.Parse(path, options: options).Count);
    }

    [Fact]
    public void CephRawKeyWithSpaces()
    {
        S3AuditLogEntry e = Single(Head + "127.0.0.1 test tx2 REST.PUT.OBJECT dir/file 1.txt \"PUT /bkt/dir/file%201.txt HTTP/1.1\" 200 - 20 20 - 55ms - \"sdk\" - - SigV4 - AuthHeader 127.0.0.1.localhost - - Yes");
        Assert.Equal(("dir/file 1.txt", 55d, 20L), (e.Key, e.TotalTimeMs, e.ObjectSize));
    }

    [Theory]
    [InlineData("not a log line")]
    [InlineData("owner bkt [99/Foo/2026:12:17:49 +0000] 1.2.3.4 - r op k \"GET / HTTP/1.1\" 200 - - - - - - -")]
    [InlineData("owner bkt [21/Nov/2026:12:17:49 +0000] 1.2.3.4 - r op k \"GET / HTTP/1.1 no status")]
    public void MalformedLinesAreReportedWithTheirLineNumber(string bad)
    {
        var diagnostics = new List<LogDiagnostic>();
        string good = Head + "192.0.2.1 - REQ6 REST.GET.OBJECT k \"GET /bkt/k HTTP/1.1\" 200 - 1 1 1 1 \"-\" \"c\" -";
        List<S3AuditLogEntry> entries = LogSamples.ParseText(good + "\n" + bad + "\n" + good.Replace("REQ6", "REQ7") + "\n", diagnostics);
        Assert.Equal(new long[] { 1, 3 }, entries.Select(e => e.LineNumber));
        LogDiagnostic d = Assert.Single(diagnostics);
        Assert.Equal((2L, false), (d.LineNumber, d.FileCorrupt));
    }
}
