using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Proxy;

/// <summary>
/// The upstream dies mid-transfer (a relay in front of RGW resets every connection): the gateway stays up, the
/// client gets an error, and the log has the request's line with its status.
/// </summary>
public class ProxyFaultRgwTests
{
    private const int ObjectBytes = 48 * 1024 * 1024;

    [Fact]
    public async Task TheUpstreamKilledMidDownloadCutsTheClientAndIsLogged()
    {
        string bucket = RgwServer.UniqueBucket("proxy-kill-get");
        try
        {
            await KillMidDownloadAsync(bucket);
        }
        finally
        {
            await RgwCleanup.RemoveBucketAsync(bucket);
        }
    }

    private static async Task KillMidDownloadAsync(string bucket)
    {
        byte[] data = new byte[ObjectBytes];
        RandomNumberGenerator.Fill(data);
        using (AmazonS3Client direct = RgwServer.RawClient())
        {
            await direct.PutBucketAsync(bucket);
            await direct.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "large.bin", InputStream = new MemoryStream(data) });
        }

        using var relay = new KillableTcpRelay(RgwServer.Endpoint);
        using var proxy = new ProxyFixture(relay.Endpoint);
        using AmazonS3Client s3 = proxy.Client();
        long received = 0;
        Exception? failure = null;
        try
        {
            using GetObjectResponse get = await s3.GetObjectAsync(bucket, "large.bin");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = await get.ResponseStream.ReadAsync(buffer)) > 0)
            {
                received += n;
                if (received >= 4 * 1024 * 1024 && relay.BytesToClient < ObjectBytes)
                {
                    relay.Kill();
                }
            }
        }
        catch (Exception e)
        {
            failure = e;
        }

        Assert.NotNull(failure);
        Assert.InRange(received, 4 * 1024 * 1024, ObjectBytes - 1);

        var line = (await proxy.WaitForLogAsync(1)).Single();
        Assert.Equal(("GetObject", 200, "UpstreamAborted"), (line.Operation, line.HttpStatus, line.ErrorCode));
        Assert.Equal(ObjectBytes, line.ObjectSize);
        Assert.InRange(line.BytesSent, received, ObjectBytes - 1);

        // The gateway is still up: the next request is answered (503: the upstream is gone) and logged.
        var next = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(bucket, "large.bin"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, next.StatusCode);
        Assert.Equal(2, (await proxy.WaitForLogAsync(2)).Count);
        Assert.Equal(2, proxy.Server.Snapshot().Errors);
    }

    [Fact]
    public async Task TheUpstreamKilledMidUploadFailsTheClientAndIsLogged()
    {
        string bucket = RgwServer.UniqueBucket("proxy-kill-put");
        try
        {
            await KillMidUploadAsync(bucket);
        }
        finally
        {
            await RgwCleanup.RemoveBucketAsync(bucket);
        }
    }

    private static async Task KillMidUploadAsync(string bucket)
    {
        using (AmazonS3Client direct = RgwServer.RawClient())
        {
            await direct.PutBucketAsync(bucket);
        }

        using var relay = new KillableTcpRelay(RgwServer.Endpoint);
        using var proxy = new ProxyFixture(relay.Endpoint);
        using AmazonS3Client s3 = proxy.Client();
        var body = new KillingStream(ObjectBytes, killAfter: 8 * 1024 * 1024, relay.Kill);
        await Assert.ThrowsAnyAsync<Exception>(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "upload.bin", InputStream = body }));

        var line = (await proxy.WaitForLogAsync(1)).Single();
        Assert.Equal("PutObject", line.Operation);
        Assert.Equal((502, "BadGateway"), (line.HttpStatus, line.ErrorCode));

        using (AmazonS3Client direct = RgwServer.RawClient())
        {
            ListObjectsV2Response listing = await direct.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
            Assert.Empty(listing.S3Objects ?? new List<S3Object>());
        }

        Assert.Equal("Running", proxy.Server.Snapshot().State);
    }

    /// <summary>A readable stream of zeros that calls <c>kill</c> once <c>killAfter</c> bytes were read.</summary>
    private sealed class KillingStream(long length, long killAfter, Action kill) : Stream
    {
        private long _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            if (_position >= killAfter && _position - n < killAfter)
            {
                kill();
                Thread.Sleep(200);
            }

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
