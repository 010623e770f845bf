using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Proxy;

public class ProxySmokeTests
{
    [Fact]
    public async Task PutAndGetThroughTheGateway()
    {
        using var proxy = new ProxyFixture();
        using AmazonS3Client s3 = proxy.Client();
        string bucket = RgwServer.UniqueBucket("proxy-smoke");
        try { await s3.PutBucketAsync(bucket); }
        catch (AmazonS3Exception e) { await Task.Delay(1500); foreach (string line in proxy.ReadLines()) Console.WriteLine("LOG " + line); throw new Exception(e.StatusCode + " " + e.ErrorCode, e); }
        try { await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "a b/c.txt", ContentBody = "hello gateway" }); }
        catch (AmazonS3Exception e) { await Task.Delay(1500); foreach (string line in proxy.ReadLines()) Console.WriteLine("LOG " + line); throw new Exception(e.StatusCode + " " + e.ErrorCode, e); }
        using GetObjectResponse get = await s3.GetObjectAsync(bucket, "a b/c.txt");
        using var reader = new StreamReader(get.ResponseStream);
        Assert.Equal("hello gateway", await reader.ReadToEndAsync());
        var entries = await proxy.WaitForLogAsync(3);
        foreach (string line in proxy.ReadLines()) Console.WriteLine(line);
        Assert.Equal(3, entries.Count);
    }
}
