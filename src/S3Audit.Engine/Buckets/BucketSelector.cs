using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Text;

namespace S3Audit.Engine.Buckets
{
    /// <summary>
    /// Turns -BucketName values into bucket names. Literal names are used as given (so a missing bucket gets its
    /// own NoSuchBucket error from the call that follows); wildcards and "all buckets" list the account's buckets.
    /// </summary>
    public sealed class BucketSelector
    {
        private readonly S3Session _session;
        private Task<IReadOnlyDictionary<string, DateTimeOffset?>>? _listing;

        /// <summary>Creates a selector for a session.</summary>
        public BucketSelector(S3Session session) => _session = session;

        /// <summary>
        /// The buckets named by <paramref name="patterns"/> (null or empty: every bucket), in listing order, each once.
        /// A wildcard that matches nothing is reported as an error; the other patterns still count.
        /// </summary>
        public async Task<IReadOnlyList<string>> SelectAsync(IEnumerable<string>? patterns, IAuditOutput output, CancellationToken cancellationToken)
        {
            List<string> given = (patterns ?? Enumerable.Empty<string>()).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
            var result = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            List<Wildcard> wildcards = given.Where(Wildcard.ContainsWildcard).Select(p => new Wildcard(p)).ToList();

            foreach (string literal in given.Where(p => !Wildcard.ContainsWildcard(p)))
            {
                if (seen.Add(literal))
                {
                    result.Add(literal);
                }
            }

            if (given.Count > 0 && wildcards.Count == 0)
            {
                return result;
            }

            IReadOnlyList<string> all;
            try
            {
                all = await ListAllAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new AuditException(S3ErrorClassifier.ClassifyRunFailure(e, "ListBuckets"));
            }

            output.WriteVerbose($"ListBuckets returned {all.Count} bucket(s).");
            if (given.Count == 0)
            {
                return all;
            }

            foreach (Wildcard wildcard in wildcards)
            {
                List<string> matches = all.Where(wildcard.IsMatch).ToList();
                if (matches.Count == 0)
                {
                    output.WriteError(new AuditError("BucketPatternNoMatch", AuditErrorKind.NotFound,
                        $"No bucket matches '{wildcard.Pattern}' among the {all.Count} bucket(s) this identity can list.", wildcard.Pattern));
                }

                foreach (string name in matches.Where(seen.Add))
                {
                    result.Add(name);
                }
            }

            return result;
        }

        /// <summary>Every bucket the identity can list (ListBuckets, following continuation tokens).</summary>
        public async Task<IReadOnlyList<string>> ListAllAsync(CancellationToken cancellationToken) =>
            (await ListCreationDatesAsync(cancellationToken).ConfigureAwait(false)).Keys.ToList();

        /// <summary>
        /// Every bucket the identity can list with its creation date (null when the server sends none), in listing order.
        /// Listed once per selector: selecting by wildcard and reading creation dates share the same ListBuckets pages.
        /// </summary>
        public Task<IReadOnlyDictionary<string, DateTimeOffset?>> ListCreationDatesAsync(CancellationToken cancellationToken) =>
            _listing ??= ListOnceAsync(cancellationToken);

        private async Task<IReadOnlyDictionary<string, DateTimeOffset?>> ListOnceAsync(CancellationToken cancellationToken)
        {
            var buckets = new OrderedBuckets();
            string? token = null;
            do
            {
                ListBucketsResponse response = await _session.Client.ListBucketsAsync(new ListBucketsRequest { ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
                foreach (S3Bucket bucket in response.Buckets ?? new List<S3Bucket>())
                {
                    buckets.Add(bucket.BucketName, bucket.CreationDate.HasValue ? new DateTimeOffset(bucket.CreationDate.Value.ToUniversalTime()) : (DateTimeOffset?)null);
                }

                token = string.IsNullOrEmpty(response.ContinuationToken) ? null : response.ContinuationToken;
            }
            while (token != null);

            return buckets;
        }

        /// <summary>A read-only map that keeps the listing order.</summary>
        private sealed class OrderedBuckets : IReadOnlyDictionary<string, DateTimeOffset?>
        {
            private readonly List<string> _order = new List<string>();
            private readonly Dictionary<string, DateTimeOffset?> _dates = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);

            public void Add(string name, DateTimeOffset? created)
            {
                if (!_dates.ContainsKey(name))
                {
                    _order.Add(name);
                }

                _dates[name] = created;
            }

            public DateTimeOffset? this[string key] => _dates[key];
            public IEnumerable<string> Keys => _order;
            public IEnumerable<DateTimeOffset?> Values => _order.Select(n => _dates[n]);
            public int Count => _order.Count;
            public bool ContainsKey(string key) => _dates.ContainsKey(key);
            public bool TryGetValue(string key, out DateTimeOffset? value) => _dates.TryGetValue(key, out value);
            public IEnumerator<KeyValuePair<string, DateTimeOffset?>> GetEnumerator() => _order.Select(n => new KeyValuePair<string, DateTimeOffset?>(n, _dates[n])).GetEnumerator();
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
