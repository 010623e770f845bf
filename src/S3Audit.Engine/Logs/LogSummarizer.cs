using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Measure-S3AuditLog's engine, callable from .NET (e.g. "anomalies over the last N hours"): groups entries by
    /// dimensions and computes per group Requests, Errors, BytesSent, DistinctRemoteIps, FirstSeen, LastSeen and
    /// TotalTimeMs p50/p95. Memory grows with the number of groups and distinct addresses, plus 4 bytes per entry for
    /// the percentiles. <see cref="Add"/> is thread-safe.
    /// </summary>
    public sealed class LogSummarizer
    {
        private readonly S3AuditLogDimension[] _dimensions;
        private readonly Dictionary<GroupKey, Group> _groups = new Dictionary<GroupKey, Group>();
        private static readonly string[] StatusText = Enumerable.Range(0, 1000).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        private readonly object _gate = new object();
        private readonly TimeBucket _hours = new TimeBucket(TimeSpan.TicksPerHour, "yyyy-MM-dd HH:00");
        private readonly TimeBucket _days = new TimeBucket(TimeSpan.TicksPerDay, "yyyy-MM-dd");

        /// <summary>Metrics and dimensions <see cref="GetSummary"/> can sort by.</summary>
        public static readonly IReadOnlyList<string> SortFields = new[] { "Requests", "Errors", "BytesSent", "DistinctRemoteIps", "FirstSeen", "LastSeen", "TotalTimeMsP50", "TotalTimeMsP95", "Group" };

        /// <summary>A summarizer grouping by <paramref name="groupBy"/> (none: one group over everything).</summary>
        public LogSummarizer(IEnumerable<S3AuditLogDimension> groupBy) => _dimensions = (groupBy ?? Enumerable.Empty<S3AuditLogDimension>()).Distinct().ToArray();

        /// <summary>Entries added.</summary>
        public long Count { get; private set; }

        /// <summary>Adds one entry.</summary>
        public void Add(S3AuditLogEntry entry)
        {
            lock (_gate)
            {
                GroupKey key = Key(entry);
                if (!_groups.TryGetValue(key, out Group? group))
                {
                    group = new Group(entry, key.ToString());
                    _groups.Add(key, group);
                }

                group.Add(entry);
                Count++;
            }
        }

        /// <summary>Adds entries.</summary>
        public void AddRange(IEnumerable<S3AuditLogEntry> entries)
        {
            foreach (S3AuditLogEntry e in entries)
            {
                Add(e);
            }
        }

        /// <summary>
        /// The groups as rows, sorted by <paramref name="sortBy"/> (metrics largest first, FirstSeen and Group in
        /// ascending order), the first <paramref name="top"/> when it is above 0.
        /// </summary>
        public IReadOnlyList<S3AuditLogSummary> GetSummary(int top = 0, string sortBy = "Requests")
        {
            List<S3AuditLogSummary> rows;
            lock (_gate)
            {
                rows = _groups.Values.Select(g => g.ToSummary(_dimensions)).ToList();
            }

            IOrderedEnumerable<S3AuditLogSummary> sorted = (sortBy ?? "Requests").ToUpperInvariant() switch
            {
                "REQUESTS" => rows.OrderByDescending(r => r.Requests),
                "ERRORS" => rows.OrderByDescending(r => r.Errors),
                "BYTESSENT" => rows.OrderByDescending(r => r.BytesSent),
                "DISTINCTREMOTEIPS" => rows.OrderByDescending(r => r.DistinctRemoteIps),
                "FIRSTSEEN" => rows.OrderBy(r => r.FirstSeen),
                "LASTSEEN" => rows.OrderByDescending(r => r.LastSeen),
                "TOTALTIMEMSP50" => rows.OrderByDescending(r => r.TotalTimeMsP50),
                "TOTALTIMEMSP95" => rows.OrderByDescending(r => r.TotalTimeMsP95),
                "GROUP" => rows.OrderBy(r => r.Group, StringComparer.Ordinal),
                _ => throw new ArgumentException($"Cannot sort by '{sortBy}'. Use one of: {string.Join(", ", SortFields)}.", nameof(sortBy)),
            };
            IEnumerable<S3AuditLogSummary> result = sorted.ThenByDescending(r => r.Requests).ThenBy(r => r.Group, StringComparer.Ordinal);
            return (top > 0 ? result.Take(top) : result).ToList();
        }

        private GroupKey Key(S3AuditLogEntry e)
        {
            switch (_dimensions.Length)
            {
                case 0:
                    return new GroupKey(string.Empty, null, null);
                case 1:
                    return new GroupKey(Value(_dimensions[0], e), null, null);
                case 2:
                    return new GroupKey(Value(_dimensions[0], e), Value(_dimensions[1], e), null);
                case 3:
                    return new GroupKey(Value(_dimensions[0], e), Value(_dimensions[1], e), Value(_dimensions[2], e));
                default:
                    return new GroupKey(string.Join("\u001f", _dimensions.Select(d => Value(d, e))), null, null);
            }
        }

        /// <summary>Up to three dimension values without building a joined string per entry.</summary>
        private readonly struct GroupKey : IEquatable<GroupKey>
        {
            private readonly string _a;
            private readonly string? _b, _c;

            public GroupKey(string a, string? b, string? c)
            {
                _a = a;
                _b = b;
                _c = c;
            }

            public bool Equals(GroupKey other) =>
                string.Equals(_a, other._a, StringComparison.Ordinal) && string.Equals(_b, other._b, StringComparison.Ordinal) && string.Equals(_c, other._c, StringComparison.Ordinal);

            public override bool Equals(object? obj) => obj is GroupKey other && Equals(other);

            public override int GetHashCode()
            {
                unchecked
                {
                    int h = StringComparer.Ordinal.GetHashCode(_a);
                    h = h * 31 + (_b == null ? 0 : StringComparer.Ordinal.GetHashCode(_b));
                    return h * 31 + (_c == null ? 0 : StringComparer.Ordinal.GetHashCode(_c));
                }
            }

            public override string ToString() => _c != null ? _a + "\u001f" + _b + "\u001f" + _c : _b != null ? _a + "\u001f" + _b : _a;
        }

        private string Value(S3AuditLogDimension d, S3AuditLogEntry e)
        {
            switch (d)
            {
                case S3AuditLogDimension.Operation: return e.Operation;
                case S3AuditLogDimension.Requester: return e.Requester;
                case S3AuditLogDimension.AccessKeyId: return e.AccessKeyId;
                case S3AuditLogDimension.RemoteIp: return e.RemoteIp;
                case S3AuditLogDimension.BucketName: return e.BucketName;
                case S3AuditLogDimension.Key: return e.Key;
                case S3AuditLogDimension.HttpStatus: return e.HttpStatus >= 0 && e.HttpStatus < 1000 ? StatusText[e.HttpStatus] : e.HttpStatus.ToString(CultureInfo.InvariantCulture);
                case S3AuditLogDimension.ErrorCode: return e.ErrorCode;
                case S3AuditLogDimension.UserAgent: return e.UserAgent;
                case S3AuditLogDimension.Hour: return _hours.Label(e.Time);
                case S3AuditLogDimension.Day: return _days.Label(e.Time);
                default:
                    throw new ArgumentOutOfRangeException(nameof(d), d, null);
            }
        }

        private sealed class Group
        {
            private readonly S3AuditLogEntry _sample;
            private readonly string _key;
            private readonly HashSet<string> _ips = new HashSet<string>(StringComparer.Ordinal);
            private readonly List<float> _times = new List<float>();
            private long _requests, _errors, _bytes;
            private DateTimeOffset _first = DateTimeOffset.MaxValue, _last = DateTimeOffset.MinValue;

            public Group(S3AuditLogEntry sample, string key)
            {
                _sample = sample;
                _key = key;
            }

            public void Add(S3AuditLogEntry e)
            {
                _requests++;
                if (e.HttpStatus >= 400 || e.ErrorCode.Length > 0)
                {
                    _errors++;
                }

                _bytes += e.BytesSent;
                if (e.RemoteIp.Length > 0)
                {
                    _ips.Add(e.RemoteIp);
                }

                if (e.Time < _first)
                {
                    _first = e.Time;
                }

                if (e.Time > _last)
                {
                    _last = e.Time;
                }

                _times.Add((float)e.TotalTimeMs);
            }

            public S3AuditLogSummary ToSummary(S3AuditLogDimension[] dimensions)
            {
                float[] times = _times.ToArray();
                Array.Sort(times);
                var row = new S3AuditLogSummary
                {
                    Group = _key.Replace("\u001f", ", "),
                    Requests = _requests,
                    Errors = _errors,
                    BytesSent = _bytes,
                    DistinctRemoteIps = _ips.Count,
                    FirstSeen = _first,
                    LastSeen = _last,
                    TotalTimeMsP50 = Percentile(times, 0.50),
                    TotalTimeMsP95 = Percentile(times, 0.95),
                };
                S3AuditLogEntry s = _sample;
                foreach (S3AuditLogDimension d in dimensions)
                {
                    switch (d)
                    {
                        case S3AuditLogDimension.Operation: row.Operation = s.Operation; break;
                        case S3AuditLogDimension.Requester: row.Requester = s.Requester; break;
                        case S3AuditLogDimension.AccessKeyId: row.AccessKeyId = s.AccessKeyId; break;
                        case S3AuditLogDimension.RemoteIp: row.RemoteIp = s.RemoteIp; break;
                        case S3AuditLogDimension.BucketName: row.BucketName = s.BucketName; break;
                        case S3AuditLogDimension.Key: row.Key = s.Key; break;
                        case S3AuditLogDimension.HttpStatus: row.HttpStatus = s.HttpStatus; break;
                        case S3AuditLogDimension.ErrorCode: row.ErrorCode = s.ErrorCode; break;
                        case S3AuditLogDimension.UserAgent: row.UserAgent = s.UserAgent; break;
                        case S3AuditLogDimension.Hour: row.Hour = TimeBucket.Truncate(s.Time, TimeSpan.TicksPerHour); break;
                        case S3AuditLogDimension.Day: row.Day = TimeBucket.Truncate(s.Time, TimeSpan.TicksPerDay); break;
                    }
                }

                return row;
            }

            /// <summary>Nearest-rank percentile.</summary>
            private static double Percentile(float[] sorted, double p)
            {
                if (sorted.Length == 0)
                {
                    return 0;
                }

                int rank = (int)Math.Ceiling(p * sorted.Length) - 1;
                return Math.Round(sorted[Math.Max(0, Math.Min(sorted.Length - 1, rank))], 3);
            }
        }
    }
}
