using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Http;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Buckets
{
    /// <summary>
    /// The account-level Block Public Access (S3 Control GetPublicAccessBlock), for the account that STS
    /// GetCallerIdentity names. Read once per reader; the result is shared by every bucket of a run.
    /// </summary>
    public sealed class AccountPublicAccessBlockReader
    {
        private readonly S3Session _session;
        private readonly Uri? _stsEndpoint;
        private readonly Uri? _s3ControlEndpoint;
        private readonly object _gate = new object();
        private Task<Readout<PublicAccessBlockFlags>>? _read;

        /// <summary>Creates a reader.</summary>
        /// <param name="session">The session whose credentials and region are used.</param>
        /// <param name="stsEndpoint">Overrides the STS endpoint (https://sts.&lt;region&gt;.amazonaws.com), e.g. for a recorded server.</param>
        /// <param name="s3ControlEndpoint">Overrides https://&lt;account&gt;.s3-control.&lt;region&gt;.amazonaws.com.</param>
        public AccountPublicAccessBlockReader(S3Session session, Uri? stsEndpoint = null, Uri? s3ControlEndpoint = null)
        {
            _session = session;
            _stsEndpoint = stsEndpoint;
            _s3ControlEndpoint = s3ControlEndpoint;
        }

        /// <summary>The account id once read (empty before, or when unavailable).</summary>
        public string AccountId { get; private set; } = string.Empty;

        /// <summary>The account's flags; NotSupported off AWS, NotConfigured when none are set, Unknown (error written) on failure.</summary>
        public Task<Readout<PublicAccessBlockFlags>> ReadAsync(IAuditOutput output, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return _read ??= ReadOnceAsync(output, cancellationToken);
            }
        }

        private async Task<Readout<PublicAccessBlockFlags>> ReadOnceAsync(IAuditOutput output, CancellationToken cancellationToken)
        {
            ProviderCapabilities capabilities = _session.Capabilities;
            if (!capabilities.Supports(S3Feature.AccountBlockPublicAccess) || !capabilities.Supports(S3Feature.CallerIdentity))
            {
                return Readout<PublicAccessBlockFlags>.NotSupported($"{_session.Provider} has no account-level Block Public Access.");
            }

            try
            {
                AccountId = await _session.CallerAccountAsync(_stsEndpoint, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken))
            {
                AuditError error = S3ErrorClassifier.ClassifyEntity(e, "STS GetCallerIdentity", "the caller's account", "account", "Account");
                output.WriteError(error);
                return Readout<PublicAccessBlockFlags>.Unknown("the account id could not be read: " + error.Message);
            }

            Uri endpoint = _s3ControlEndpoint ?? new Uri($"https://{AccountId}.s3-control.{_session.Region}.amazonaws.com");
            var request = new SignedRequest
            {
                Method = "GET",
                Endpoint = endpoint,
                Path = "/v20180820/configuration/publicAccessBlock",
                Service = "s3",
                Description = "S3 Control GetPublicAccessBlock",
            };
            request.Headers["x-amz-account-id"] = AccountId;
            try
            {
                using SignedRequestClient client = _session.CreateSignedClient();
                SignedResponse response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                output.WriteVerbose($"Account {AccountId}: read the account-level Block Public Access.");
                return Readout<PublicAccessBlockFlags>.Of(Parse(response.Body));
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken))
            {
                if (S3ErrorClassifier.ErrorCode(e) == "NoSuchPublicAccessBlockConfiguration")
                {
                    return Readout<PublicAccessBlockFlags>.NotConfigured($"Account {AccountId} has no account-level Block Public Access.");
                }

                AuditError error = S3ErrorClassifier.ClassifyEntity(e, "S3 Control GetPublicAccessBlock", $"account '{AccountId}'", AccountId, "Account");
                output.WriteError(error);
                return Readout<PublicAccessBlockFlags>.Unknown(error.Message);
            }
        }

        internal static PublicAccessBlockFlags Parse(string xml)
        {
            XElement root = XElement.Parse(xml);
            bool Flag(string name) => string.Equals(root.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            return new PublicAccessBlockFlags(Flag("BlockPublicAcls"), Flag("IgnorePublicAcls"), Flag("BlockPublicPolicy"), Flag("RestrictPublicBuckets"));
        }
    }
}
