using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3.Model;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Get-S3AuditLogEntry's engine: reads local log files one after another, or log objects from a bucket (listing with
    /// the time range pushed down, downloads with bounded parallelism, streamed so memory stays flat), drops duplicates and hands
    /// each entry that passes the filter to a sink as soon as it is read. Malformed records become warnings naming
    /// file and line (the first N, then a count); a corrupt file becomes an error after its readable entries.
    /// </summary>
    public sealed class LogEntryReader
    {
        private const int ProgressId = 5;
        private readonly S3Session? _session;

        /// <summary>A reader; <paramref name="session"/> is needed only for reading from a bucket.</summary>
        public LogEntryReader(S3Session? session = null) => _session = session;

        /// <summary>Writes every entry to <paramref name="output"/> as an <see cref="S3AuditLogEntry"/>.</summary>
        public Task RunAsync(LogReadRequest request, IAuditOutput output, CancellationToken cancellationToken) =>
            RunAsync(request, output.WriteObject, output, cancellationToken);

        /// <summary>
        /// Hands every entry to <paramref name="sink"/> (called from worker threads, concurrently) and reports warnings,
        /// errors, progress and per-file counts to <paramref name="output"/>.
        /// </summary>
        public async Task RunAsync(LogReadRequest request, Action<S3AuditLogEntry> sink, IAuditOutput output, CancellationToken cancellationToken)
        {
            request.Options.Filter.Compile();
            var run = new Run(request, sink, output);
            if (!string.IsNullOrEmpty(request.BucketName))
            {
                if (_session == null)
                {
                    throw new InvalidOperationException("Reading logs from a bucket needs a session.");
                }

                await ReadBucketAsync(run, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                ReadFiles(run, cancellationToken);
            }

            run.Finish();
        }

        /// <summary>
        /// Reads local files one after another, in the order given (folders sorted by name). Across files the first copy of a
        /// duplicate is the one kept, so a fixed order keeps each kept entry's SourceFile and LineNumber the same every run.
        /// </summary>
        private static void ReadFiles(Run run, CancellationToken cancellationToken)
        {
            List<string> files = ExpandPaths(run.Request.Paths, run.Output).ToList();
            run.Total = files.Count;
            foreach (string file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                long size = 0;
                LogSource? source = null;
                var position = new ResumePoint();
                try
                {
                    // Inside the try: a file deleted since it was listed is an error for that file, not for the run.
                    var info = new FileInfo(file);
                    size = info.Length;
                    source = new LogSource(file, size, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), null);
                    if (run.Plan(source, position))
                    {
                        run.ReadFile(file, File.OpenRead(file), position, decompressAhead: true, cancellationToken);
                        run.Done(source, position, complete: true);
                    }
                }
                catch (IOException e)
                {
                    run.Output.WriteError(new AuditError("LogFileUnreadable", AuditErrorKind.InvalidData, $"{file}: {e.Message}", file, e));
                    run.Done(source, position, complete: false);
                }
                catch (UnauthorizedAccessException e)
                {
                    run.Output.WriteError(new AuditError("LogFileAccessDenied", AuditErrorKind.AccessDenied, $"{file}: {e.Message}", file, e));
                    run.Done(source, position, complete: false);
                }

                run.Completed(size);
            }
        }

        private static IEnumerable<string> ExpandPaths(IEnumerable<string> paths, IAuditOutput output)
        {
            foreach (string path in paths)
            {
                if (Directory.Exists(path))
                {
                    foreach (string file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                    {
                        yield return file;
                    }
                }
                else if (File.Exists(path))
                {
                    yield return path;
                }
                else
                {
                    output.WriteError(new AuditError("LogPathNotFound", AuditErrorKind.NotFound, $"The log path '{path}' does not exist.", path));
                }
            }
        }

        private async Task ReadBucketAsync(Run run, CancellationToken cancellationToken)
        {
            S3Session session = _session!;
            LogReadRequest request = run.Request;
            string bucket = request.BucketName!;
            LogFilter filter = request.Options.Filter;
            IAsyncEnumerable<ListedObject> listing = Counted(
                LogObjectLister.ListAsync(session, bucket, request.Prefix, filter.StartTime, filter.EndTime, request.LookBack, cancellationToken), run);
            try
            {
                await BoundedParallel.ForEachAsync(listing, request.ThrottleLimit,
                    (item, token) => ReadObjectAsync(session, bucket, item, run, token), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AmazonServiceException || e is HttpRequestException)
            {
                run.Output.WriteError(S3ErrorClassifier.Classify(e, "ListObjectsV2", bucket, request.Prefix, "LogListing"));
            }
        }

        private static async IAsyncEnumerable<ListedObject> Counted(IAsyncEnumerable<ListedObject> source, Run run)
        {
            await foreach (ListedObject item in source.ConfigureAwait(false))
            {
                Interlocked.Increment(ref run.Total);
                yield return item;
            }
        }

        private static async Task ReadObjectAsync(S3Session session, string bucket, ListedObject item, Run run, CancellationToken cancellationToken)
        {
            string name = $"s3://{bucket}/{item.Key}";
            var position = new ResumePoint();
            var source = new LogSource(name, item.Size, item.LastModified, item.ETag);
            if (!run.Plan(source, position))
            {
                run.Completed(item.Size);
                return;
            }

            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    using GetObjectResponse response = await session.Client.GetObjectAsync(bucket, item.Key, cancellationToken).ConfigureAwait(false);
                    using var idle = new CancellationTokenSource();
                    bool stalled = false;
                    // A stalled read is ended by closing the response under it.
                    using CancellationTokenRegistration _ = idle.Token.Register(() => { stalled = true; response.Dispose(); });
                    var counted = new CountingStream(response.ResponseStream) { BeforeRead = () => idle.CancelAfter(run.Request.IdleTimeout) };
                    try
                    {
                        // Downloads already run in parallel, one object per worker: no second thread per object.
                        run.ReadFile(name, counted, position, decompressAhead: false, cancellationToken);
                    }
                    catch (Exception e) when (stalled && !(e is IOException))
                    {
                        throw new IOException($"no data for {run.Request.IdleTimeout.TotalSeconds:0} s", e);
                    }

                    idle.CancelAfter(Timeout.InfiniteTimeSpan);
                    long expected = Math.Max(item.Size, response.ContentLength);
                    if (counted.BytesRead < expected)
                    {
                        // A connection that closed early without an error: the listing said the object is longer.
                        throw new IOException($"the download ended after {counted.BytesRead} of {expected} bytes");
                    }

                    run.Done(source, position, complete: true);
                    break;
                }
                catch (Exception e) when (attempt < run.Request.MaxAttempts && IsTransient(e) && !cancellationToken.IsCancellationRequested)
                {
                    run.Output.WriteVerbose($"{name}: attempt {attempt} failed ({e.GetType().Name}); retrying from record {position.Records + 1}.");
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is AmazonServiceException || e is IOException || e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    run.Output.WriteError(S3ErrorClassifier.Classify(e, "GetObject", bucket, item.Key, "LogObject"));
                    run.Done(source, position, complete: false);
                    break;
                }
            }

            run.Completed(item.Size);
        }

        private static bool IsTransient(Exception e) =>
            e is IOException || e is HttpRequestException || e is OperationCanceledException ||
            (e is AmazonServiceException s && ((int)s.StatusCode >= 500 || s.ErrorCode == "SlowDown" || s.InnerException is IOException || s.InnerException is HttpRequestException));

        /// <summary>How many records of one object have been handled, across download attempts.</summary>
        private sealed class ResumePoint
        {
            public long Records;
        }

        /// <summary>The state of one run shared by the workers.</summary>
        private sealed class Run
        {
            private readonly Action<S3AuditLogEntry> _sink;
            private readonly RequestDeduplicator? _dedupe;
            private readonly Stopwatch _clock = Stopwatch.StartNew();
            private long _warnings;
            private long _done;
            private long _bytes;
            private long _entries;
            private long _lastProgressMs = -1000;
            public long Total;

            public Run(LogReadRequest request, Action<S3AuditLogEntry> sink, IAuditOutput output)
            {
                Request = request;
                Output = output;
                _sink = sink;
                _dedupe = request.KeepDuplicates ? null : new RequestDeduplicator();
            }

            public LogReadRequest Request { get; }
            public IAuditOutput Output { get; }

            /// <summary>False when the tracker says the source is already handled; otherwise sets where reading starts.</summary>
            public bool Plan(LogSource source, ResumePoint position)
            {
                long skip = Request.Sources?.Plan(source) ?? 0;
                position.Records = Math.Max(0, skip);
                return skip >= 0;
            }

            /// <summary>Tells the tracker how far <paramref name="source"/> was read (nothing when it was never listed).</summary>
            public void Done(LogSource? source, ResumePoint position, bool complete)
            {
                if (source != null)
                {
                    Request.Sources?.Done(source, position.Records, complete);
                }
            }

            /// <summary>
            /// Reads one file, passing over the records an earlier attempt already handled; <paramref name="position"/>
            /// follows every entry handed on, so a retry after a broken download neither loses nor repeats one.
            /// </summary>
            public void ReadFile(string name, Stream stream, ResumePoint position, bool decompressAhead, CancellationToken cancellationToken)
            {
                long duplicates = 0;
                long skip = position.Records;
                using var reader = new LogFileReader(stream, name, Request.Options, Diagnose) { SkipRecords = skip, DecompressAhead = decompressAhead };
                while (reader.TryRead(out S3AuditLogEntry entry))
                {
                    position.Records = reader.RecordsRead;
                    cancellationToken.ThrowIfCancellationRequested();
                    if (_dedupe != null && _dedupe.IsDuplicate(entry))
                    {
                        duplicates++;
                        continue;
                    }

                    _sink(entry);
                    Interlocked.Increment(ref _entries);
                }

                Output.WriteVerbose($"{name}: {reader.Format}{(reader.Compressed ? " (gzip)" : "")}, {reader.RecordsRead} records read" +
                                    (skip > 0 ? $" (from record {skip + 1}, resumed)" : "") +
                                    $", {reader.Accepted - duplicates} kept, {reader.Filtered} filtered out, {duplicates} duplicates, {reader.Rejected} rejected.");
                position.Records = reader.RecordsRead;
            }

            private void Diagnose(LogDiagnostic d)
            {
                if (d.FileCorrupt)
                {
                    Output.WriteError(new AuditError("LogFileCorrupt", AuditErrorKind.InvalidData, d.Message, d.FileName));
                    return;
                }

                if (Interlocked.Increment(ref _warnings) <= Request.MaxWarnings)
                {
                    Output.WriteWarning($"{d.FileName}, line {d.LineNumber}: malformed record skipped: {d.Message}");
                }
            }

            public void Completed(long bytes)
            {
                long done = Interlocked.Increment(ref _done);
                long total = Interlocked.Add(ref _bytes, bytes);
                long now = _clock.ElapsedMilliseconds;
                long last = Interlocked.Read(ref _lastProgressMs);
                if (now - last >= 200 && Interlocked.CompareExchange(ref _lastProgressMs, now, last) == last)
                {
                    long all = Interlocked.Read(ref Total);
                    int percent = all > 0 ? (int)Math.Min(100, done * 100 / all) : -1;
                    Output.WriteProgress(new AuditProgress(ProgressId, "Reading audit logs",
                        $"{done} of {all} objects, {total / 1024.0 / 1024.0:0.0} MB, {Interlocked.Read(ref _entries)} entries", percent));
                }
            }

            public void Finish()
            {
                long warnings = Interlocked.Read(ref _warnings);
                if (warnings > Request.MaxWarnings)
                {
                    Output.WriteWarning($"{warnings - Request.MaxWarnings} more malformed records were skipped ({warnings} in all); -Verbose shows the counts per file.");
                }

                Output.WriteProgress(new AuditProgress(ProgressId, "Reading audit logs", "Done", 100, true));
                Output.WriteVerbose($"{Interlocked.Read(ref _done)} log files read, {Interlocked.Read(ref _entries)} entries, {_dedupe?.Duplicates ?? 0} duplicates removed." +
                                    (_dedupe?.Forgotten > 0 ? $" To keep memory bounded, duplicate removal forgot the {_dedupe.Forgotten} oldest entries by time; late copies of them were not looked for." : ""));
            }
        }
    }
}
