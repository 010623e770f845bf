using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Lake
{
    /// <summary>
    /// Decides, from the manifest, which sources a run reads and from which record: an unchanged source already read
    /// is passed over; one whose read failed part-way, or that has grown since (an appended log file), is read on
    /// after the records already exported. Collects what this run read, for the manifest.
    /// </summary>
    internal sealed class SourceLedger : ILogSourceTracker
    {
        private readonly Dictionary<string, ManifestSource> _known;
        private readonly LakeDestination _destination;
        private readonly IAuditOutput _output;
        private readonly ConcurrentDictionary<string, ManifestSource> _read = new ConcurrentDictionary<string, ManifestSource>(StringComparer.Ordinal);
        private long _skipped;
        private long _failed;

        public SourceLedger(LakeManifest manifest, LakeDestination destination, IAuditOutput output)
        {
            _known = manifest.Sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
            _destination = destination;
            _output = output;
        }

        /// <summary>Sources passed over as already exported.</summary>
        public long Skipped => Interlocked.Read(ref _skipped);
        /// <summary>Sources whose read failed part-way or entirely.</summary>
        public long Failed => Interlocked.Read(ref _failed);
        /// <summary>Sources read (wholly or in part) in this run.</summary>
        public IReadOnlyCollection<ManifestSource> Read => _read.Values.ToList();

        public long Plan(LogSource source)
        {
            if (_destination.Contains(source.Name))
            {
                return -1; // the lake's own files, when it lies inside the folder or prefix being exported
            }

            if (!_known.TryGetValue(source.Name, out ManifestSource? known))
            {
                return 0;
            }

            if (SameContent(known, source))
            {
                if (known.Complete)
                {
                    Interlocked.Increment(ref _skipped);
                    return -1;
                }

                _output.WriteVerbose($"{source.Name}: read on after record {known.Records}, where the last run's read failed.");
                return known.Records;
            }

            if (source.Length > known.Length)
            {
                _output.WriteVerbose($"{source.Name}: grew from {known.Length} to {source.Length} bytes since it was exported; read on after record {known.Records}.");
                return known.Records;
            }

            _output.WriteWarning($"{source.Name} changed since it was exported ({known.Length} bytes then, {source.Length} now) and did not grow: it is read again from the start, so entries exported from its earlier content may appear twice.");
            return 0;
        }

        public void Done(LogSource source, long records, bool complete)
        {
            if (!complete)
            {
                Interlocked.Increment(ref _failed);
            }

            _read[source.Name] = new ManifestSource
            {
                Name = source.Name,
                Length = source.Length,
                Modified = source.LastModified,
                ETag = source.ETag,
                Records = records,
                Complete = complete,
            };
        }

        private static bool SameContent(ManifestSource known, LogSource source)
        {
            if (!string.IsNullOrEmpty(known.ETag) && !string.IsNullOrEmpty(source.ETag))
            {
                return string.Equals(known.ETag, source.ETag, StringComparison.Ordinal) && known.Length == source.Length;
            }

            return known.Length == source.Length && known.Modified == source.LastModified;
        }
    }
}
