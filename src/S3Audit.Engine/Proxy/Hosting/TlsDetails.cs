namespace S3Audit.Engine.Proxy.Hosting
{
    /// <summary>The TLS protocol and cipher suite of a connection the gateway terminated, for the log's TLS fields.</summary>
    internal sealed class TlsDetails
    {
        public TlsDetails(string version, string cipherSuite)
        {
            Version = version;
            CipherSuite = cipherSuite;
        }

        /// <summary>TLSv1.2, TLSv1.3 ...</summary>
        public string Version { get; }

        /// <summary>The negotiated suite's IANA name (TLS_AES_128_GCM_SHA256), or empty when the runtime does not tell it.</summary>
        public string CipherSuite { get; }
    }
}
