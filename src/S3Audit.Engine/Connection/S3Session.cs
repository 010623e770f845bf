using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Connection
{
    /// <summary>
    /// A resolved connection: provider, region, endpoint, credentials and the S3 client every engine call uses.
    /// Open one per cmdlet invocation and dispose it at the end.
    /// </summary>
    public sealed class S3Session : IDisposable
    {
        private readonly object _callerAccountGate = new object();
        private Task<string>? _callerAccount;

        private S3Session(S3ConnectionOptions options, S3Provider provider, string region, ResolvedCredentials credentials, string regionSource)
        {
            Options = options;
            Provider = provider;
            Region = region;
            Capabilities = ProviderCapabilities.For(provider);
            Credentials = credentials.Credentials;
            CredentialSource = credentials.Source;
            RegionSource = regionSource;
            Config = S3ClientFactory.CreateConfig(options, region);
            Guard = new EndpointGuard(credentials.Source);
            Client = S3ClientFactory.Create(credentials.Credentials, Config, Guard);
        }

        /// <summary>The options the session was opened with.</summary>
        public S3ConnectionOptions Options { get; }
        /// <summary>The provider (given or detected).</summary>
        public S3Provider Provider { get; }
        /// <summary>The region requests are signed for.</summary>
        public string Region { get; }
        /// <summary>The custom endpoint, or empty for AWS.</summary>
        public string EndpointUrl => Options.EndpointUrl ?? string.Empty;
        /// <summary>What the provider supports.</summary>
        public ProviderCapabilities Capabilities { get; }
        /// <summary>Where the credentials came from, without any secret.</summary>
        public string CredentialSource { get; }
        /// <summary>Where the region came from.</summary>
        public string RegionSource { get; }

        internal AWSCredentials Credentials { get; }
        internal AmazonS3Config Config { get; }
        internal IAmazonS3 Client { get; }
        /// <summary>Whether the endpoint answered, and the failure that ended the session (unreachable, credentials rejected).</summary>
        internal EndpointGuard Guard { get; }

        /// <summary>Resolves credentials, region and provider and creates the client.</summary>
        /// <param name="options">What the caller said.</param>
        /// <param name="verbose">Receives one sentence per decision (credential and region source); never a secret.</param>
        public static S3Session Open(S3ConnectionOptions options, Action<string>? verbose = null)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            ValidateEndpoint(options.EndpointUrl);
            ResolvedCredentials credentials = new CredentialResolver().Resolve(options);
            (string region, string regionSource, bool regionGiven) = RegionResolver.Resolve(options, credentials.Profile);
            S3Provider provider = options.Provider ?? ProviderDetector.Detect(options.EndpointUrl);
            string providerSource = options.Provider.HasValue ? "the -Provider parameter" : "the endpoint host name";
            string endpointSource = string.IsNullOrEmpty(options.EndpointUrl) ? "AWS default" : options.EndpointUrl!;
            if (string.IsNullOrWhiteSpace(options.EndpointUrl) && provider != S3Provider.Aws)
            {
                // Only AWS has a default endpoint; Lyve and Exoscale have one per region.
                options = options.WithEndpoint(ProviderEndpoints.ForRegion(provider, region, regionGiven));
                endpointSource = $"{options.EndpointUrl} (the {provider} endpoint of region {region})";
            }

            verbose?.Invoke(credentials.Source);
            verbose?.Invoke(regionSource);
            verbose?.Invoke($"Provider {provider} from {providerSource}; endpoint {endpointSource}.");
            return new S3Session(options, provider, region, credentials, regionSource);
        }

        private static void ValidateEndpoint(string? endpointUrl)
        {
            if (string.IsNullOrWhiteSpace(endpointUrl))
            {
                return;
            }

            if (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                throw new ArgumentException($"-EndpointUrl '{endpointUrl}' is not an absolute http or https URL, for example https://sos-ch-gva-2.exo.io.", nameof(endpointUrl));
            }
        }

        /// <summary>
        /// The account id of the session's identity (STS GetCallerIdentity), with the session's retries and timeout.
        /// The default endpoint's answer is kept for the session (the identity cannot change); a failure is not kept.
        /// </summary>
        /// <param name="stsEndpoint">Another STS endpoint (recorded responses in tests), asked every time; the region's by default.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        internal Task<string> CallerAccountAsync(Uri? stsEndpoint, CancellationToken cancellationToken)
        {
            if (stsEndpoint != null)
            {
                return ReadCallerAccountAsync(stsEndpoint, cancellationToken);
            }

            lock (_callerAccountGate)
            {
                if (_callerAccount == null || _callerAccount.IsFaulted || _callerAccount.IsCanceled)
                {
                    _callerAccount = ReadCallerAccountAsync(null, cancellationToken);
                }

                return _callerAccount;
            }
        }

        private async Task<string> ReadCallerAccountAsync(Uri? stsEndpoint, CancellationToken cancellationToken)
        {
            var config = new Amazon.SecurityToken.AmazonSecurityTokenServiceConfig
            {
                MaxErrorRetry = Math.Max(0, Options.MaxAttempts - 1),
                Timeout = Options.Timeout,
                HttpClientFactory = new S3HttpClientFactory(S3ClientFactory.ConnectTimeoutOf(Options)),
            };
            if (stsEndpoint != null)
            {
                config.ServiceURL = stsEndpoint.ToString();
                config.AuthenticationRegion = Region;
            }
            else
            {
                config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(Region);
            }

            using var sts = new Amazon.SecurityToken.AmazonSecurityTokenServiceClient(Credentials, config);
            var identity = await sts.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            return identity.Account ?? throw new InvalidOperationException("STS GetCallerIdentity returned no account id.");
        }

        /// <summary>A SigV4 client with this session's credentials and region, for IAM, S3 Control and other raw APIs.</summary>
        public Http.SignedRequestClient CreateSignedClient(string? signingRegion = null) =>
            new Http.SignedRequestClient(Credentials, signingRegion ?? Region, Options.MaxAttempts, Options.Timeout, S3ClientFactory.ConnectTimeoutOf(Options), Guard);

        /// <inheritdoc />
        public void Dispose() => Client.Dispose();
    }
}
