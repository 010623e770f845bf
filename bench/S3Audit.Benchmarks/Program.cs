using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit;
using S3Audit.Benchmarks;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;

// Each figure is a ratio to a floor measured in this run on this machine, printed as one JSON object per line.
string dir = Path.Combine(Path.GetTempPath(), "s3audit-bench");
Directory.CreateDirectory(dir);
string mode = args.Length > 0 ? args[0] : "cpu";
long mb = 1024 * 1024;

if (mode == "cpu")
{
    string access = Data.Write(Path.Combine(dir, "access.log"), 300 * mb, Data.AccessLine);
    string accessGz = Data.Gzip(access, access + ".gz");
    string minio = Data.Write(Path.Combine(dir, "minio.jsonl"), 200 * mb, Data.MinioLine);

    // (1) plain access log vs StreamReader.ReadLine (rates in lines read per second, whatever the filter keeps)
    long accessLines = File.ReadLines(access).LongCount();
    double readLines = Best(() => { long n = 0; using var r = new StreamReader(access); while (r.ReadLine() != null) n++; return n; });
    long accessEntries = 0;
    double parse = Best(() => accessEntries = Count(access, new LogFilter()));
    double parse1Pct = Best(() => { Count(access, new LogFilter { Operation = { "PutObject" } }); return accessLines; });
    Report("access-log parse vs ReadLine", parse, readLines, 0.30, "lines/s");
    Report("access-log parse, 1% filter vs ReadLine", parse1Pct, readLines, 0.60, "lines/s");

    // (2) gzip end to end vs decompression alone (same output bytes)
    GzipEndToEnd(access, accessGz, accessEntries);

    // (4) summarizer
    var entries = AuditLogParser.Parse(File.OpenRead(access), "access.log").Take(2_000_000).ToList();
    double summarize = Best(() =>
    {
        var s = new LogSummarizer(new[] { S3AuditLogDimension.Operation, S3AuditLogDimension.RemoteIp });
        foreach (S3AuditLogEntry e in entries) s.Add(e);
        s.GetSummary(10);
        return entries.Count;
    });
    Console.WriteLine(JsonSerializer.Serialize(new { figure = "Measure engine (Operation, RemoteIp)", rate = Math.Round(summarize), unit = "entries/s", target = 1_000_000, pass = summarize >= 1_000_000 }));
    entries.Clear();

    // (3) MinIO JSON with the filter jq runs (printed for the script, which times jq itself)
    long minioLines = File.ReadLines(minio).LongCount();
    double minioErrors = Best(() => { Count(minio, new LogFilter { ErrorsOnly = true }); return minioLines; });
    Console.WriteLine(JsonSerializer.Serialize(new { figure = "minio-errors", rate = Math.Round(minioErrors), unit = "lines/s", file = minio, lines = minioLines }));
}
else if (mode == "gzip")
{
    // (2) alone, for working on it: also how parsing the same data without gzip compares.
    string access = Data.Write(Path.Combine(dir, "access.log"), 300 * mb, Data.AccessLine);
    string accessGz = Data.Gzip(access, access + ".gz");
    long plainBytes = new FileInfo(access).Length;
    long plainEntries = 0;
    var (inflate, plain) = Alternating(
        () => { using var gz = new GZipStream(File.OpenRead(accessGz), CompressionMode.Decompress); gz.CopyTo(Stream.Null); return plainBytes; },
        () => { plainEntries = Count(access, new LogFilter()); return plainBytes; });
    Report("plain access log to entries vs gzip decompression alone", plain, inflate, 0, "bytes/s");
    GzipEndToEnd(access, accessGz, plainEntries);
}
else if (mode == "memory")
{
    // (6) peak memory while reading 2 GB of logs through the Get-S3AuditLogEntry engine (8 × 256 MB files, gzip and plain).
    string access = Data.Write(Path.Combine(dir, "access.log"), 300 * mb, Data.AccessLine);
    var files = new List<string>();
    long total = 0;
    for (int i = 0; total < 2048 * mb; i++)
    {
        files.Add(access);
        total += new FileInfo(access).Length;
    }

    long entries = 0;
    var output = new DiscardingOutput();
    var sw = Stopwatch.StartNew();
    new LogEntryReader().RunAsync(new LogReadRequest { Paths = files, KeepDuplicates = false }, _ => Interlocked.Increment(ref entries), output, CancellationToken.None).GetAwaiter().GetResult();
    long peak = Process.GetCurrentProcess().PeakWorkingSet64;
    Console.WriteLine(JsonSerializer.Serialize(new { figure = "peak memory reading 2 GB (same file 8 times, dedupe on)", bytesRead = total, entries, seconds = Math.Round(sw.Elapsed.TotalSeconds, 1), peakMB = peak / mb, targetMB = 300, pass = peak < 300 * mb }));
}
else if (mode == "memory-distinct")
{
    // (6b) 2 GB (or the MB given) of distinct lines (generated, no disk) through the parser and duplicate removal.
    long size = (args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 2048) * mb;
    var dedupe = new RequestDeduplicator();
    long entries = 0;
    var sw = Stopwatch.StartNew();
    foreach (S3AuditLogEntry e in AuditLogParser.Parse(new GeneratedLogStream(size), "generated"))
    {
        if (!dedupe.IsDuplicate(e)) entries++;
    }

    long peak = Process.GetCurrentProcess().PeakWorkingSet64;
    Console.WriteLine(JsonSerializer.Serialize(new { figure = $"peak memory, {size / mb} MB of distinct lines, dedupe on", bytesRead = size, entries, dedupe.Forgotten, seconds = Math.Round(sw.Elapsed.TotalSeconds, 1), peakMB = peak / mb, targetMB = 300, pass = peak < 300 * mb }));
}
else if (mode == "export")
{
    // (7) Export-S3AuditLog's engine on the plain access log: rate vs the engine's parse rate (alternating rounds), and
    // the Parquet output's size vs gzip of the same text.
    string access = Data.Write(Path.Combine(dir, "access.log"), 300 * mb, Data.AccessLine);
    string accessGz = Data.Gzip(access, access + ".gz");
    long lines = File.ReadLines(access).LongCount();
    long parquetBytes = 0, rows = 0;
    var (parse, export) = Alternating(
        () => { Count(access, new LogFilter()); return lines; },
        () => { (rows, parquetBytes) = LakeExportBench.Export(access, dir); return lines; });
    if (rows != lines) throw new InvalidOperationException($"exported {rows} rows of {lines} lines");
    Report("export to Parquet (Zstd) vs the engine's parse rate", export, parse, 0.5, "lines/s");
    // CPU time, which a busy machine does not inflate: the export's two threads need this much against parsing alone.
    double parseCpu = CpuMicrosecondsPerUnit(() => Count(access, new LogFilter()), lines);
    double exportCpu = CpuMicrosecondsPerUnit(() => LakeExportBench.Export(access, dir), lines);
    Console.WriteLine(JsonSerializer.Serialize(new { figure = "CPU time per line, export vs parsing alone", exportMicroseconds = Math.Round(exportCpu, 2), parseMicroseconds = Math.Round(parseCpu, 2), ratio = Math.Round(exportCpu / parseCpu, 2) }));
    long gzipBytes = new FileInfo(accessGz).Length;
    Console.WriteLine(JsonSerializer.Serialize(new { figure = "Parquet output vs gzip of the same text", parquetBytes, gzipBytes, ratio = Math.Round((double)parquetBytes / gzipBytes, 3), target = 1.0, pass = parquetBytes <= gzipBytes }));
}
else if (mode == "export-stages")
{
    // For working on (7): the encoder's stages alone on parsed entries held in memory (rows/s), beside the parse rate.
    string access = Data.Write(Path.Combine(dir, "access.log"), 300 * mb, Data.AccessLine);
    var entries = AuditLogParser.Parse(File.OpenRead(access), access).Take(500_000).ToList();
    double parse = Best(() => AuditLogParser.Parse(File.OpenRead(access), access).Take(500_000).LongCount());
    long lines = File.ReadLines(access).LongCount();
    var (fileParse, reader) = Alternating(
        () => { Count(access, new LogFilter()); return lines; },
        () => { LakeExportBench.ReadOnly(access); return lines; });
    Report("Get-S3AuditLogEntry's reader (duplicate removal, no export) vs the engine's parse rate", reader, fileParse, 0, "lines/s");
    Report("duplicate removal alone on parsed entries, vs parsing the same lines", Best(() => { var d = new RequestDeduplicator(); foreach (var e in entries) d.IsDuplicate(e); return entries.Count; }), parse, 0, "rows/s");
    foreach (var (stage, rate) in LakeExportBench.EncoderStages(entries, dir))
    {
        Report($"Parquet encoder: {stage}, vs parsing the same lines", rate, parse, 0, "rows/s");
    }
}
else if (mode == "export-memory")
{
    // (8) peak memory exporting 2 GB (or the MB given) of distinct lines (generated, no disk) through parser, dedupe and the lake writer.
    long size = (args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 2048) * mb;
    var sw = Stopwatch.StartNew();
    (long rows, long bytes) = LakeExportBench.ExportGenerated(size, dir);
    long peak = Process.GetCurrentProcess().PeakWorkingSet64;
    Console.WriteLine(JsonSerializer.Serialize(new { figure = $"peak memory exporting {size / mb} MB of distinct lines to Parquet", bytesRead = size, rows, parquetBytes = bytes, seconds = Math.Round(sw.Elapsed.TotalSeconds, 1), peakMB = peak / mb, targetMB = 400, pass = peak < 400 * mb }));
}
else if (mode == "gateway")
{
    // (10) the logging gateway vs RGW direct (GET/PUT 64 MiB, 16 concurrent small GETs, memory while 2 GiB pass)
    await GatewayBench.RunAsync();
}
else if (mode == "gateway-server")
{
    GatewayBench.Serve(args[1], args[2]);
}
else if (mode == "rgw")
{
    // (5) 5,000 small log objects from RGW: -ThrottleLimit 16 vs 1.
    string endpoint = Environment.GetEnvironmentVariable("S3_ENDPOINT") ?? throw new InvalidOperationException("S3_ENDPOINT is not set: start RGW (tests/server/s3-ceph.sh) and source its s3.env.");
    string ak = Environment.GetEnvironmentVariable("S3_ACCESS_KEY")!, sk = Environment.GetEnvironmentVariable("S3_SECRET_KEY")!;
    int objects = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000;
    string bucket = "bench-logs-" + objects;
    using var s3 = new AmazonS3Client(new BasicAWSCredentials(ak, sk), new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
    await s3.PutBucketAsync(bucket);
    var existing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1000 });
    if ((existing.S3Objects?.Count ?? 0) < 1000)
    {
        var start = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        await BoundedParallel.ForEachAsync(Enumerable.Range(0, objects), 32, async (i, token) =>
        {
            string body = string.Concat(Enumerable.Range(0, 10).Select(l => Data.AccessLine(i * 10L + l) + "\n"));
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = $"logs/{start.AddSeconds(i):yyyy-MM-dd-HH-mm-ss}-{i:X8}", ContentBody = body }, token);
        }, CancellationToken.None);
    }

    using S3Session session = S3Session.Open(new S3ConnectionOptions { EndpointUrl = endpoint, AccessKey = ak, SecretKey = sk, Region = "us-east-1", Provider = S3Provider.Ceph });
    double Run(int throttle)
    {
        long n = 0;
        var sw = Stopwatch.StartNew();
        new LogEntryReader(session).RunAsync(new LogReadRequest { BucketName = bucket, Prefix = "logs/", ThrottleLimit = throttle }, _ => Interlocked.Increment(ref n), new DiscardingOutput(), CancellationToken.None).GetAwaiter().GetResult();
        if (n != objects * 10L) throw new InvalidOperationException($"read {n} entries, expected {objects * 10}");
        return objects / sw.Elapsed.TotalSeconds;
    }

    Run(16); // warm-up
    double one = Run(1);
    double sixteen = Run(16);
    Report($"{objects} small log objects from RGW, ThrottleLimit 16 vs 1", sixteen, one, 6.0, "objects/s");
}
else if (mode == "html")
{
    // (9) The HTML report of N findings (10,000 by default): size, write time, and headless Chromium's load time.
    await HtmlReportBench.RunAsync(dir, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
}
else if (mode == "html-pages")
{
    // [rounds] and pages given as files (e.g. variants of a report) loaded alternately in headless Chromium: the figures of (9) for each.
    int rounds = 7;
    bool counted = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out rounds);
    await HtmlReportBench.ComparePagesAsync(args[(counted ? 2 : 1)..], counted ? rounds : 7);
}

