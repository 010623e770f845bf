using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;

namespace S3Audit.TestSupport
{
    /// <summary>One request in radosgw's ops log.</summary>
    public sealed record OpsLogEntry(string Bucket, string Operation, string Uri, string HttpStatus)
    {
        /// <summary>GET, PUT, POST, DELETE, HEAD.</summary>
        public string Method => Uri.Split(' ')[0];

        /// <summary>True for a request that can change state.</summary>
        public bool IsWrite => Method is "PUT" or "POST" or "DELETE";

        /// <summary>The object key ("object"), empty for bucket requests.</summary>
        public string Object { get; init; } = string.Empty;

        /// <summary>RGW's request id ("trans_id"), the x-amz-request-id it answered with.</summary>
        public string RequestId { get; init; } = string.Empty;

        /// <summary>Response bytes RGW sent ("bytes_sent").</summary>
        public long BytesSent { get; init; }

        /// <summary>Request bytes RGW received ("bytes_received").</summary>
        public long BytesReceived { get; init; }
    }

    /// <summary>
    /// radosgw's per-request ops log (S3_OPS_LOG): mark a position, do something, then read what was requested since.
    /// The log is written asynchronously, so <see cref="SinceAsync"/> sends a sentinel request and reads until it appears.
    /// </summary>
    public sealed class RgwOpsLog
    {
        private const string SentinelBucket = "opslog-sentinel";
        private readonly long _start;

        private RgwOpsLog(long start) => _start = start;

        /// <summary>Marks the end of the log once every request made so far is in it (a sentinel request shows when).</summary>
        public static async Task<RgwOpsLog> MarkAsync()
        {
            var probe = new RgwOpsLog(new FileInfo(RgwServer.OpsLogPath).Length);
            await probe.ReadUntilSentinelAsync();
            return new RgwOpsLog(new FileInfo(RgwServer.OpsLogPath).Length);
        }

        /// <summary>Every request logged after the mark, up to a sentinel request sent now.</summary>
        public async Task<IReadOnlyList<OpsLogEntry>> SinceAsync()
        {
            IReadOnlyList<OpsLogEntry> entries = await ReadUntilSentinelAsync();
            return entries.Where(e => e.Bucket != SentinelBucket).ToList();
        }

        private async Task<IReadOnlyList<OpsLogEntry>> ReadUntilSentinelAsync()
        {
            // RGW does not log requests for missing buckets: list a unique prefix of an existing bucket instead.
            string sentinel = await SendSentinelAsync();
            DateTime deadline = DateTime.UtcNow.AddSeconds(60), resendAt = DateTime.UtcNow.AddSeconds(5);
            while (true)
            {
                List<OpsLogEntry> entries = Read();
                int end = entries.FindIndex(e => e.Uri.Contains(sentinel));
                if (end >= 0)
                {
                    return entries.Take(end).ToList();
                }

                if (DateTime.UtcNow > resendAt)
                {
                    // radosgw drops log lines beyond its backlog: ask again with a new sentinel.
                    sentinel = await SendSentinelAsync();
                    resendAt = DateTime.UtcNow.AddSeconds(5);
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The sentinel request never reached the ops log {RgwServer.OpsLogPath}.");
                }

                await Task.Delay(100);
            }
        }

        /// <summary>The requests since the mark that can change state, touching any of the buckets (tests run in parallel, so name them).</summary>
        public async Task<IReadOnlyList<OpsLogEntry>> WritesSinceAsync(params string[] buckets) =>
            (await SinceAsync()).Where(e => e.IsWrite && buckets.Contains(e.Bucket)).ToList();

        private static async Task<string> SendSentinelAsync()
        {
            string sentinel = "sentinel-" + Guid.NewGuid().ToString("N");
            using AmazonS3Client s3 = RgwServer.RawClient();
            try
            {
                await s3.PutBucketAsync(SentinelBucket);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "BucketAlreadyOwnedByYou" || e.ErrorCode == "BucketAlreadyExists")
            {
            }

            await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = SentinelBucket, Prefix = sentinel });
            return sentinel;
        }

        private List<OpsLogEntry> Read()
        {
            using var stream = new FileStream(RgwServer.OpsLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(_start, SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var entries = new List<OpsLogEntry>();
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (!line.StartsWith("{", StringComparison.Ordinal) || !line.EndsWith("}", StringComparison.Ordinal))
                {
                    continue;
                }

                try
                {
                    using JsonDocument json = JsonDocument.Parse(line);
                    JsonElement root = json.RootElement;
                    entries.Add(new OpsLogEntry(Text(root, "bucket"), Text(root, "operation"), Text(root, "uri"), Text(root, "http_status"))
                    {
                        Object = Text(root, "object"),
                        RequestId = Text(root, "trans_id"),
                        BytesSent = Number(root, "bytes_sent"),
                        BytesReceived = Number(root, "bytes_received"),
                    });
                }
                catch (JsonException)
                {
                    // A line radosgw is still writing; the sentinel comes after it, so the next read sees it whole.
                }
            }

            return entries;
        }

        private static long Number(JsonElement root, string name) =>
            root.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;

        private static string Text(JsonElement root, string name) => root.TryGetProperty(name, out JsonElement v) ? v.ToString() : string.Empty;
    }
}
