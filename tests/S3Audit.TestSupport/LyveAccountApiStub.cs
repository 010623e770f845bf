using System;

namespace S3Audit.TestSupport
{
    /// <summary>
    /// Lyve Cloud Account API v2 answers (token, permissions, service accounts) on 127.0.0.1: three service accounts
    /// over three permissions, one of them missing. Shared by the engine's recorded tests and the s3fixture tool
    /// that the documented examples use in place of api.lyvecloud.seagate.com.
    /// </summary>
    public static class LyveAccountApiStub
    {
        public const string Permissions = """
            [
              {"id":"p-read","name":"logs-read","description":"","type":"bucket-names","actions":"read-only","buckets":["audit-logs"],"readyState":true},
              {"id":"p-all","name":"everything","description":"","type":"all-buckets","actions":"all-operations","readyState":true},
              {"id":"p-pol","name":"custom","description":"","type":"policy","policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:PutObject\"],\"Resource\":[\"arn:aws:s3:::backups/*\"]}]}","readyState":true}
            ]
            """;

        public const string ServiceAccounts = """
            [
              {"id":"sa-1","name":"siem-reader","description":"","enabled":true,"readyState":true,"permissions":["p-read"]},
              {"id":"sa-2","name":"legacy-admin","description":"","enabled":false,"readyState":true},
              {"id":"sa-3","name":"backup-agent","description":"","enabled":true,"readyState":true,"permissions":["p-pol","p-gone"]}
            ]
            """;

        private static RecordedResponse Json(string body, int status = 200) => new RecordedResponse(status, body, "application/json");

        /// <summary>
        /// A server answering under /v2. <paramref name="token"/> replaces the token answer; <paramref name="guard"/>
        /// may answer a GET instead of the canned body (an expired token, say).
        /// </summary>
        public static RecordedHttpServer Start(Func<ReceivedRequest, RecordedResponse>? token = null, Func<ReceivedRequest, RecordedResponse>? guard = null)
        {
            RecordedResponse Guarded(ReceivedRequest r, string body) => guard?.Invoke(r) ?? Json(body);
            return new RecordedHttpServer()
                .On("POST", (path, _) => path == "/v2/auth/token", token ?? (_ => Json("""{"token":"tok-1","expirationSec":86400}""")))
                .On("GET", (path, _) => path == "/v2/permissions", r => Guarded(r, Permissions))
                .On("GET", (path, _) => path == "/v2/service-accounts", r => Guarded(r, ServiceAccounts))
                .On("GET", (path, _) => path == "/v2/service-accounts/sa-2", r => Guarded(r, """{"id":"sa-2","name":"legacy-admin","enabled":false,"permissions":["p-all"]}"""));
        }
    }
}
