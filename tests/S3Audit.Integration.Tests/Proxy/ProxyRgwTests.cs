using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Logs;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Proxy;

/// <summary>
/// AWSSDK.S3 and raw SigV4 clients → the logging gateway → RGW. The gateway's log, read by the module's own
/// access-log reader, is compared request by request with RGW's ops log for the same requests.
/// </summary>
public class ProxyRgwTests
{
    private static readonly HttpClient Http = new(new HttpClientHandler { UseProxy = false });

    private static byte[] RandomBytes(int count)
    {
        byte[] data = new byte[count];
        RandomNumberGenerator.Fill(data);
        return data;
    }

    [Fact]
    public async Task EveryRequestIsLoggedOnceAndMatchesRgwOpsLog()
    {
        using var proxy = new ProxyFixture(RgwServer.Endpoint, requester: "arn:aws:iam::123456789012:user/backup-agent");
        using AmazonS3Client s3 = proxy.Client();
        var raw = new RawSigV4(proxy.Endpoint, RgwServer.AccessKey, RgwServer.SecretKey);
        string bucket = RgwServer.UniqueBucket("proxy-ops");
        byte[] big = RandomBytes(6 * 1024 * 1024);
        RgwOpsLog mark = await RgwOpsLog.MarkAsync();
        try
        {
            await CheckEveryRequestAsync(proxy, s3, raw, bucket, big, mark);
        }
        finally
        {
            await RgwCleanup.RemoveBucketAsync(bucket);
        }
    }

