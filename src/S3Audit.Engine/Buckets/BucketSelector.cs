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
    /// One selector serves a whole pipeline: its listing is kept from one selection to the next, and a selection that
    /// misses a bucket in a listing kept from an earlier one lists again once (a bucket created upstream since).
    /// </summary>
    public sealed class BucketSelector
    {
        private readonly S3Session _session;
        private Task<Listing>? _listing;
        private bool _listedThisSelection;

        /// <summary>Creates a selector for a session.</summary>
        public BucketSelector(S3Session session) => _session = session;

        /// <summary>
        /// The buckets named by <paramref name="patterns"/> (null or empty: every bucket), in listing order, each once.
        /// A wildcard that matches nothing is reported as an error; the other patterns still count.
        /// </summary>
        public async Task<IReadOnlyList<string>> SelectAsync(IEnumerable<string>? patterns, IAuditOutput output, CancellationToken cancellationToken)
        {
            _listedThisSelection = false;
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
                all = (await ListingAsync(l => wildcards.TrueForAll(w => l.Names.Exists(w.IsMatch)), cancellationToken).ConfigureAwait(false)).Names;
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken))
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
            (await ListingAsync(_ => true, cancellationToken).ConfigureAwait(false)).Names;

        /// <summary>
        /// Every bucket the identity can list with its creation date (null when the server sends none), listed again once
        /// when one of <paramref name="buckets"/> is missing from a listing kept from an earlier selection. Selecting by
        /// wildcard and reading creation dates share the same ListBuckets pages.
        /// </summary>
        public async Task<IReadOnlyDictionary<string, DateTimeOffset?>> ListCreationDatesAsync(IReadOnlyCollection<string> buckets, CancellationToken cancellationToken) =>
            (await ListingAsync(l => buckets.All(l.Dates.ContainsKey), cancellationToken).ConfigureAwait(false)).Dates;

        /// <summary>The kept listing, or a new one when the kept one came from an earlier selection and does not answer <paramref name="answers"/>.</summary>
        private async Task<Listing> ListingAsync(Func<Listing, bool> answers, CancellationToken cancellationToken)
        {
            Listing listing = await KeptOrNewListingAsync(cancellationToken).ConfigureAwait(false);
            if (_listedThisSelection || answers(listing))
            {
                return listing;
            }

            _listing = null;
            return await KeptOrNewListingAsync(cancellationToken).ConfigureAwait(false);
        }

        private async Task<Listing> KeptOrNewListingAsync(CancellationToken cancellationToken)
        {
            if (_listing == null)
            {
                _listing = ListOnceAsync(cancellationToken);
                _listedThisSelection = true;
            }

            try
            {
                return await _listing.ConfigureAwait(false);
            }
            catch
            {
                // A failed listing is not kept: the next selection tries again.
                _listing = null;
                throw;
            }
        }

        private async Task<Listing> ListOnceAsync(CancellationToken cancellationToken)
        {
            var listing = new Listing();
            string? token = null;
            do
            {
                ListBucketsResponse response = await _session.Client.ListBucketsAsync(new ListBucketsRequest { ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
                foreach (S3Bucket bucket in response.Buckets ?? new List<S3Bucket>())
                {
                    if (!listing.Dates.ContainsKey(bucket.BucketName))
                    {
                        listing.Names.Add(bucket.BucketName);
                    }

                    listing.Dates[bucket.BucketName] = bucket.CreationDate.HasValue ? new DateTimeOffset(bucket.CreationDate.Value.ToUniversalTime()) : (DateTimeOffset?)null;
                }

                token = string.IsNullOrEmpty(response.ContinuationToken) ? null : response.ContinuationToken;
            }
            while (token != null);

            return listing;
        }

        /// <summary>One ListBuckets result: the names in listing order, each once, and their creation dates.</summary>
        private sealed class Listing
        {
            public List<string> Names { get; } = new List<string>();
            public Dictionary<string, DateTimeOffset?> Dates { get; } = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        }
    }
}
