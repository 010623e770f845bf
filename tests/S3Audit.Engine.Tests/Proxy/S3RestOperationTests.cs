using S3Audit.Engine.Proxy.Logging;
using S3Audit.Engine.Proxy.Signing;

namespace S3Audit.Engine.Tests.Proxy;

/// <summary>Operation names as AWS writes them in access logs (and as the module's reader maps them).</summary>
public class S3RestOperationTests
{
    [Theory]
    [InlineData("GET", "", "", "", false, "REST.GET.SERVICE")]
    [InlineData("GET", "b", "", "list-type=2&prefix=x", false, "REST.GET.BUCKET")]
    [InlineData("HEAD", "b", "", "", false, "REST.HEAD.BUCKET")]
    [InlineData("PUT", "b", "", "", false, "REST.PUT.BUCKET")]
    [InlineData("PUT", "b", "k", "", false, "REST.PUT.OBJECT")]
    [InlineData("PUT", "b", "k", "", true, "REST.COPY.OBJECT")]
    [InlineData("GET", "b", "k", "", false, "REST.GET.OBJECT")]
    [InlineData("HEAD", "b", "k", "", false, "REST.HEAD.OBJECT")]
    [InlineData("DELETE", "b", "k", "", false, "REST.DELETE.OBJECT")]
    [InlineData("POST", "b", "", "delete", false, "REST.POST.MULTI_OBJECT_DELETE")]
    [InlineData("POST", "b", "k", "uploads", false, "REST.POST.UPLOADS")]
    [InlineData("PUT", "b", "k", "partNumber=1&uploadId=u", false, "REST.PUT.PART")]
    [InlineData("PUT", "b", "k", "partNumber=1&uploadId=u", true, "REST.COPY.PART")]
    [InlineData("POST", "b", "k", "uploadId=u", false, "REST.POST.UPLOAD")]
    [InlineData("DELETE", "b", "k", "uploadId=u", false, "REST.DELETE.UPLOAD")]
    [InlineData("GET", "b", "k", "uploadId=u", false, "REST.GET.UPLOAD")]
    [InlineData("GET", "b", "", "uploads", false, "REST.GET.UPLOADS")]
    [InlineData("GET", "b", "", "acl", false, "REST.GET.ACL")]
    [InlineData("PUT", "b", "k", "tagging", false, "REST.PUT.OBJECT_TAGGING")]
    [InlineData("GET", "b", "", "tagging", false, "REST.GET.TAGGING")]
    [InlineData("GET", "b", "", "versions", false, "REST.GET.BUCKETVERSIONS")]
    [InlineData("GET", "b", "", "policy", false, "REST.GET.BUCKETPOLICY")]
    [InlineData("GET", "b", "", "logging", false, "REST.GET.LOGGING_STATUS")]
    [InlineData("GET", "b", "", "publicAccessBlock", false, "REST.GET.PUBLIC_ACCESS_BLOCK")]
    public void Names(string method, string bucket, string key, string query, bool copy, string expected) =>
        Assert.Equal(expected, S3RestOperation.For(method, bucket, key, S3UriEncoding.ParseQuery(query), copy));
}
