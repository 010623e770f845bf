using System;
using System.Collections.Generic;
using System.Management.Automation;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Credentials;
using S3Audit.Engine.Lyve;
using S3Audit.Engine.Providers;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Reviews who holds keys to the storage: one row per access key (or per identity without keys) with key age and
    /// last use, MFA, groups, what the identity's policies allow on S3, findings and severity. AWS and Ceph through the
    /// IAM API; Lyve Cloud service accounts through the Account API v2 (-Provider Lyve -AccountId); Exoscale API keys
    /// and legacy access keys through Exoscale's API v2.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "S3AuditCredential")]
    [OutputType(typeof(S3AuditCredential))]
    public sealed class GetS3AuditCredentialCommand : S3AuditCmdlet
    {
        private readonly List<string> _userNames = new List<string>();

        /// <summary>Names or wildcards of users, roles, Lyve service accounts or Exoscale keys; every one when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? UserName { get; set; }

        /// <summary>An active key older than this is not rotated (default 90, as CIS and Prowler).</summary>
        [Parameter]
        [ValidateRange(1, 3650)]
        [PSDefaultValue(Value = 90)]
        public int MaxKeyAgeDays { get; set; } = 90;

        /// <summary>An active key unused for longer than this is unused (default 45, as CIS and Prowler).</summary>
        [Parameter]
        [ValidateRange(1, 3650)]
        [PSDefaultValue(Value = 45)]
        public int MaxUnusedDays { get; set; } = 45;

        /// <summary>Also report roles anyone can assume or whose policies grant full S3 or admin access.</summary>
        [Parameter]
        public SwitchParameter IncludeRoles { get; set; }

        /// <summary>The IAM endpoint: the -EndpointUrl (Ceph) or https://iam.amazonaws.com by default; for Exoscale the API base (https://api-{zone}.exoscale.com/v2).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? IamEndpointUrl { get; set; }

        /// <summary>The Lyve Cloud account id: reviews Lyve service accounts through the Account API.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccountId { get; set; }

        /// <summary>The Lyve Account API base URL.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [PSDefaultValue(Value = "https://api.lyvecloud.seagate.com/v2")]
        public string AccountApiUrl { get; set; } = "https://api.lyvecloud.seagate.com/v2";

        /// <summary>Users reviewed at once.</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        [PSDefaultValue(Value = 4)]
        public int ThrottleLimit { get; set; } = 4;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (UserName != null)
            {
                _userNames.AddRange(UserName);
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var request = new CredentialReviewRequest
            {
                MaxKeyAgeDays = MaxKeyAgeDays,
                MaxUnusedDays = MaxUnusedDays,
                IncludeRoles = IncludeRoles.IsPresent,
                UserNames = _userNames,
                IamEndpoint = IamEndpointUrl == null ? null : ParseUrl(IamEndpointUrl, nameof(IamEndpointUrl)),
                ThrottleLimit = ThrottleLimit,
            };

            if (Provider == S3Provider.Lyve || AccountId != null)
            {
                ReviewLyve(request);
                return;
            }

            if (!SessionCredentialReview.IsAvailable(Session))
            {
                RequireFeature(S3Feature.IamApi);
            }

            var session = Session;
            RunEngine((output, token) => SessionCredentialReview.RunAsync(session, request, output, token));
        }

        private void ReviewLyve(CredentialReviewRequest request)
        {
            var options = BuildConnectionOptions();
            if (string.IsNullOrEmpty(AccountId) || string.IsNullOrEmpty(options.AccessKey) || string.IsNullOrEmpty(options.SecretKey))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("The Lyve Account API needs -AccountId and the Account API key as -Credential (or -AccessKey and -SecretKey); these are not S3 keys."),
                    ErrorIds.CredentialsNotFound, ErrorCategory.AuthenticationError, AccountId));
            }

            var apiOptions = new LyveAccountApiOptions
            {
                BaseUrl = ParseUrl(AccountApiUrl, nameof(AccountApiUrl)),
                AccountId = AccountId!,
                AccessKey = options.AccessKey!,
                Secret = options.SecretKey!,
                Timeout = options.Timeout,
            };
            WriteVerbose($"Lyve Account API v2 at {apiOptions.BaseUrl} for account {AccountId}.");
            using var api = new LyveAccountApiClient(apiOptions);
            var reviewer = new LyveCredentialReviewer(api);
            RunEngine((output, token) => reviewer.RunAsync(request, output, token));
        }

        private Uri ParseUrl(string value, string parameter)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException($"-{parameter} '{value}' is not an absolute http or https URL."), ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, value));
            }

            return uri!;
        }
    }
}
