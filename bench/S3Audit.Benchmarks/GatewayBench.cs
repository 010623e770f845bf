using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Proxy;

namespace S3Audit.Benchmarks;

/// <summary>
/// (7) The logging gateway (Start-S3AuditProxy's engine) against RGW direct, in one run: 64 MiB GET and PUT, 16
/// concurrent clients of small-object GETs, and the gateway's memory while a 2 GiB object passes each way. The gateway
/// runs in a child process (mode gateway-server) so its memory is its own; each figure alternates gateway and direct
/// rounds so a slow spell of this shared machine hits both alike.
/// </summary>
internal static class GatewayBench
{
    private const long MiB = 1024 * 1024;

    public static async Task RunAsync()
    {
        string endpoint = Environment.GetEnvironmentVariable("S3_ENDPOINT") ?? throw new InvalidOperationException("S3_ENDPOINT is not set: start RGW (tests/server/s3-ceph.sh) and source its s3.env.");
        string ak = Environment.GetEnvironmentVariable("S3_ACCESS_KEY")!, sk = Environment.GetEnvironmentVariable("S3_SECRET_KEY")!;
        string logs = Path.Combine(Path.GetTempPath(), "s3audit-bench-gateway-" + Environment.ProcessId);
        using var gateway = GatewayProcess.Start(endpoint, logs, ak, sk);
        using AmazonS3Client direct = Client(endpoint, ak, sk), proxied = Client(gateway.Endpoint, ak, sk);

        string bucket = "bench-gateway";
        try { await direct.PutBucketAsync(bucket); } catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists") { }
        byte[] big = new byte[64 * MiB];
        new Random(7).NextBytes(big);
        await direct.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "get-64m", InputStream = new MemoryStream(big) });
        await direct.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "small", ContentBody = new string('x', 1024) });

        async Task<long> Get(AmazonS3Client c)
        {
            using GetObjectResponse r = await c.GetObjectAsync(bucket, "get-64m");
            await r.ResponseStream.CopyToAsync(Stream.Null);
            return big.Length;
        }

        async Task<long> Put(AmazonS3Client c)
        {
            await c.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "put-64m", InputStream = new MemoryStream(big, writable: false) });
            return big.Length;
        }

        var (getDirect, getGateway) = await AlternatingAsync(() => Get(direct), () => Get(proxied), 5);
        Report("64 MiB GET through the gateway vs RGW direct", getGateway, getDirect, 0.8, "bytes/s");
        var (putDirect, putGateway) = await AlternatingAsync(() => Put(direct), () => Put(proxied), 5);
        Report("64 MiB PUT through the gateway vs RGW direct", putGateway, putDirect, 0.8, "bytes/s");

        async Task<long> SmallGets(AmazonS3Client c)
        {
            const int PerClient = 150;
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            {
                for (int i = 0; i < PerClient; i++)
                {
                    using GetObjectResponse r = await c.GetObjectAsync(bucket, "small");
                    await r.ResponseStream.CopyToAsync(Stream.Null);
                }
            }));
            return 16 * PerClient;
        }

        var (smallDirect, smallGateway) = await AlternatingAsync(() => SmallGets(direct), () => SmallGets(proxied), 3);
        Report("16 clients, 1 KiB GETs through the gateway vs RGW direct", smallGateway, smallDirect, 0.7, "requests/s");
        gateway.Stop();
        foreach (string key in new[] { "get-64m", "put-64m", "small" })
        {
            await direct.DeleteObjectAsync(bucket, key); // the test RGW stores in 1 GiB of RAM
        }

        Console.WriteLine(JsonSerializer.Serialize(new { figure = "gateway log lines written during the run", lines = CountLines(logs) }));
        await MemoryAsync(ak, sk);
        Directory.Delete(logs, recursive: true);
    }

    /// <summary>The gateway's resident memory while 2 GiB pass each way (to a stand-in upstream: the test RGW stores in 1 GiB of RAM).</summary>
    private static async Task MemoryAsync(string ak, string sk)
    {
        using var upstream = new NullUpstream();
        string logs = Path.Combine(Path.GetTempPath(), "s3audit-bench-gateway-mem-" + Environment.ProcessId);
        using var gateway = GatewayProcess.Start(upstream.Endpoint, logs, ak, sk);
        using AmazonS3Client proxied = Client(gateway.Endpoint, ak, sk);
        long idle = gateway.ResidentBytes();
        long peak = idle;
        using var sampling = new CancellationTokenSource();
        Task sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, gateway.ResidentBytes());
                await Task.Delay(50);
            }
        });

        var sw = Stopwatch.StartNew();
        long size = 2048 * MiB;
        using (GetObjectResponse r = await proxied.GetObjectAsync("bench", "two-gib"))
        {
            long read = 0;
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = await r.ResponseStream.ReadAsync(buffer)) > 0) read += n;
            if (read != size) throw new InvalidOperationException($"read {read} bytes of {size}");
        }

        await proxied.PutObjectAsync(new PutObjectRequest { BucketName = "bench", Key = "two-gib", InputStream = new ZeroStream(size) });
        double seconds = sw.Elapsed.TotalSeconds;
        sampling.Cancel();
        await sampler;
        peak = Math.Max(peak, gateway.ResidentBytes());
        if (upstream.BytesReceived < size) throw new InvalidOperationException($"the upstream received {upstream.BytesReceived} bytes of {size}");
        gateway.Stop();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            figure = "gateway resident memory while 2 GiB pass each way (GET then PUT)",
            idleMB = idle / MiB, peakMB = peak / MiB, growthMB = (peak - idle) / MiB, seconds = Math.Round(seconds, 1), targetMB = 150, pass = peak < 150 * MiB,
        }));
        Directory.Delete(logs, recursive: true);
    }

    private static AmazonS3Client Client(string endpoint, string ak, string sk) =>
        new(new BasicAWSCredentials(ak, sk), new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0, Timeout = TimeSpan.FromMinutes(10) });

    /// <summary>Runs floor and work in turns, <paramref name="rounds"/> each after a warm-up; best rate of each.</summary>
    private static async Task<(double Floor, double Work)> AlternatingAsync(Func<Task<long>> floor, Func<Task<long>> work, int rounds)
    {
        await floor();
        await work();
        double bestFloor = 0, bestWork = 0;
        for (int i = 0; i < rounds; i++)
        {
            var sw = Stopwatch.StartNew();
            long units = await floor();
            bestFloor = Math.Max(bestFloor, units / sw.Elapsed.TotalSeconds);
            sw.Restart();
            units = await work();
            bestWork = Math.Max(bestWork, units / sw.Elapsed.TotalSeconds);
        }

        return (bestFloor, bestWork);
    }

    private static void Report(string figure, double rate, double floor, double target, string unit) =>
        Console.WriteLine(JsonSerializer.Serialize(new { figure, rate = Math.Round(rate), floor = Math.Round(floor), unit, ratio = Math.Round(rate / floor, 3), target, pass = rate / floor >= target }));

    private static long CountLines(string folder) => Directory.GetFiles(folder).Sum(f => File.ReadLines(f).LongCount());

    /// <summary>The gateway in its own process (this program in mode gateway-server), stopped by closing its stdin.</summary>
    private sealed class GatewayProcess : IDisposable
    {
        private readonly Process _process;

        private GatewayProcess(Process process, string endpoint)
        {
            _process = process;
            Endpoint = endpoint;
        }

        public string Endpoint { get; }

        public static GatewayProcess Start(string upstream, string logs, string ak, string sk)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(typeof(GatewayBench).Assembly.Location);
            start.ArgumentList.Add("gateway-server");
            start.ArgumentList.Add(upstream);
            start.ArgumentList.Add(logs);
            start.Environment["S3_ACCESS_KEY"] = ak;
            start.Environment["S3_SECRET_KEY"] = sk;
            Process process = Process.Start(start)!;
            string endpoint = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the gateway process did not start");
            return new GatewayProcess(process, endpoint);
        }

        /// <summary>VmRSS of the gateway process.</summary>
        public long ResidentBytes()
        {
            foreach (string line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
                }
            }

            return 0;
        }

        public void Stop()
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                _process.WaitForExit(30_000);
            }
        }

        public void Dispose()
        {
            Stop();
            _process.Dispose();
        }
    }

    /// <summary>Mode gateway-server: starts a gateway, prints its endpoint, stops when stdin closes.</summary>
    public static void Serve(string upstream, string logs)
    {
        using S3Session session = S3Session.Open(new S3ConnectionOptions
        {
            EndpointUrl = upstream, AccessKey = Environment.GetEnvironmentVariable("S3_ACCESS_KEY"), SecretKey = Environment.GetEnvironmentVariable("S3_SECRET_KEY"),
            Region = "us-east-1", Provider = S3Provider.Ceph,
        });
        ProxyServer server = ProxyServer.Start(new ProxyStartRequest { Upstream = new Uri(upstream), LogPath = logs }, session);
        Console.WriteLine(server.Endpoint);
        Console.Out.Flush();
        Console.In.ReadToEnd();
        server.Stop(TimeSpan.FromSeconds(10));
    }

    /// <summary>A stand-in upstream for the 2 GiB pass: answers GET with that many zero bytes and drains PUT bodies.</summary>
    private sealed class NullUpstream : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private long _received;

        public NullUpstream()
        {
            _listener.Start();
            Endpoint = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
            _ = Task.Run(async () =>
            {
                while (true)
                {
                    TcpClient client;
                    try { client = await _listener.AcceptTcpClientAsync(); } catch (Exception) { return; }
                    _ = Task.Run(() => Serve(client));
                }
            });
        }

        public string Endpoint { get; }

        public long BytesReceived => Interlocked.Read(ref _received);

        private async Task Serve(TcpClient client)
        {
            using (client)
            {
                NetworkStream stream = client.GetStream();
                byte[] buffer = new byte[1 << 20];
                while (true)
                {
                    string? head = await ReadHeadAsync(stream);
                    if (head == null) return;
                    string[] lines = head.Split("\r\n");
                    string method = lines[0].Split(' ')[0];
                    long length = lines.Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).Select(l => long.Parse(l.Substring(15).Trim())).FirstOrDefault();
                    bool expect = lines.Any(l => l.StartsWith("Expect:", StringComparison.OrdinalIgnoreCase));
                    if (method == "PUT")
                    {
                        if (expect) await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n"));
                        for (long left = length; left > 0;)
                        {
                            int n = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)));
                            if (n == 0) return;
                            left -= n;
                            Interlocked.Add(ref _received, n);
                        }

                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nx-amz-request-id: null-upstream\r\nETag: \"0\"\r\n\r\n"));
                        continue;
                    }

                    long size = 2048 * MiB;
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {size}\r\nContent-Type: application/octet-stream\r\nx-amz-request-id: null-upstream\r\n\r\n"));
                    Array.Clear(buffer);
                    for (long left = size; left > 0; left -= buffer.Length)
                    {
                        await stream.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)));
                    }
                }
            }
        }

        private static async Task<string?> ReadHeadAsync(NetworkStream stream)
        {
            var head = new StringBuilder();
            byte[] one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await stream.ReadAsync(one) == 0) return null;
                head.Append((char)one[0]);
            }

            return head.ToString();
        }

        public void Dispose() => _listener.Stop();
    }

    /// <summary>A readable stream of zeros of a given length.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
