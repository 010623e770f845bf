using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Lists log objects under a prefix, pushing a time range down into the listing: keys whose time (see
    /// <see cref="LogKeyTime"/>) is outside [start − lookBack, end + lookBack] are skipped, and a run of them is
    /// jumped over with a new listing that starts after the first relevant key of the same stem. The look-back
    /// margin exists because key times are delivery (or roll) times, not request times. Keys of no known layout are
    /// always returned. CloudTrail digest files are skipped.
    /// </summary>
    public static class LogObjectLister
    {
        /// <summary>The objects to read.</summary>
        public static async IAsyncEnumerable<ListedObject> ListAsync(S3Session session, string bucketName, string? prefix,
            DateTimeOffset? start, DateTimeOffset? end, TimeSpan lookBack, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            DateTimeOffset lower = start.HasValue ? start.Value - lookBack : DateTimeOffset.MinValue;
            DateTimeOffset upper = end.HasValue && end.Value < DateTimeOffset.MaxValue - lookBack ? end.Value + lookBack : DateTimeOffset.MaxValue;
            string? startAfter = null;
            while (true)
            {
                string? restart = null;
                await foreach (ListedObject item in ObjectLister.ListAsync(session, bucketName, prefix, true, cancellationToken, startAfter).ConfigureAwait(false))
                {
                    if (item.Key.EndsWith("/", StringComparison.Ordinal) || item.Key.IndexOf("CloudTrail-Digest/", StringComparison.Ordinal) >= 0)
                    {
                        continue;
                    }

                    LogKeyTime? time = LogKeyTime.Parse(item.Key);
                    if (time == null)
                    {
                        yield return item;
                        continue;
                    }

                    string? jump = null;
                    if (time.High < lower)
                    {
                        jump = time.StartAfterFor(lower);
                    }
                    else if (time.Low > upper)
                    {
                        jump = time.StartAfterEnd();
                    }
                    else
                    {
                        yield return item;
                        continue;
                    }

                    // Only jump forward; otherwise keep paging.
                    if (string.CompareOrdinal(jump, item.Key) > 0)
                    {
                        restart = jump;
                        break;
                    }
                }

                if (restart == null)
                {
                    yield break;
                }

                startAfter = restart;
            }
        }
    }
}
