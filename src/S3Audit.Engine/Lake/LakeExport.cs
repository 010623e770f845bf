using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Lake
{
    /// <summary>
    /// One Export-S3AuditLog run: takes the lake's lock, finishes a commit a killed run left half done, reads the manifest,
    /// then takes entries (from <see cref="ReadAsync"/>, which reads log sources with <see cref="LogEntryReader"/> and
    /// passes over those already exported, or from <see cref="Add"/>) and writes them as Parquet to staging files.
    /// <see cref="CommitAsync"/> publishes every file and then records the sources in the manifest; a run that ends
    /// any other way (an error, Ctrl+C) removes its staged files and leaves the lake and manifest as they were.
    /// </summary>
    public sealed class LakeExport : IDisposable
    {
        private const int ProgressId = 6;
        private readonly LakeExportRequest _request;
        private readonly ILakeStore _store;
        private readonly PartitionWriterPool _pool;
        private readonly string _runId;
        private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
        private readonly List<StagedFile> _staged = new List<StagedFile>();
        private LakeManifest _manifest = new LakeManifest();
        private SourceLedger? _ledger;
        private int _sequence;
        private bool _finished;

        private LakeExport(LakeExportRequest request, ILakeStore store, ILakeFileWriterFactory writer)
        {
            _request = request;
            _store = store;
            _runId = _started.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            _pool = new PartitionWriterPool(writer, request.File, request.Limits, NewFile);
        }

        /// <summary>The run's id: its start time and a random suffix (part of every file name it writes).</summary>
        public string RunId => _runId;

        /// <summary>
        /// Starts a run: the lock, recovery of a killed run's commit, removal of its staged files, the manifest.
        /// <paramref name="session"/> is needed for an s3:// destination.
        /// </summary>
        public static Task<LakeExport> OpenAsync(LakeExportRequest request, S3Session? session, ILakeFileWriterFactory writer, IAuditOutput output, CancellationToken cancellationToken) =>
            OpenWithStoreAsync(request, OpenStore(request.Destination, session), writer, output, cancellationToken);

        /// <summary>The same over a given store (tests put a failing one in between).</summary>
        internal static async Task<LakeExport> OpenWithStoreAsync(LakeExportRequest request, ILakeStore store, ILakeFileWriterFactory writer, IAuditOutput output, CancellationToken cancellationToken)
        {
            var export = new LakeExport(request, store, writer);
            try
            {
                await store.LockAsync(export._runId, output, cancellationToken).ConfigureAwait(false);
                export._manifest = await ReadManifestAsync(store, cancellationToken).ConfigureAwait(false);
                export.RequireSameSchema();
                await export.RecoverAsync(output, cancellationToken).ConfigureAwait(false);
                await store.CleanLeftoversAsync(export._runId, output, cancellationToken).ConfigureAwait(false);
                export._ledger = new SourceLedger(export._manifest, request.Destination, output);
                return export;
            }
            catch
            {
                export.Dispose();
                throw;
            }
        }

        /// <summary>What a run would write, per partition, without writing or locking anything (-WhatIf).</summary>
        public static async Task<LakeTally> PlanAsync(LakeDestination destination, S3Session? session, IEnumerable<(LogReadRequest Read, S3Session? Session)> reads, IAuditOutput output, CancellationToken cancellationToken)
        {
            var tally = new LakeTally();
            using ILakeStore store = OpenStore(destination, session);
            LakeManifest manifest = await ReadManifestAsync(store, cancellationToken).ConfigureAwait(false);
            foreach ((LogReadRequest read, S3Session? readSession) in reads)
            {
                read.Sources = new SourceLedger(manifest, destination, output);
                await new LogEntryReader(readSession).RunAsync(read, tally.Add, output, cancellationToken).ConfigureAwait(false);
            }

            return tally;
        }

        /// <summary>Adds one entry (thread-safe). Pipeline input is not tracked in the manifest: it has no source to pass over next time.</summary>
        public void Add(S3AuditLogEntry entry) => _pool.Add(entry);

        /// <summary>Reads log sources into the lake, passing over those the manifest records as exported.</summary>
        public Task ReadAsync(LogReadRequest read, S3Session? session, IAuditOutput output, CancellationToken cancellationToken)
        {
            read.Sources = _ledger;
            return new LogEntryReader(session).RunAsync(read, Add, output, cancellationToken);
        }

        /// <summary>
        /// Finishes every file, stages it, writes the commit journal, publishes the files, writes the manifest and
        /// removes the journal. Returns the files written and the run's summary.
        /// </summary>
        public async Task<LakeExportResult> CommitAsync(IAuditOutput output, CancellationToken cancellationToken)
        {
            if (_finished)
            {
                throw new InvalidOperationException("This export run is already finished.");
            }

            IReadOnlyList<StagedFile> files = _pool.Complete(cancellationToken);
            _staged.AddRange(files);
            int staged = 0;
            await BoundedParallel.ForEachAsync(files, _request.ThrottleLimit, async (file, token) =>
            {
                await _store.StageAsync(file, token).ConfigureAwait(false);
                Progress(output, "Staging", Interlocked.Increment(ref staged), files.Count);
            }, cancellationToken).ConfigureAwait(false);

            cancellationToken.ThrowIfCancellationRequested();
            var journal = new CommitJournal { Run = _runId, Files = files.ToList(), Sources = _ledger?.Read.ToList() ?? new List<ManifestSource>() };
            // From here on the run completes even if the user presses Ctrl+C: stopping half-way would leave the
            // lake with files the manifest does not know (the journal lets the next run finish it, but only then).
            _finished = true;
            if (files.Count > 0)
            {
                _manifest.IncludeRaw ??= _request.File.IncludeRaw;
            }

            await _store.WriteAsync(LakeFiles.Journal, journal.ToJson(), CancellationToken.None).ConfigureAwait(false);
            await FinishCommitAsync(journal, output).ConfigureAwait(false);
            output.WriteProgress(new AuditProgress(ProgressId, "Writing the log lake", "Done", 100, true));
            return new LakeExportResult(files.Select(f => f.ToExportFile(_request.Destination)).ToList(), Summary(files));
        }

        /// <summary>Ends a run that will not commit: staged files removed, lock released. Also what Dispose does.</summary>
        public void Abort()
        {
            if (_finished)
            {
                return;
            }

            _finished = true;
            _pool.Abort();
            foreach (StagedFile file in _staged)
            {
                try
                {
                    _store.DiscardAsync(file).GetAwaiter().GetResult();
                }
                catch (Exception e) when (!(e is OutOfMemoryException))
                {
                    // Best effort: the next run removes what is left (CleanLeftoversAsync).
                }
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Abort();
            _pool.Dispose();
            _store.Dispose();
        }

        private static ILakeStore OpenStore(LakeDestination destination, S3Session? session) =>
            destination.IsS3
                ? new S3LakeStore(destination, session ?? throw new InvalidOperationException("An s3:// destination needs a session."))
                : (ILakeStore)new LocalLakeStore(destination);

        private static async Task<LakeManifest> ReadManifestAsync(ILakeStore store, CancellationToken cancellationToken)
        {
            string? text = await store.ReadAsync(LakeFiles.Manifest, cancellationToken).ConfigureAwait(false);
            try
            {
                return text == null ? new LakeManifest() : LakeManifest.Parse(text, store.Destination.Locate(LakeFiles.Manifest));
            }
            catch (InvalidOperationException e)
            {
                throw new AuditException(new AuditError("ExportManifestInvalid", AuditErrorKind.InvalidData, e.Message, store.Destination.Root, e));
            }
        }

        /// <summary>Engines read a lake's files with one schema: a lake started with (or without) the raw column stays so.</summary>
        private void RequireSameSchema()
        {
            bool? lakeRaw = _manifest.IncludeRaw;
            if (lakeRaw.HasValue && lakeRaw.Value != _request.File.IncludeRaw)
            {
                throw new AuditException(new AuditError("ExportSchemaMismatch", AuditErrorKind.InvalidArgument,
                    $"The lake at {_request.Destination.Root} holds files {(lakeRaw.Value ? "with" : "without")} the raw column: run {(lakeRaw.Value ? "with" : "without")} -IncludeRaw, or export to another destination.",
                    _request.Destination.Root));
            }
        }

        /// <summary>Finishes the commit of a run that was killed after it wrote its journal.</summary>
        private async Task RecoverAsync(IAuditOutput output, CancellationToken cancellationToken)
        {
            string? text = await _store.ReadAsync(LakeFiles.Journal, cancellationToken).ConfigureAwait(false);
            if (text == null)
            {
                return;
            }

            CommitJournal journal = CommitJournal.Parse(text);
            output.WriteWarning($"Finishing the commit of export run {journal.Run} to {_request.Destination.Root}, which stopped half-way: {journal.Files.Count} file(s), {journal.Sources.Count} source(s).");
            await FinishCommitAsync(journal, output).ConfigureAwait(false);
        }

        private async Task FinishCommitAsync(CommitJournal journal, IAuditOutput output)
        {
            var lost = new List<string>();
            await BoundedParallel.ForEachAsync(journal.Files, _request.ThrottleLimit, async (file, token) =>
            {
                if (!await _store.PublishAsync(file, token).ConfigureAwait(false))
                {
                    lock (lost)
                    {
                        lost.Add(file.FinalPath);
                    }
                }
            }, CancellationToken.None).ConfigureAwait(false);

            if (lost.Count > 0)
            {
                // Its sources stay out of the manifest, so the next run reads them again; a file of the same run that was
                // published holds some of their entries, which would then appear twice: say so rather than hide it.
                output.WriteError(new AuditError("ExportFileLost", AuditErrorKind.InvalidData,
                    $"{lost.Count} staged file(s) of export run {journal.Run} are gone ({string.Join(", ", lost.Take(3))}): its sources are not recorded and will be read again.", _request.Destination.Root));
            }

            _manifest.Merge(lost.Count > 0 ? Enumerable.Empty<ManifestSource>() : journal.Sources,
                journal.Files.Where(f => !lost.Contains(f.FinalPath)).Select(f => new ManifestFile { Path = f.FinalPath, Rows = f.Rows, Bytes = f.Bytes, Run = journal.Run }));
            await _store.WriteAsync(LakeFiles.Manifest, _manifest.ToJson(), CancellationToken.None).ConfigureAwait(false);
            await _store.DeleteAsync(LakeFiles.Journal, CancellationToken.None).ConfigureAwait(false);
        }

        private StagedFile NewFile(LakePartition partition)
        {
            int sequence = Interlocked.Increment(ref _sequence);
            string name = string.Format(CultureInfo.InvariantCulture, "{0}-{1:00000}.parquet", _runId, sequence);
            return new StagedFile
            {
                Partition = partition,
                FinalPath = partition.Path + "/" + name,
                StagingPath = _store.StagingPath(_runId, name),
            };
        }

        private S3AuditLogExportSummary Summary(IReadOnlyList<StagedFile> files) => new S3AuditLogExportSummary
        {
            Destination = _request.Destination.Root,
            StartTime = _started,
            EndTime = DateTimeOffset.UtcNow,
            SourcesRead = _ledger?.Read.Count ?? 0,
            SourcesSkipped = _ledger?.Skipped ?? 0,
            SourcesFailed = _ledger?.Failed ?? 0,
            Rows = files.Sum(f => f.Rows),
            Files = files.Count,
            Bytes = files.Sum(f => f.Bytes),
            Partitions = files.Select(f => f.Partition).Distinct().Count(),
            FirstTime = files.Count == 0 ? (DateTimeOffset?)null : files.Min(f => f.FirstTime),
            LastTime = files.Count == 0 ? (DateTimeOffset?)null : files.Max(f => f.LastTime),
            Manifest = _request.Destination.Locate(LakeFiles.Manifest),
        };

        private static void Progress(IAuditOutput output, string what, int done, int total) =>
            output.WriteProgress(new AuditProgress(ProgressId, "Writing the log lake", $"{what}: {done} of {total} files", total == 0 ? 100 : done * 100 / total));
    }

    /// <summary>What a committed run wrote.</summary>
    public sealed class LakeExportResult
    {
        /// <summary>Creates a result.</summary>
        public LakeExportResult(IReadOnlyList<S3AuditLogExportFile> files, S3AuditLogExportSummary summary)
        {
            Files = files;
            Summary = summary;
        }

        /// <summary>The files, one row each.</summary>
        public IReadOnlyList<S3AuditLogExportFile> Files { get; }
        /// <summary>The run's summary.</summary>
        public S3AuditLogExportSummary Summary { get; }
    }
}
