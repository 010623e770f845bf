using System;
using System.Collections.Generic;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// The HTTP status of an S3 answer that was logged without one (CloudTrail records an errorCode, never a status):
    /// the status S3 sends with each error code (the S3 API reference's error-code list), 200 for a success, 204 for a
    /// successful delete. 0 for an error code this table does not know.
    /// </summary>
    internal static class S3ErrorStatus
    {
        private static readonly Dictionary<string, int> Statuses = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["PermanentRedirect"] = 301, ["Redirect"] = 307, ["TemporaryRedirect"] = 307, ["NotModified"] = 304,
            ["AccessControlListNotSupported"] = 400, ["AmbiguousGrantByEmailAddress"] = 400, ["AuthorizationHeaderMalformed"] = 400,
            ["BadDigest"] = 400, ["CredentialsNotSupported"] = 400, ["EntityTooSmall"] = 400, ["EntityTooLarge"] = 400, ["ExpiredToken"] = 400,
            ["IllegalLocationConstraintException"] = 400, ["IllegalVersioningConfigurationException"] = 400, ["IncompleteBody"] = 400,
            ["IncorrectNumberOfFilesInPostRequest"] = 400, ["InlineDataTooLarge"] = 400, ["InvalidArgument"] = 400, ["InvalidBucketName"] = 400,
            ["InvalidDigest"] = 400, ["InvalidEncryptionAlgorithmError"] = 400, ["InvalidLocationConstraint"] = 400, ["InvalidPart"] = 400,
            ["InvalidPartOrder"] = 400, ["InvalidPolicyDocument"] = 400, ["InvalidRequest"] = 400, ["InvalidSOAPRequest"] = 400,
            ["InvalidStorageClass"] = 400, ["InvalidTargetBucketForLogging"] = 400, ["InvalidToken"] = 400, ["InvalidURI"] = 400,
            ["KeyTooLongError"] = 400, ["MalformedACLError"] = 400, ["MalformedPOSTRequest"] = 400, ["MalformedXML"] = 400,
            ["MalformedPolicy"] = 400, ["MaxMessageLengthExceeded"] = 400, ["MaxPostPreDataLengthExceededError"] = 400, ["MetadataTooLarge"] = 400,
            ["MissingRequestBodyError"] = 400, ["MissingSecurityElement"] = 400, ["MissingSecurityHeader"] = 400, ["NoLoggingStatusForKey"] = 400,
            ["RequestIsNotMultiPartContent"] = 400, ["RequestTimeout"] = 400, ["RequestTorrentOfBucketError"] = 400, ["ServerSideEncryptionConfigurationNotFoundError"] = 404,
            ["TokenRefreshRequired"] = 400, ["TooManyBuckets"] = 400, ["UnexpectedContent"] = 400, ["UnresolvableGrantByEmailAddress"] = 400,
            ["UserKeyMustBeSpecified"] = 400, ["XAmzContentSHA256Mismatch"] = 400, ["InvalidTag"] = 400, ["InvalidBucketAclWithObjectOwnership"] = 400,
            ["AccessDenied"] = 403, ["AllAccessDisabled"] = 403, ["AccountProblem"] = 403, ["CrossLocationLoggingProhibited"] = 403,
            ["InvalidAccessKeyId"] = 403, ["InvalidObjectState"] = 403, ["InvalidPayer"] = 403, ["InvalidSecurity"] = 403,
            ["NotSignedUp"] = 403, ["RequestTimeTooSkewed"] = 403, ["SignatureDoesNotMatch"] = 403, ["InvalidAccessPoint"] = 403,
            ["NoSuchBucket"] = 404, ["NoSuchBucketPolicy"] = 404, ["NoSuchKey"] = 404, ["NoSuchLifecycleConfiguration"] = 404,
            ["NoSuchUpload"] = 404, ["NoSuchVersion"] = 404, ["NoSuchCORSConfiguration"] = 404, ["NoSuchTagSet"] = 404, ["NoSuchTagSetError"] = 404,
            ["NoSuchWebsiteConfiguration"] = 404, ["NoSuchPublicAccessBlockConfiguration"] = 404, ["ObjectLockConfigurationNotFoundError"] = 404,
            ["OwnershipControlsNotFoundError"] = 404, ["ReplicationConfigurationNotFoundError"] = 404, ["NoSuchAccessPoint"] = 404,
            ["NoSuchObjectLockConfiguration"] = 404, ["NotFound"] = 404,
            ["MethodNotAllowed"] = 405,
            ["BucketAlreadyExists"] = 409, ["BucketAlreadyOwnedByYou"] = 409, ["BucketNotEmpty"] = 409, ["InvalidBucketState"] = 409,
            ["OperationAborted"] = 409, ["RestoreAlreadyInProgress"] = 409, ["ConditionalRequestConflict"] = 409,
            ["MissingContentLength"] = 411, ["PreconditionFailed"] = 412, ["InvalidRange"] = 416, ["RequestHeaderSectionTooLarge"] = 431,
            ["InternalError"] = 500, ["NotImplemented"] = 501, ["ServiceUnavailable"] = 503, ["SlowDown"] = 503,
        };

        /// <summary>The status S3 sends with <paramref name="errorCode"/>; 0 when the code is not an S3 error this table knows.</summary>
        public static int Of(string errorCode) => Statuses.TryGetValue(errorCode, out int status) ? status : 0;

        /// <summary>The status of a successful <paramref name="operation"/>: 204 No Content for a delete (but DeleteObjects) or an aborted upload, else 200.</summary>
        public static int Success(string operation) =>
            (operation.StartsWith("Delete", StringComparison.Ordinal) && operation != "DeleteObjects") || operation == "AbortMultipartUpload" ? 204 : 200;
    }
}