    private static async Task CheckEveryRequestAsync(ProxyFixture proxy, AmazonS3Client s3, RawSigV4 raw, string bucket, byte[] big, RgwOpsLog mark)
    {

        await s3.PutBucketAsync(bucket);                                                                                   // CreateBucket
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "docs/a.txt", ContentBody = "alpha" });   // SDK: signed chunks + trailer
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "big.bin", InputStream = new MemoryStream(big) });
        using (GetObjectResponse get = await s3.GetObjectAsync(bucket, "big.bin"))
        {
            var copy = new MemoryStream();
            await get.ResponseStream.CopyToAsync(copy);
            Assert.Equal(big, copy.ToArray());
        }

        using (GetObjectResponse range = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "big.bin", ByteRange = new ByteRange(100, 1123) }))
        {
            var part = new MemoryStream();
            await range.ResponseStream.CopyToAsync(part);
            Assert.Equal(big.AsSpan(100, 1024).ToArray(), part.ToArray());
        }

        Assert.Equal(big.Length, (await s3.GetObjectMetadataAsync(bucket, "big.bin")).ContentLength);              // HeadObject
        Assert.Equal(2, (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects.Count);
        await s3.CopyObjectAsync(bucket, "docs/a.txt", bucket, "docs/copy.txt");

        InitiateMultipartUploadResponse upload = await s3.InitiateMultipartUploadAsync(bucket, "multi.bin");
        var etags = new List<PartETag>();
        for (int part = 1; part <= 2; part++)
        {
            UploadPartResponse uploaded = await s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket, Key = "multi.bin", UploadId = upload.UploadId, PartNumber = part,
                InputStream = new MemoryStream(big, (part - 1) * 5 * 1024 * 1024, part == 1 ? 5 * 1024 * 1024 : big.Length - 5 * 1024 * 1024),
            });
            etags.Add(new PartETag(part, uploaded.ETag));
        }

        await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = "multi.bin", UploadId = upload.UploadId, PartETags = etags });

        // Raw requests: signed chunks without trailer, an unsigned CRC32 trailer (what current SDKs send over HTTPS),
        // Expect: 100-continue, a presigned GET, and a GET of a missing key.
        byte[] chunked = RandomBytes(200_000);
        using (HttpResponseMessage put = await Http.SendAsync(raw.SignedChunkedPut($"/{bucket}/chunked.bin", chunked, 65536)))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        byte[] trailed = RandomBytes(150_000);
        using (HttpResponseMessage put = await Http.SendAsync(raw.UnsignedTrailerPut($"/{bucket}/trailer.bin", trailed, 65536)))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        HttpRequestMessage expect = raw.Plain("PUT", $"/{bucket}/expect.txt", string.Empty, "continue"u8.ToArray());
        expect.Headers.ExpectContinue = true;
        using (HttpResponseMessage put = await Http.SendAsync(expect))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Uri presigned = raw.PresignGet($"/{bucket}/chunked.bin", 300);
        Assert.Equal(chunked, await Http.GetByteArrayAsync(presigned));
        Assert.Equal(trailed, await Http.GetByteArrayAsync(raw.PresignGet($"/{bucket}/trailer.bin", 300)));
        using (HttpResponseMessage missing = await Http.SendAsync(raw.Plain("GET", $"/{bucket}/missing.txt", string.Empty)))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        DeleteObjectsResponse batch = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = bucket,
            Objects = new List<KeyVersion> { new() { Key = "docs/a.txt" }, new() { Key = "docs/copy.txt" } },
        });
        Assert.Equal(2, batch.DeletedObjects.Count);
        await s3.DeleteObjectAsync(bucket, "big.bin");

        IReadOnlyList<OpsLogEntry> ops = (await mark.SinceAsync()).Where(e => e.Bucket == bucket).ToList();
        List<S3AuditLogEntry> logged = await proxy.WaitForLogAsync(20);

        // Every request appears exactly once, nothing else does: 20 requests were made (no SDK retries), 20 lines with 20
        // distinct RGW request ids. RGW's ops log drops lines when its backlog is full (a loaded machine), so it is
        // matched the other way round: each of its lines is exactly one of the gateway's, field by field.
        Assert.Equal(20, logged.Count);
        Assert.Equal(logged.Count, logged.Select(e => e.RequestId).Distinct().Count());
        Assert.All(logged, e => Assert.Matches("^tx[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-default$", e.RequestId));
        Assert.True(ops.Count >= 10, $"RGW's ops log has only {ops.Count} of the 20 requests");
        Assert.Empty(ops.Select(o => o.RequestId).Except(logged.Select(e => e.RequestId)));
        foreach (S3AuditLogEntry entry in logged.Where(e => ops.Any(o => o.RequestId == e.RequestId)))
        {
            OpsLogEntry op = ops.Single(o => o.RequestId == entry.RequestId);
            string context = $"{entry.RawOperation} {entry.Key} ({op.Operation} {op.Uri})";
            string key = op.Object == "-" ? string.Empty : op.Object;
            Assert.True(SameOperation(entry.Operation, OperationNames.FromCeph(op.Operation, key.Length > 0, op.Uri)), context + ": operation " + entry.Operation);
            Assert.Equal(key, entry.Key);
            Assert.Equal(int.Parse(op.HttpStatus), entry.HttpStatus);
            Assert.True(op.BytesSent == entry.BytesSent || ChunkedOnTheWire(entry.BytesSent, op.BytesSent), $"{context}: RGW sent {op.BytesSent} bytes, the gateway logged {entry.BytesSent}");
        }

        Assert.All(logged, e => Assert.Equal((bucket, "arn:aws:iam::123456789012:user/backup-agent"), (e.BucketName, e.Requester)));

        Assert.Equal(2, logged.Count(e => e.Operation == "UploadPart"));
        Assert.Contains(logged, e => e.RawOperation == "REST.POST.MULTI_OBJECT_DELETE" && e.HttpStatus == 200);
        Assert.Contains(logged, e => e.RawOperation == "REST.COPY.OBJECT" && e.Key == "docs/copy.txt");
        Assert.Contains(logged, e => e.RawOperation == "REST.POST.UPLOAD" && e.Key == "multi.bin");
        Assert.Contains(logged, e => e.RawOperation == "REST.GET.OBJECT" && e.Key == "missing.txt" && e.HttpStatus == 404 && e.ErrorCode == "NoSuchKey");
        Assert.Contains(logged, e => e.Key == "big.bin" && e.HttpStatus == 206 && e.BytesSent == 1024 && e.ObjectSize == big.Length);
        Assert.Contains(logged, e => e.Key == "chunked.bin" && e.RawOperation == "REST.PUT.OBJECT" && e.ObjectSize == chunked.Length);
        Assert.Contains(logged, e => e.Key == "trailer.bin" && e.RawOperation == "REST.PUT.OBJECT" && e.ObjectSize == trailed.Length);

        // The presigned GET is logged as QueryString with its signature masked; no line holds a secret.
        List<string> lines = proxy.ReadLines();
        Assert.Equal(logged.Count, lines.Count);
        Assert.Contains(lines, l => l.Contains("X-Amz-Signature=***") && l.Contains(" QueryString "));
        Assert.DoesNotContain(lines, l => l.Contains(RgwServer.SecretKey) || l.Contains(presigned.Query.Split("X-Amz-Signature=")[1]));
        Assert.All(lines, l => Assert.Equal(26, FieldCountAfterUserAgent(l) + 17));
    }

    /// <summary>
    /// RGW counts the transfer-encoding framing of its chunked XML responses in bytes_sent ("2bf\r\n" data "\r\n" per
    /// chunk, "0\r\n\r\n" at the end); the access log counts the body, as AWS does. True when the difference is that
    /// framing for one to four chunks.
    /// </summary>
    private static bool ChunkedOnTheWire(long body, long rgw)
    {
        long difference = rgw - body;
        int hex = Math.Max(1, body.ToString("x").Length);
        return Enumerable.Range(1, 4).Any(k => difference >= 5 + k * 5 && difference <= 5 + k * (hex + 4));
    }

    /// <summary>RGW logs an uploaded part as put_obj.</summary>
    private static bool SameOperation(string gateway, string rgw) =>
        gateway == rgw || (gateway == "UploadPart" && rgw == "PutObject");

    /// <summary>Fields after the quoted User-Agent (9 in AWS's 26-field layout).</summary>
    private static int FieldCountAfterUserAgent(string line) => line.Substring(line.LastIndexOf('"') + 2).Split(' ').Length;

    [Fact]
    public async Task AWrongSecretGetsSignatureDoesNotMatchAndAnUnknownKeyInvalidAccessKeyIdAndBothAreLogged()
    {
        using var proxy = new ProxyFixture();
        string bucket = RgwServer.UniqueBucket("proxy-auth");
        RgwOpsLog mark = await RgwOpsLog.MarkAsync();
        using (AmazonS3Client wrong = proxy.Client(secretKey: "not-the-secret-key"))
        {
            var e = await Assert.ThrowsAsync<AmazonS3Exception>(() => wrong.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }));
            Assert.Equal("SignatureDoesNotMatch", e.ErrorCode);
            Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        }

        using (AmazonS3Client unknown = proxy.Client(accessKey: "AKIDUNKNOWNKEY000000", secretKey: "whatever"))
        {
            var e = await Assert.ThrowsAsync<AmazonS3Exception>(() => unknown.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "x", ContentBody = "x" }));
            Assert.Equal("InvalidAccessKeyId", e.ErrorCode);
            Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        }

        List<S3AuditLogEntry> logged = await proxy.WaitForLogAsync(2);
        Assert.Equal(2, logged.Count);
        Assert.Contains(logged, e => e.HttpStatus == 403 && e.ErrorCode == "SignatureDoesNotMatch" && e.Operation == "ListObjectsV2" && e.Requester == RgwServer.AccessKey);
        Assert.Contains(logged, e => e.HttpStatus == 403 && e.ErrorCode == "InvalidAccessKeyId" && e.Operation == "PutObject" && e.Requester == "AKIDUNKNOWNKEY000000");
        Assert.All(logged, e => Assert.Matches("^[0-9A-F]{16}$", e.RequestId));
        // Refused by the gateway: RGW never saw them.
        Assert.DoesNotContain(await mark.SinceAsync(), o => o.Bucket == bucket);
        Assert.DoesNotContain(proxy.ReadLines(), l => l.Contains("not-the-secret-key") || l.Contains(RgwServer.SecretKey));
    }

    [Fact]
    public async Task ABadChunkSignatureOrChecksumIsRefusedAndTheUpstreamStoresNothing()
    {
        using var proxy = new ProxyFixture();
        using AmazonS3Client direct = RgwServer.RawClient();
        var raw = new RawSigV4(proxy.Endpoint, RgwServer.AccessKey, RgwServer.SecretKey);
        string bucket = RgwServer.UniqueBucket("proxy-chunks");
        await direct.PutBucketAsync(bucket);
        try
        {
            await RefuseBadBodiesAsync(proxy, direct, raw, bucket);
        }
        finally
        {
            await RgwCleanup.RemoveBucketAsync(bucket);
        }
    }

    private static async Task RefuseBadBodiesAsync(ProxyFixture proxy, AmazonS3Client direct, RawSigV4 raw, string bucket)
    {

        using (HttpResponseMessage bad = await Http.SendAsync(raw.SignedChunkedPut($"/{bucket}/forged.bin", RandomBytes(200_000), 65536, corruptSecondChunk: true)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
            Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await bad.Content.ReadAsStringAsync());
        }

        using (HttpResponseMessage bad = await Http.SendAsync(raw.UnsignedTrailerPut($"/{bucket}/corrupt.bin", RandomBytes(100_000), 65536, wrongChecksum: true)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("<Code>BadDigest</Code>", await bad.Content.ReadAsStringAsync());
        }

        ListObjectsV2Response listing = await direct.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.Empty(listing.S3Objects ?? new List<S3Object>());
        List<S3AuditLogEntry> logged = await proxy.WaitForLogAsync(2);
        Assert.Contains(logged, e => e.Key == "forged.bin" && e.HttpStatus == 403 && e.ErrorCode == "SignatureDoesNotMatch");
        Assert.Contains(logged, e => e.Key == "corrupt.bin" && e.HttpStatus == 400 && e.ErrorCode == "BadDigest");
    }

    [Fact]
    public async Task AnUpstreamThatIsDownIsALogged503()
    {
        int closedPort = LoopbackPort.Free();
        using var proxy = new ProxyFixture($"http://127.0.0.1:{closedPort}");
        using AmazonS3Client s3 = proxy.Client();
        var e = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync("some-bucket", "some/key"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        List<S3AuditLogEntry> logged = await proxy.WaitForLogAsync(1);
        S3AuditLogEntry line = Assert.Single(logged);
        Assert.Equal((503, "ServiceUnavailable", "GetObject", "some-bucket", "some/key"), (line.HttpStatus, line.ErrorCode, line.Operation, line.BucketName, line.Key));
        Assert.Equal(1, proxy.Server.Snapshot().Errors);
    }
}