// Every entry, and with the 1% filter; the entry count must match the plain file's (plainEntries, counted by the caller).
// Each figure alternates with its floor, round by round, so that a slow spell of this shared machine hits both alike.
static void GzipEndToEnd(string plain, string gzip, long plainEntries)
{
    long plainBytes = new FileInfo(plain).Length;
    long got = 0;
    Func<long> inflate = () => { using var gz = new GZipStream(File.OpenRead(gzip), CompressionMode.Decompress); gz.CopyTo(Stream.Null); return plainBytes; };
    var (floor, all) = Alternating(inflate, () => { got = Count(gzip, new LogFilter()); return plainBytes; });
    if (got != plainEntries) throw new InvalidOperationException($"gzip gave {got} entries, the plain file {plainEntries}");
    var (floor1, filtered) = Alternating(inflate, () => { Count(gzip, new LogFilter { Operation = { "PutObject" } }); return plainBytes; });
    // The pipeline with nothing after the line split: how much of inflation's speed survives two threads here.
    var (floor2, linesOnly) = Alternating(inflate, () =>
    {
        using var stream = new ReadAheadStream(GzipEndCheck.Wrap(File.OpenRead(gzip)));
        using var lines = new LineReader(stream);
        while (lines.TryReadLine(out _)) { }
        return plainBytes;
    });
    // Less still: whole chunks handed to the second thread and given back untouched.
    var (floor3, chunksOnly) = Alternating(inflate, () =>
    {
        using var stream = new ReadAheadStream(GzipEndCheck.Wrap(File.OpenRead(gzip)), indexLineBreaks: false);
        while (stream.TryTakeChunk(out ReadAheadStream.Chunk chunk)) chunk.Release();
        return plainBytes;
    });
    Console.WriteLine(JsonSerializer.Serialize(new { figure = "gzip compression ratio", ratio = Math.Round((double)plainBytes / new FileInfo(gzip).Length, 2) }));
    Report("gzip access log end to end, every entry, vs decompression alone", all, floor, 0.80, "bytes/s");
    Report("gzip access log end to end, 1% filter, vs decompression alone", filtered, floor1, 0.80, "bytes/s");
    Report("gzip lines only, no parsing, vs decompression alone", linesOnly, floor2, 0, "bytes/s");
    Report("gzip chunks handed over untouched, vs decompression alone", chunksOnly, floor3, 0, "bytes/s");
}

