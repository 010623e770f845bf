namespace S3Audit.Engine.Proxy
{
    /// <summary>
    /// An access key the gateway serves: clients sign with it, the gateway checks their signatures with its secret.
    /// <see cref="Requester"/> is what the log's Requester field says for it: a name or ARN given by the operator,
    /// else the key id (never an ARN the gateway cannot know).
    /// </summary>
    public sealed class ProxyCredential
    {
        /// <summary>Creates a served key.</summary>
        public ProxyCredential(string accessKeyId, string secretKey, string? requester)
        {
            AccessKeyId = accessKeyId;
            SecretKey = secretKey;
            Requester = string.IsNullOrWhiteSpace(requester) ? accessKeyId : requester!.Trim();
        }

        /// <summary>The access key id.</summary>
        public string AccessKeyId { get; }

        /// <summary>The requester written to the log for this key.</summary>
        public string Requester { get; }

        internal string SecretKey { get; }
    }
}
