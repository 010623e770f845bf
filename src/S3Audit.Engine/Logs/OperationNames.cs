using System;
using System.Collections.Generic;
using System.Text;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Maps logged operation names to S3 API action names: AWS access logs (REST.METHOD.RESOURCE), what Ceph RGW bucket
    /// logging writes in the same format (its own resource words such as REST.GET.LOGGING, REST.PUT.OBJECT_LOCK,
    /// REST.POST.DELETE_MULTI_OBJECT, and REST.METHOD.op_name for operations without one, such as REST.HEAD.stat_bucket)
    /// and the Ceph ops log (op_name alone). The RGW names are those of radosgw 20 (Tentacle), read from the binary's
    /// format strings and from logs it delivered (tests/S3Audit.Integration.Tests/Logs/CephBucketLoggingOperationsRgwTests.cs).
    /// </summary>
    internal static class OperationNames
    {
        private static readonly Dictionary<string, string> Aws = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["GET.OBJECT"] = "GetObject", ["HEAD.OBJECT"] = "HeadObject", ["PUT.OBJECT"] = "PutObject", ["POST.OBJECT"] = "PostObject",
            ["DELETE.OBJECT"] = "DeleteObject", ["COPY.OBJECT"] = "CopyObject", ["COPY.OBJECT_GET"] = "CopyObject", ["PUT.OBJECT_COPY"] = "CopyObject",
            ["GET.BUCKET"] = "ListObjects", ["HEAD.BUCKET"] = "HeadBucket", ["PUT.BUCKET"] = "CreateBucket", ["DELETE.BUCKET"] = "DeleteBucket",
            ["GET.SERVICE"] = "ListBuckets", ["GET.BUCKETVERSIONS"] = "ListObjectVersions", ["GET.UPLOADS"] = "ListMultipartUploads",
            ["POST.UPLOADS"] = "CreateMultipartUpload", ["PUT.PART"] = "UploadPart", ["PUT.PART_COPY"] = "UploadPartCopy", ["POST.UPLOAD"] = "CompleteMultipartUpload",
            ["DELETE.UPLOAD"] = "AbortMultipartUpload", ["GET.UPLOAD"] = "ListParts", ["POST.MULTI_OBJECT_DELETE"] = "DeleteObjects",
            ["GET.BUCKETPOLICY"] = "GetBucketPolicy", ["PUT.BUCKETPOLICY"] = "PutBucketPolicy", ["DELETE.BUCKETPOLICY"] = "DeleteBucketPolicy",
            ["GET.POLICY_STATUS"] = "GetBucketPolicyStatus", ["GET.LOCATION"] = "GetBucketLocation",
            ["GET.LOGGING_STATUS"] = "GetBucketLogging", ["PUT.LOGGING_STATUS"] = "PutBucketLogging",
            ["GET.VERSIONING"] = "GetBucketVersioning", ["PUT.VERSIONING"] = "PutBucketVersioning",
            ["GET.LIFECYCLE"] = "GetBucketLifecycleConfiguration", ["PUT.LIFECYCLE"] = "PutBucketLifecycleConfiguration", ["DELETE.LIFECYCLE"] = "DeleteBucketLifecycle",
            ["GET.CORS"] = "GetBucketCors", ["PUT.CORS"] = "PutBucketCors", ["DELETE.CORS"] = "DeleteBucketCors",
            ["GET.ENCRYPTION"] = "GetBucketEncryption", ["PUT.ENCRYPTION"] = "PutBucketEncryption", ["DELETE.ENCRYPTION"] = "DeleteBucketEncryption",
            ["GET.PUBLIC_ACCESS_BLOCK"] = "GetPublicAccessBlock", ["PUT.PUBLIC_ACCESS_BLOCK"] = "PutPublicAccessBlock", ["DELETE.PUBLIC_ACCESS_BLOCK"] = "DeletePublicAccessBlock",
            ["GET.OWNERSHIP_CONTROLS"] = "GetBucketOwnershipControls", ["PUT.OWNERSHIP_CONTROLS"] = "PutBucketOwnershipControls",
            ["GET.OBJECT_LOCK_CONFIGURATION"] = "GetObjectLockConfiguration", ["PUT.OBJECT_LOCK_CONFIGURATION"] = "PutObjectLockConfiguration",
            ["GET.WEBSITE"] = "GetBucketWebsite", ["PUT.WEBSITE"] = "PutBucketWebsite", ["DELETE.WEBSITE"] = "DeleteBucketWebsite",
            ["GET.NOTIFICATION"] = "GetBucketNotificationConfiguration", ["PUT.NOTIFICATION"] = "PutBucketNotificationConfiguration",
            ["GET.REPLICATION"] = "GetBucketReplication", ["PUT.REPLICATION"] = "PutBucketReplication",
            ["GET.ACCELERATE"] = "GetBucketAccelerateConfiguration", ["GET.REQUEST_PAYMENT"] = "GetBucketRequestPayment",
            ["GET.OBJECT_TAGGING"] = "GetObjectTagging", ["PUT.OBJECT_TAGGING"] = "PutObjectTagging", ["DELETE.OBJECT_TAGGING"] = "DeleteObjectTagging",
            ["GET.TAGGING"] = "GetBucketTagging", ["PUT.TAGGING"] = "PutBucketTagging", ["DELETE.TAGGING"] = "DeleteBucketTagging",
            ["POST.RESTORE"] = "RestoreObject", ["GET.ANALYTICS"] = "GetBucketAnalyticsConfiguration", ["GET.INVENTORY"] = "GetBucketInventoryConfiguration",
            ["GET.METRICS"] = "GetBucketMetricsConfiguration", ["GET.INTELLIGENT_TIERING"] = "GetBucketIntelligentTieringConfiguration",
            ["GET.OBJECT_ATTRIBUTES"] = "GetObjectAttributes", ["GET.LEGAL_HOLD"] = "GetObjectLegalHold", ["PUT.LEGAL_HOLD"] = "PutObjectLegalHold",
            ["GET.RETENTION"] = "GetObjectRetention", ["PUT.RETENTION"] = "PutObjectRetention", ["DELETE.OBJECT.VERSION"] = "DeleteObject",
            ["DELETE.OWNERSHIP_CONTROLS"] = "DeleteBucketOwnershipControls", ["DELETE.REPLICATION"] = "DeleteBucketReplication",
            ["PUT.REQUEST_PAYMENT"] = "PutBucketRequestPayment", ["OPTIONS.PREFLIGHT"] = "OptionsObject",
            // The resource words of Ceph RGW bucket logging where they differ from AWS's.
            ["GET.BUCKETS"] = "ListBuckets", ["GET.LOGGING"] = "GetBucketLogging", ["PUT.LOGGING"] = "PutBucketLogging", ["POST.LOGGING"] = "PostBucketLogging",
            ["GET.OBJECT_LOCK"] = "GetObjectLockConfiguration", ["PUT.OBJECT_LOCK"] = "PutObjectLockConfiguration",
            ["POST.DELETE_MULTI_OBJECT"] = "DeleteObjects", ["GET.TORRENT"] = "GetObjectTorrent", ["DELETE.NOTIFICATION"] = "DeleteBucketNotification",
            ["DELETE.BULK_DELETE"] = "BulkDelete", ["POST.BULK_DELETE"] = "BulkDelete", ["PUT.BULK_UPLOAD"] = "BulkUpload",
        };

        private static readonly Dictionary<string, string> Ceph = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["get_obj"] = "GetObject", ["put_obj"] = "PutObject", ["delete_obj"] = "DeleteObject", ["copy_obj"] = "CopyObject", ["post_obj"] = "PostObject",
            ["list_bucket"] = "ListObjects", ["list_buckets"] = "ListBuckets", ["stat_bucket"] = "HeadBucket", ["create_bucket"] = "CreateBucket",
            ["delete_bucket"] = "DeleteBucket", ["multi_object_delete"] = "DeleteObjects", ["init_multipart"] = "CreateMultipartUpload",
            ["complete_multipart"] = "CompleteMultipartUpload", ["abort_multipart"] = "AbortMultipartUpload", ["list_multipart"] = "ListParts",
            ["list_bucket_multiparts"] = "ListMultipartUploads", ["get_acls"] = "GetBucketAcl", ["put_acls"] = "PutBucketAcl",
            ["get_bucket_versioning"] = "GetBucketVersioning", ["set_bucket_versioning"] = "PutBucketVersioning", ["get_bucket_location"] = "GetBucketLocation",
            ["get_bucket_public_access_block"] = "GetPublicAccessBlock", ["put_bucket_public_access_block"] = "PutPublicAccessBlock",
            ["delete_bucket_public_access_block"] = "DeletePublicAccessBlock", ["get_obj_tags"] = "GetObjectTagging", ["put_obj_tags"] = "PutObjectTagging",
            ["delete_obj_tags"] = "DeleteObjectTagging", ["get_lifecycle"] = "GetBucketLifecycleConfiguration", ["put_lifecycle"] = "PutBucketLifecycleConfiguration",
            ["delete_lifecycle"] = "DeleteBucketLifecycle", ["get_cors"] = "GetBucketCors", ["put_cors"] = "PutBucketCors", ["delete_cors"] = "DeleteBucketCors",
            ["get_bucket_logging"] = "GetBucketLogging", ["put_bucket_logging"] = "PutBucketLogging", ["post_bucket_logging"] = "PostBucketLogging",
            ["get_bucket_policy_status"] = "GetBucketPolicyStatus", ["get_bucket_tags"] = "GetBucketTagging", ["put_bucket_tags"] = "PutBucketTagging",
            ["delete_bucket_tags"] = "DeleteBucketTagging", ["options_cors"] = "OptionsObject", ["get_obj_layout"] = "GetObjectLayout",
            ["get_obj_retention"] = "GetObjectRetention", ["put_obj_retention"] = "PutObjectRetention", ["get_obj_legal_hold"] = "GetObjectLegalHold",
            ["put_obj_legal_hold"] = "PutObjectLegalHold", ["get_bucket_object_lock"] = "GetObjectLockConfiguration",
            ["put_bucket_object_lock"] = "PutObjectLockConfiguration", ["set_bucket_website"] = "PutBucketWebsite",
            ["get_request_payment"] = "GetBucketRequestPayment", ["set_request_payment"] = "PutBucketRequestPayment", ["restore_obj"] = "RestoreObject",
            ["get_obj_attrs"] = "GetObjectAttributes", ["get_bucket_notification"] = "GetBucketNotificationConfiguration",
        };

        private static readonly Dictionary<string, string> Minio = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DeleteMultipleObjects"] = "DeleteObjects", ["ListObjectsV1"] = "ListObjects", ["PutObjectPart"] = "UploadPart",
            ["NewMultipartUpload"] = "CreateMultipartUpload", ["ListObjectParts"] = "ListParts", ["CopyObjectPart"] = "UploadPartCopy",
            ["GetBucketACL"] = "GetBucketAcl", ["PutBucketACL"] = "PutBucketAcl", ["GetObjectACL"] = "GetObjectAcl", ["PutObjectACL"] = "PutObjectAcl",
            ["ListObjectVersionsM"] = "ListObjectVersions", ["ListObjectsV2M"] = "ListObjectsV2", ["GetBucketLocation"] = "GetBucketLocation",
        };

        private static readonly Dictionary<string, string> MinioErrors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Access Denied."] = "AccessDenied", ["The specified key does not exist."] = "NoSuchKey", ["The specified bucket does not exist"] = "NoSuchBucket",
            ["The specified bucket does not exist."] = "NoSuchBucket", ["The bucket policy does not exist"] = "NoSuchBucketPolicy",
            ["The request signature we calculated does not match the signature you provided. Check your key and signing method."] = "SignatureDoesNotMatch",
            ["The Access Key Id you provided does not exist in our records."] = "InvalidAccessKeyId", ["Please reduce your request rate."] = "SlowDown",
        };

        /// <summary>The S3 API name for a MinIO audit api.name (mostly identical).</summary>
        public static string FromMinio(string raw) => Minio.TryGetValue(raw, out string? name) ? name : raw;

        /// <summary>The S3 error code for a MinIO audit error message, or the message itself when unknown.</summary>
        public static string MinioErrorCode(string message) => MinioErrors.TryGetValue(message.Trim(), out string? code) ? code : message;

        /// <summary>
        /// True for the API names the logged request line refines (ListObjects into ListObjectsV2 or
        /// ListObjectVersions, PostObject into SelectObjectContent): only then need the line be decoded.
        /// </summary>
        public static bool DependsOnRequestUri(string name) => name == "ListObjects" || name == "PostObject";

        /// <summary>Whether a logged request line holds a parameter <see cref="Refined"/> looks for (a quick test on the bytes).</summary>
        public static bool MayRefine(ReadOnlySpan<byte> requestUri) =>
            requestUri.IndexOf("list-type=2"u8) >= 0 || requestUri.IndexOf("versions"u8) >= 0 || requestUri.IndexOf("select"u8) >= 0;

        /// <summary>The API name for an AWS access-log operation; the raw text when it cannot be determined.</summary>
        /// <param name="raw">e.g. REST.GET.OBJECT, or RGW's REST.HEAD.stat_bucket</param>
        /// <param name="hasKey">Whether the record names an object (ACLs exist for buckets and objects).</param>
        /// <param name="requestUri">The logged request line (tells ListObjects from ListObjectsV2 and ListObjectVersions).</param>
        public static string FromAws(string raw, bool hasKey, string requestUri)
        {
            if (raw.StartsWith("BATCH.DELETE.OBJECT", StringComparison.OrdinalIgnoreCase))
            {
                return "DeleteObject";
            }

            int dot = raw.IndexOf('.');
            if (dot < 0)
            {
                return raw;
            }

            string rest = raw.Substring(dot + 1);
            if (rest.Equals("GET.ACL", StringComparison.OrdinalIgnoreCase))
            {
                return hasKey ? "GetObjectAcl" : "GetBucketAcl";
            }

            if (rest.Equals("PUT.ACL", StringComparison.OrdinalIgnoreCase))
            {
                return hasKey ? "PutObjectAcl" : "PutBucketAcl";
            }

            if (Aws.TryGetValue(rest, out string? name))
            {
                return Refined(name, requestUri);
            }

            // RGW names an operation without a resource word of its own REST.METHOD.op_name, op_name as in its ops log.
            int second = rest.IndexOf('.');
            return second > 0 && IsCephOpName(rest, second + 1) ? FromCeph(rest.Substring(second + 1), hasKey, requestUri) : raw;
        }

        private static bool IsCephOpName(string s, int start)
        {
            if (start >= s.Length)
            {
                return false;
            }

            for (int i = start; i < s.Length; i++)
            {
                char c = s[i];
                if (!(c >= 'a' && c <= 'z') && c != '_' && !(c >= '0' && c <= '9'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>ListObjects made ListObjectsV2 or ListObjectVersions, PostObject made SelectObjectContent, by the request line.</summary>
        private static string Refined(string name, string requestUri)
        {
            if (name == "ListObjects")
            {
                return HasQueryParameter(requestUri, "list-type=2") ? "ListObjectsV2" : HasQueryParameter(requestUri, "versions") ? "ListObjectVersions" : name;
            }

            return name == "PostObject" && HasQueryParameter(requestUri, "select") ? "SelectObjectContent" : name;
        }

        /// <summary>Whether the query of <paramref name="requestUri"/> ("GET /b?versions&amp;x=1 HTTP/1.1") holds <paramref name="parameter"/> (a name, or name=value).</summary>
        private static bool HasQueryParameter(string requestUri, string parameter)
        {
            int query = requestUri.IndexOf('?');
            while (query >= 0)
            {
                int start = query + 1;
                if (string.CompareOrdinal(requestUri, start, parameter, 0, parameter.Length) == 0)
                {
                    int end = start + parameter.Length;
                    if (end == requestUri.Length || requestUri[end] == '&' || requestUri[end] == ' ' || (requestUri[end] == '=' && parameter.IndexOf('=') < 0))
                    {
                        return true;
                    }
                }

                query = requestUri.IndexOf('&', start);
            }

            return false;
        }

        /// <summary>The API name for a Ceph ops-log operation (snake_case), from the table or by PascalCasing it.</summary>
        public static string FromCeph(string raw, bool hasKey, string uri)
        {
            if (raw.Length == 0)
            {
                return raw;
            }

            if (raw == "get_obj" && uri.StartsWith("HEAD ", StringComparison.Ordinal))
            {
                return "HeadObject";
            }

            if (Ceph.TryGetValue(raw, out string? name))
            {
                if (hasKey && (name == "GetBucketAcl" || name == "PutBucketAcl"))
                {
                    return name.Replace("Bucket", "Object");
                }

                return Refined(name, uri);
            }

            var sb = new StringBuilder(raw.Length);
            bool upper = true;
            foreach (char c in raw)
            {
                if (c == '_')
                {
                    upper = true;
                    continue;
                }

                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }

            return sb.ToString();
        }
    }
}
