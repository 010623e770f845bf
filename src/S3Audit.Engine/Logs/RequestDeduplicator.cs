using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Drops entries delivered more than once (AWS log delivery is best effort). The identity is request id +
    /// raw operation + bucket + key + time, not the request id alone: a multi-object delete logs one record per key
    /// under one request id. Entries without a request id are never dropped. Thread-safe.
    /// </summary>
    /// <remarks>
    /// Memory is bounded however much is read: a 64-bit hash per entry is kept in ten-minute windows of entry time,
    /// and once more than <see cref="MaxRemembered"/> are kept, the oldest windows are forgotten. A late copy of a
    /// forgotten entry then passes; re-deliveries come hours, not weeks, later, so the recent windows are the ones
    /// that catch them.
    /// </remarks>
    public sealed class RequestDeduplicator
    {
        /// <summary>Hashes kept by default: about 100 MB, several hours of a busy bucket's requests.</summary>
        public const int DefaultMaxRemembered = 4_000_000;

        private static readonly long WindowTicks = TimeSpan.FromMinutes(10).Ticks;
        private readonly Dictionary<long, HashSet<ulong>> _windows = new Dictionary<long, HashSet<ulong>>();
        private readonly object _lock = new object();
        private long _lastWindow = long.MinValue;
        private HashSet<ulong>? _lastSet;

        public RequestDeduplicator()
            : this(DefaultMaxRemembered)
        {
        }

        /// <param name="maxRemembered">Hashes kept before the oldest windows are forgotten.</param>
        public RequestDeduplicator(int maxRemembered)
        {
            if (maxRemembered < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxRemembered), maxRemembered, "Keep at least one entry.");
            }

            MaxRemembered = maxRemembered;
        }

        /// <summary>Hashes kept before the oldest windows are forgotten.</summary>
        public int MaxRemembered { get; }

        /// <summary>Duplicates dropped so far.</summary>
        public long Duplicates { get; private set; }

        /// <summary>Entries remembered now.</summary>
        public long Remembered { get; private set; }

        /// <summary>Entries forgotten to keep memory bounded; later copies of them were not looked for.</summary>
        public long Forgotten { get; private set; }

        /// <summary>True when an entry with the same identity was seen before (and is still remembered).</summary>
        public bool IsDuplicate(S3AuditLogEntry entry)
        {
            if (entry.RequestId.Length == 0)
            {
                return false;
            }

            ulong hash = 14695981039346656037UL;
            hash = Mix(hash, entry.RequestId);
            hash = Mix(hash, entry.RawOperation);
            hash = Mix(hash, entry.BucketName);
            hash = Mix(hash, entry.Key);
            hash = (hash ^ (ulong)entry.Time.UtcTicks) * 1099511628211UL;
            long window = entry.Time.UtcTicks / WindowTicks;
            lock (_lock)
            {
                if (!WindowOf(window).Add(hash))
                {
                    Duplicates++;
                    return true;
                }

                if (++Remembered > MaxRemembered)
                {
                    ForgetOldest();
                }

                return false;
            }
        }

        private HashSet<ulong> WindowOf(long window)
        {
            if (window == _lastWindow && _lastSet != null)
            {
                return _lastSet;
            }

            if (!_windows.TryGetValue(window, out HashSet<ulong>? set))
            {
                set = new HashSet<ulong>();
                _windows.Add(window, set);
            }

            _lastWindow = window;
            _lastSet = set;
            return set;
        }

        /// <summary>Forgets whole windows, oldest first, down to three quarters of the limit, so this runs rarely.</summary>
        private void ForgetOldest()
        {
            long target = MaxRemembered - MaxRemembered / 4;
            foreach (long window in _windows.Keys.OrderBy(w => w).ToList())
            {
                if (Remembered <= target)
                {
                    break;
                }

                int count = _windows[window].Count;
                _windows.Remove(window);
                Remembered -= count;
                Forgotten += count;
                if (window == _lastWindow)
                {
                    _lastSet = null;
                }
            }
        }

        private static ulong Mix(ulong hash, string text)
        {
            unchecked
            {
                // Four characters a step (keys are long): the hashes are compared within one run only, never stored.
                ReadOnlySpan<char> chars = text.AsSpan();
                foreach (ulong word in MemoryMarshal.Cast<char, ulong>(chars))
                {
                    hash = (hash ^ word) * 0x9E3779B97F4A7C15UL;
                    hash ^= hash >> 29;
                }

                for (int i = chars.Length & ~3; i < chars.Length; i++)
                {
                    hash = (hash ^ chars[i]) * 1099511628211UL;
                }

                return (hash ^ (ulong)chars.Length) * 1099511628211UL;
            }
        }
    }
}
