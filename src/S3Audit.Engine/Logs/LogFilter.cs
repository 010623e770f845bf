using System;
using System.Collections.Generic;
using System.Linq;
using S3Audit.Engine.Net;
using S3Audit.Engine.Text;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Which entries to keep, applied to parsed records before any entry object exists. Empty lists match everything.
    /// Patterns are PowerShell wildcards, case-insensitive.
    /// </summary>
    public sealed class LogFilter
    {
        private Wildcard[]? _operations;
        private Wildcard[]? _keys;
        private Wildcard[]? _requesters;
        private CidrBlock[]? _ranges;
        private HashSet<int>? _statuses;

        /// <summary>Keep entries at or after this time.</summary>
        public DateTimeOffset? StartTime { get; set; }
        /// <summary>Keep entries at or before this time.</summary>
        public DateTimeOffset? EndTime { get; set; }
        /// <summary>Operation patterns (matched against the API name and the raw operation).</summary>
        public IList<string> Operation { get; set; } = new List<string>();
        /// <summary>Key patterns.</summary>
        public IList<string> Key { get; set; } = new List<string>();
        /// <summary>Requester patterns (matched against the requester and the access key id).</summary>
        public IList<string> Requester { get; set; } = new List<string>();
        /// <summary>Client addresses or CIDR blocks.</summary>
        public IList<string> RemoteIp { get; set; } = new List<string>();
        /// <summary>HTTP statuses to keep.</summary>
        public IList<int> HttpStatus { get; set; } = new List<int>();
        /// <summary>Keep only 4xx/5xx or entries with an error code.</summary>
        public bool ErrorsOnly { get; set; }

        /// <summary>A filter that keeps everything.</summary>
        public static LogFilter All => new LogFilter();

        /// <summary>
        /// Checks the filter and prepares its patterns. Throws <see cref="ArgumentException"/> (its message names the
        /// value, not a .NET parameter) for a start time after the end time or a bad address range.
        /// </summary>
        public LogFilter Compile()
        {
            if (StartTime.HasValue && EndTime.HasValue && StartTime.Value > EndTime.Value)
            {
                throw new ArgumentException(
                    $"StartTime {StartTime.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z is after EndTime {EndTime.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z: no entry can match. Swap them, or leave one out.");
            }

            _operations = Compile(Operation);
            _keys = Compile(Key);
            _requesters = Compile(Requester);
            _ranges = RemoteIp.Count == 0 ? null : RemoteIp.Select(Range).ToArray();
            _statuses = HttpStatus.Count == 0 ? null : new HashSet<int>(HttpStatus);
            return this;
        }

        private static CidrBlock Range(string? text)
        {
            // Typed by hand: spaces around an address are forgiven here (a policy value gets no such leeway).
            return CidrBlock.TryParse(text?.Trim(), out CidrBlock? block, out string error) ? block! : throw new ArgumentException(error + ".");
        }

        /// <summary>The checks that need no strings: time, status, error.</summary>
        internal bool PassesEarly(DateTimeOffset time, int status, bool isError) => PassesTime(time) && PassesStatus(status, isError);

        /// <summary>The time range alone.</summary>
        internal bool PassesTime(DateTimeOffset time) =>
            !(StartTime.HasValue && time < StartTime.Value) && !(EndTime.HasValue && time > EndTime.Value);

        /// <summary>The status and error checks.</summary>
        internal bool PassesStatus(int status, bool isError) => (_statuses == null || _statuses.Contains(status)) && (!ErrorsOnly || isError);

        /// <summary>The status checks, for records whose errors are exactly their 4xx/5xx statuses.</summary>
        internal bool PassesStatus(int status) => PassesStatus(status, status >= 400);

        /// <summary>All checks.</summary>
        internal bool Passes(LogRecord r) =>
            PassesEarly(r.Time, r.HttpStatus, r.IsError) && PassesOperation(r.Operation, r.RawOperation) && PassesKey(r.Key) &&
            PassesRequester(r.Requester, r.AccessKeyId) && PassesRemoteIp(r.RemoteIp);

        internal bool PassesOperation(string operation, string rawOperation) =>
            _operations == null || Wildcard.AnyMatch(_operations, operation) || Wildcard.AnyMatch(_operations, rawOperation);

        internal bool PassesKey(string key) => _keys == null || Wildcard.AnyMatch(_keys, key);

        internal bool PassesRequester(string requester, string accessKeyId) =>
            _requesters == null || Wildcard.AnyMatch(_requesters, requester) || Wildcard.AnyMatch(_requesters, accessKeyId);

        internal bool PassesRemoteIp(string remoteIp)
        {
            if (_ranges == null)
            {
                return true;
            }

            if (!ClientAddress.TryParse(remoteIp, out ClientAddress address))
            {
                return false;
            }

            foreach (CidrBlock range in _ranges)
            {
                if (range.Contains(address))
                {
                    return true;
                }
            }

            return false;
        }

        private static Wildcard[]? Compile(IList<string> patterns) => patterns.Count == 0 ? null : Wildcard.CompileAll(patterns);
    }
}
