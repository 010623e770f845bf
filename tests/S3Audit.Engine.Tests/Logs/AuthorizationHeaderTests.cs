using System.Text;
using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>Only the access key id is taken from a logged Authorization header, never the signature.</summary>
public class AuthorizationHeaderTests
{
    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIA123/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=ab", "AKIA123")]
    [InlineData("AWS4-HMAC-SHA256 Credential=svc-backup/20240502/us-east-1/s3/aws4_request,SignedHeaders=host,Signature=0a1b", "svc-backup")]
    [InlineData("AWS AKIA999:c2lnbmF0dXJl", "AKIA999")]
    [InlineData("AWS :c2lnbmF0dXJl", "")]
    [InlineData("Credential=/20260101", "")]
    [InlineData("Bearer xyz", "")]
    [InlineData("", "")]
    public void FindsTheAccessKeyAndNothingElse(string header, string expected) =>
        Assert.Equal(expected, Encoding.ASCII.GetString(LogText.AccessKeyFromAuthorization(Encoding.ASCII.GetBytes(header))));
}
