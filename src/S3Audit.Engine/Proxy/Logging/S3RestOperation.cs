using System;
using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Proxy.Logging
{
    /// <summary>
    /// The access log's Operation field (REST.&lt;METHOD&gt;.&lt;RESOURCE&gt;) for a request, named as AWS names it and as
    /// the module's access-log reader maps it to API names (REST.PUT.OBJECT, REST.POST.UPLOADS, REST.PUT.PART,
    /// REST.POST.MULTI_OBJECT_DELETE, REST.COPY.OBJECT ...).
    /// </summary>
    internal static class S3RestOperation
    {
        // Subresources in the order they are looked for; the first present names the resource.
        private static readonly (string Query, string Bucket, string Object)[] Subresources =
        {
            ("acl", "ACL", "ACL"), ("tagging", "TAGGING", "OBJECT_TAGGING"), ("policy", "BUCKETPOLICY", "BUCKETPOLICY"),
            ("policyStatus", "POLICY_STATUS", "POLICY_STATUS"), ("location", "LOCATION", "LOCATION"), ("logging", "LOGGING_STATUS", "LOGGING_STATUS"),
            ("versioning", "VERSIONING", "VERSIONING"), ("lifecycle", "LIFECYCLE", "LIFECYCLE"), ("cors", "CORS", "CORS"),
            ("encryption", "ENCRYPTION", "ENCRYPTION"), ("publicAccessBlock", "PUBLIC_ACCESS_BLOCK", "PUBLIC_ACCESS_BLOCK"),
            ("ownershipControls", "OWNERSHIP_CONTROLS", "OWNERSHIP_CONTROLS"), ("object-lock", "OBJECT_LOCK_CONFIGURATION", "OBJECT_LOCK_CONFIGURATION"),
            ("website", "WEBSITE", "WEBSITE"), ("notification", "NOTIFICATION", "NOTIFICATION"), ("replication", "REPLICATION", "REPLICATION"),
            ("accelerate", "ACCELERATE", "ACCELERATE"), ("requestPayment", "REQUEST_PAYMENT", "REQUEST_PAYMENT"), ("versions", "BUCKETVERSIONS", "BUCKETVERSIONS"),
            ("analytics", "ANALYTICS", "ANALYTICS"), ("inventory", "INVENTORY", "INVENTORY"), ("metrics", "METRICS", "METRICS"),
            ("intelligent-tiering", "INTELLIGENT_TIERING", "INTELLIGENT_TIERING"), ("restore", "RESTORE", "RESTORE"),
            ("retention", "RETENTION", "RETENTION"), ("legal-hold", "LEGAL_HOLD", "LEGAL_HOLD"), ("attributes", "OBJECT_ATTRIBUTES", "OBJECT_ATTRIBUTES"),
            ("delete", "MULTI_OBJECT_DELETE", "MULTI_OBJECT_DELETE"), ("uploads", "UPLOADS", "UPLOADS"),
        };

        /// <summary>The operation for a request on <paramref name="bucket"/>/<paramref name="key"/> (either may be empty).</summary>
        public static string For(string method, string bucket, string key, IReadOnlyList<KeyValuePair<string, string>> query, bool hasCopySource)
        {
            string verb = method.ToUpperInvariant();
            if (bucket.Length == 0)
            {
                return $"REST.{verb}.SERVICE";
            }

            bool Has(string name) => query.Any(p => string.Equals(p.Key, name, StringComparison.Ordinal));
            bool isObject = key.Length > 0;
            if (isObject && Has("uploadId"))
            {
                if (verb == "PUT")
                {
                    return hasCopySource ? "REST.COPY.PART" : "REST.PUT.PART";
                }

                return $"REST.{verb}.UPLOAD";
            }

            foreach ((string name, string onBucket, string onObject) in Subresources)
            {
                if (Has(name))
                {
                    return $"REST.{verb}.{(isObject ? onObject : onBucket)}";
                }
            }

            if (isObject)
            {
                return verb == "PUT" && hasCopySource ? "REST.COPY.OBJECT" : $"REST.{verb}.OBJECT";
            }

            return $"REST.{verb}.BUCKET";
        }
    }
}
