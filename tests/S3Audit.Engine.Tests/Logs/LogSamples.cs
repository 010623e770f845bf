using System.Globalization;
using System.Text;
using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>Paths of the example logs in the repository and a stable text form of entries for golden files.</summary>
internal static class LogSamples
{
    public static string RepoRoot => S3Audit.TestSupport.RepoPaths.Root;

    public static string Examples => Path.Combine(RepoRoot, "examples", "logs");

    public static string GoldenDir => Path.Combine(RepoRoot, "tests", "S3Audit.Engine.Tests", "Logs", "Golden");

    /// <summary>Logs Ceph RGW delivered to the test server, kept as they came (see Fixtures/README.md).</summary>
    public static string Fixtures => Path.Combine(RepoRoot, "tests", "S3Audit.Engine.Tests", "Logs", "Fixtures");

    /// <summary>Every example file, relative to examples/logs, with forward slashes.</summary>
    public static IEnumerable<object[]> ExampleFiles() => FilesUnder(Examples);

    /// <summary>Every RGW-delivered fixture, relative to Logs/Fixtures, with forward slashes.</summary>
    public static IEnumerable<object[]> FixtureFiles() => FilesUnder(Fixtures);

    private static IEnumerable<object[]> FilesUnder(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { f });

    public static List<S3AuditLogEntry> Parse(string path, List<LogDiagnostic>? diagnostics = null, LogReadOptions? options = null)
    {
        diagnostics ??= new List<LogDiagnostic>();
        return AuditLogParser.Parse(File.OpenRead(path), Path.GetFileName(path), options ?? new LogReadOptions(), diagnostics.Add).ToList();
    }

    public static List<S3AuditLogEntry> ParseBytes(byte[] bytes, List<LogDiagnostic>? diagnostics = null, LogReadOptions? options = null)
    {
        diagnostics ??= new List<LogDiagnostic>();
        return AuditLogParser.Parse(new MemoryStream(bytes), "mem", options ?? new LogReadOptions(), diagnostics.Add).ToList();
    }

    public static List<S3AuditLogEntry> ParseText(string text, List<LogDiagnostic>? diagnostics = null, LogReadOptions? options = null) =>
        ParseBytes(Encoding.UTF8.GetBytes(text), diagnostics, options);

    /// <summary>One line per entry, every public property, tab-separated.</summary>
    public static string Render(IEnumerable<S3AuditLogEntry> entries)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Time\tSource\tOperation\tRawOperation\tBucketName\tKey\tRequester\tAccessKeyId\tRemoteIp\tHttpStatus\tErrorCode\tBytesSent\tObjectSize\tTotalTimeMs\tUserAgent\tRequestId\tLineNumber");
        foreach (S3AuditLogEntry e in entries)
        {
            sb.Append(e.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture)).Append('\t')
              .Append(e.Source).Append('\t').Append(e.Operation).Append('\t').Append(e.RawOperation).Append('\t')
              .Append(e.BucketName).Append('\t').Append(e.Key).Append('\t').Append(e.Requester).Append('\t')
              .Append(e.AccessKeyId).Append('\t').Append(e.RemoteIp).Append('\t').Append(e.HttpStatus).Append('\t')
              .Append(e.ErrorCode).Append('\t').Append(e.BytesSent).Append('\t').Append(e.ObjectSize).Append('\t')
              .Append(e.TotalTimeMs.ToString("0.######", CultureInfo.InvariantCulture)).Append('\t').Append(e.UserAgent).Append('\t')
              .Append(e.RequestId).Append('\t').Append(e.LineNumber).AppendLine();
        }

        return sb.ToString();
    }
}
