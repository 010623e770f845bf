using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using Amazon.Runtime;
using S3Audit.Engine.Errors;

namespace S3Audit.Engine.Connection
{
    /// <summary>
    /// One session's view of its endpoint: whether it has ever answered, and the failure that ends the session. Two
    /// failures end it: the endpoint cannot be reached at all (<see cref="ConnectFailure"/>: DNS, refused, TLS, connect
    /// timeout, or no answer after every retry) before it ever answered, and rejected credentials
    /// (<see cref="CredentialRejection"/>). After that every request fails at once with the same
    /// <see cref="AuditException"/>, which per-bucket readers let through, so a run reports it once.
    /// A connection failure after the endpoint has answered is an ordinary, retried, per-request failure: an endpoint
    /// that is slow or briefly unavailable is never given up on.
    /// </summary>
    internal sealed class EndpointGuard
    {
        /// <summary>Error id of a session that cannot connect.</summary>
        public const string UnreachableId = "EndpointUnreachable";
        /// <summary>Error id of a session whose credentials were rejected.</summary>
        public const string CredentialsRejectedId = "CredentialsRejected";

        private readonly string _credentialSource;
        private int _answered;
        private AuditError? _ended;

        public EndpointGuard(string credentialSource) => _credentialSource = credentialSource;

        /// <summary>True when <paramref name="exception"/> is a session's ending (unreachable endpoint, rejected credentials).</summary>
        public static bool EndsSession(Exception exception) =>
            exception is AuditException ended && (ended.Error.ErrorId == UnreachableId || ended.Error.ErrorId == CredentialsRejectedId);

        /// <summary>True once any request got an HTTP answer.</summary>
        public bool HasAnswered => Volatile.Read(ref _answered) == 1;

        /// <summary>The error that ended the session, or null.</summary>
        public AuditError? Ended => Volatile.Read(ref _ended);

        /// <summary>Throws the session's ending, if any, before a request is sent.</summary>
        public void ThrowIfEnded()
        {
            AuditError? ended = Ended;
            if (ended != null)
            {
                throw new AuditException(ended);
            }
        }

        /// <summary>A request got an HTTP answer.</summary>
        public void Answered() => Interlocked.Exchange(ref _answered, 1);

        /// <summary>
        /// Judges a failed attempt: the exception that ends the session (thrown instead of <paramref name="failure"/>; it
        /// carries no inner exception, so the SDK does not retry it), or null when the failure is the request's own.
        /// </summary>
        /// <param name="failure">What the attempt threw.</param>
        /// <param name="endpoint">Where the request went.</param>
        /// <param name="bucketRequest">False for ListBuckets.</param>
        /// <param name="afterRetries">True when every retry is spent (then any transport failure counts).</param>
        public AuditException? Judge(Exception failure, Uri endpoint, bool bucketRequest, bool afterRetries)
        {
            if (failure is AuditException)
            {
                return null;
            }

            string where = endpoint.GetLeftPart(UriPartial.Authority);
            if (failure is AmazonServiceException service)
            {
                Answered();
                string? hint = CredentialRejection.Hint(service, bucketRequest);
                if (hint != null)
                {
                    service.Data[S3ErrorClassifier.HintKey] = hint;
                }

                string? rejected = CredentialRejection.Describe(service, bucketRequest);
                return rejected == null ? null : End(CredentialsRejectedId, AuditErrorKind.InvalidCredentials,
                    $"{where} rejected the credentials: {rejected}. {_credentialSource} Nothing more was sent with them; check the keys, the profile or the environment variables.", where);
            }

            if (HasAnswered)
            {
                return null;
            }

            string? cause = ConnectFailure.Describe(failure, endpoint);
            if (cause == null && afterRetries && IsTransport(failure))
            {
                cause = $"it never answered ({failure.GetType().Name}: {failure.Message})";
            }

            return cause == null ? null : End(UnreachableId, AuditErrorKind.Connection, $"Cannot connect to {where}: {cause}. Nothing was read from it.", where);
        }

        private AuditException End(string errorId, AuditErrorKind kind, string message, string target)
        {
            Interlocked.CompareExchange(ref _ended, new AuditError(errorId, kind, message, target), null);
            return new AuditException(Ended!);
        }

        private static bool IsTransport(Exception e) =>
            e is HttpRequestException || e is IOException || e is WebException || e is TimeoutException || e is OperationCanceledException;
    }
}