// Best of five rounds of each, floor and work taking turns.
static (double Floor, double Work) Alternating(Func<long> floor, Func<long> work)
{
    double bestFloor = 0, bestWork = 0;
    for (int i = 0; i < 5; i++)
    {
        var sw = Stopwatch.StartNew();
        long units = floor();
        bestFloor = Math.Max(bestFloor, units / sw.Elapsed.TotalSeconds);
        sw.Restart();
        units = work();
        bestWork = Math.Max(bestWork, units / sw.Elapsed.TotalSeconds);
    }

    return (bestFloor, bestWork);
}

static long Count(string path, LogFilter filter)
{
    long n = 0;
    foreach (S3AuditLogEntry _ in AuditLogParser.Parse(File.OpenRead(path), path, new LogReadOptions { Filter = filter }, null)) n++;
    return n;
}

static double CpuMicrosecondsPerUnit(Action work, long units)
{
    using Process self = Process.GetCurrentProcess();
    TimeSpan before = self.TotalProcessorTime;
    work();
    self.Refresh();
    return (self.TotalProcessorTime - before).TotalMilliseconds * 1000 / units;
}

// Best of three: units per second.
static double Best(Func<long> work)
{
    double best = 0;
    for (int i = 0; i < 3; i++)
    {
        var sw = Stopwatch.StartNew();
        long units = work();
        best = Math.Max(best, units / sw.Elapsed.TotalSeconds);
    }

    return best;
}

static void Report(string figure, double rate, double floor, double target, string unit) =>
    Console.WriteLine(JsonSerializer.Serialize(new { figure, rate = Math.Round(rate), floor = Math.Round(floor), unit, ratio = Math.Round(rate / floor, 3), target, pass = rate / floor >= target }));

/// <summary>Discards engine output; errors go to stderr.</summary>
internal sealed class DiscardingOutput : IAuditOutput
{
    public void WriteObject(object item) { }
    public void WriteError(S3Audit.Engine.Errors.AuditError error) => Console.Error.WriteLine(error);
    public void WriteWarning(string message) { }
    public void WriteVerbose(string message) { }
    public void WriteProgress(AuditProgress progress) { }
}
