using S3Audit.Engine.Connection;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.AccessLogging;

/// <summary>
/// Recorded AWS answers for Enable-S3AccessLogging's reads: buckets in eu-central-1 owned by owner1, without lock,
/// encryption or Requester Pays, logging off. Routes added in <c>first</c> win over these.
/// </summary>
internal static class RecordedLoggingEndpoint
{
    public const string Ns = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    /// <summary>Matches a request whose query names <paramref name="name"/> (e.g. "acl" in /logs?acl).</summary>
    public static Func<string, string, bool> Query(string name) =>
        (pq, _) => pq.Contains('?') && pq.Substring(pq.IndexOf('?') + 1).Split('&').Any(p => p.Split('=')[0] == name);

    /// <summary>Matches a request on <paramref name="bucket"/> (path style: /logs/?acl) whose query names <paramref name="name"/>.</summary>
    public static Func<string, string, bool> Query(string bucket, string name) =>
        (pq, body) => pq.Split('?')[0].Trim('/') == bucket && Query(name)(pq, body);

    public static RecordedHttpServer Server(RecordedResponse policyAnswer, Action<RecordedHttpServer>? first = null)
    {
        static RecordedResponse NotFound(string code) => new(404, $"<Error><Code>{code}</Code><Message>not set</Message></Error>");
        var server = new RecordedHttpServer();
        first?.Invoke(server);
        return server
            .On("GET", Query("location"), new RecordedResponse(200, $"<LocationConstraint {Ns}>eu-central-1</LocationConstraint>"))
            .On("GET", Query("acl"), new RecordedResponse(200, $"<AccessControlPolicy {Ns}><Owner><ID>owner1</ID></Owner><AccessControlList/></AccessControlPolicy>"))
            .On("GET", Query("object-lock"), NotFound("ObjectLockConfigurationNotFoundError"))
            .On("GET", Query("requestPayment"), new RecordedResponse(200, $"<RequestPaymentConfiguration {Ns}><Payer>BucketOwner</Payer></RequestPaymentConfiguration>"))
            .On("GET", Query("encryption"), NotFound("ServerSideEncryptionConfigurationNotFoundError"))
            .On("GET", Query("logging"), new RecordedResponse(200, $"<BucketLoggingStatus {Ns}/>"))
            .On("GET", Query("policy"), policyAnswer);
    }

    public static S3Session Session(RecordedHttpServer server) => S3Session.Open(new S3ConnectionOptions
    {
        EndpointUrl = server.Url,
        AccessKey = "AKIDEXAMPLE",
        SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        Region = "eu-central-1",
        Provider = S3Provider.Ceph,
        MaxAttempts = 1,
    });
}
