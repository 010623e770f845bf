using S3Audit.Engine.Security;

namespace S3Audit.Engine.Tests.Security;

public class SecretMaskerTests
{
    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024", "fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024")]
    [InlineData("GET /b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAX%2F2026&X-Amz-Signature=deadbeef&X-Amz-Security-Token=IQoJb3JpZ2lu HTTP/1.1", "deadbeef")]
    [InlineData("GET /b/k?X-Amz-Security-Token=IQoJb3JpZ2luSECRET&X-Amz-Signature=aa HTTP/1.1", "IQoJb3JpZ2luSECRET")]
    [InlineData("{\"X-Amz-Security-Token\":\"FwoGZXIvYXdzEJr\"}", "FwoGZXIvYXdzEJr")]
    [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG", "wJalrXUtnFEMI/K7MDENG")]
    [InlineData("Cookie: session=abc123secret", "abc123secret")]
    [InlineData("{\"X-Amz-Server-Side-Encryption-Customer-Key\":\"c2VjcmV0a2V5\"}", "c2VjcmV0a2V5")]
    [InlineData("Authorization: AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=", "frJIUN8DYpKDtOLCwo//yllqDzg=")]
    public void MasksSecrets(string text, string secret)
    {
        string masked = SecretMasker.MaskText(text);
        Assert.DoesNotContain(secret, masked);
        Assert.Contains(SecretMasker.Mask, masked);
    }

    [Fact]
    public void KeepsTheAccessKeyOfASigV4Header() =>
        Assert.Contains("Credential=AKIAIOSFODNN7EXAMPLE/", SecretMasker.MaskText("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/s3/aws4_request, Signature=0123abcd"));

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "****MPLE")]
    [InlineData("abc", "****")]
    [InlineData("", "")]
    public void MasksAccessKeysToTheLastFour(string key, string expected) => Assert.Equal(expected, SecretMasker.MaskAccessKey(key));

    [Fact]
    public void PlainTextIsUntouched() => Assert.Equal("GET /bucket/key HTTP/1.1", SecretMasker.MaskText("GET /bucket/key HTTP/1.1"));
}
