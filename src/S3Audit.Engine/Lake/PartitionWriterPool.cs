using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace S3Audit.Engine.Lake
{
    /// <summary>
    /// Routes entries to their partition and writes each partition's rows as Parquet row groups. Entries arrive from
    /// the reader's threads (<see cref="Add"/> is thread-safe); full row groups are encoded on one thread of the pool's
    /// own, so parsing and encoding overlap, and a bounded hand-over keeps memory flat (a slow encoder slows the readers).
    /// Files are written to staging paths only; publishing them is the caller's business.
    /// </summary>
    internal sealed class PartitionWriterPool : IDisposable
    {
        private readonly ILakeFileWriterFactory _factory;
        private readonly LakeFileOptions _fileOptions;
        private readonly LakeWriteLimits _limits;
        private readonly Func<LakePartition, StagedFile> _newFile;
        private readonly object _gate = new object();
        private readonly Dictionary<LakePartition, PartitionState> _partitions = new Dictionary<LakePartition, PartitionState>();
        private readonly BlockingCollection<RowGroupJob> _jobs = new BlockingCollection<RowGroupJob>(1);
        // Taken for each row group handed over, released when the encoder has written it: one group in flight, not two.
        private readonly SemaphoreSlim _encoderIdle = new SemaphoreSlim(1, 1);
        private readonly List<StagedFile> _finished = new List<StagedFile>();
        private readonly LinkedList<PartitionState> _open = new LinkedList<PartitionState>();
        private readonly Thread _encoder;
        private int _buffered;
        private Exception? _failure;

        public PartitionWriterPool(ILakeFileWriterFactory factory, LakeFileOptions fileOptions, LakeWriteLimits limits, Func<LakePartition, StagedFile> newFile)
        {
            _factory = factory;
            _fileOptions = fileOptions;
            _limits = limits;
            _newFile = newFile;
            _encoder = new Thread(Encode) { IsBackground = true, Name = "S3Audit Parquet encoder" };
            _encoder.Start();
        }

        /// <summary>Rows handed in.</summary>
        public long Rows { get; private set; }

        public void Add(S3AuditLogEntry entry)
        {
            lock (_gate)
            {
                ThrowIfFailed();
                LakePartition partition = LakePartition.Of(entry);
                if (!_partitions.TryGetValue(partition, out PartitionState? state))
                {
                    state = new PartitionState(partition, _limits.RowGroupRows);
                    _partitions.Add(partition, state);
                }

                state.Append(entry);
                _buffered++;
                Rows++;
                if (state.Count == _limits.RowGroupRows)
                {
                    Flush(state);
                }
                else if (_buffered > _limits.MaxBufferedRows)
                {
                    Flush(_partitions.Values.OrderByDescending(p => p.Count).First());
                }
            }
        }

        /// <summary>Writes what is buffered, finishes every file and returns them all. The pool is done afterwards.</summary>
        public IReadOnlyList<StagedFile> Complete(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                foreach (PartitionState state in _partitions.Values.Where(p => p.Count > 0).ToList())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    ThrowIfFailed();
                    Flush(state);
                }

                _jobs.CompleteAdding();
            }

            _encoder.Join();
            ThrowIfFailed();
            foreach (PartitionState state in _open.ToList())
            {
                Close(state);
            }

            return _finished;
        }

        /// <summary>Stops encoding and deletes every staging file written so far.</summary>
        public void Abort()
        {
            lock (_gate)
            {
                Interlocked.CompareExchange(ref _failure, new OperationCanceledException("The export was stopped."), null);
                if (!_jobs.IsAddingCompleted)
                {
                    _jobs.CompleteAdding();
                }
            }

            while (_jobs.TryTake(out _))
            {
            }

            _encoder.Join();
            foreach (PartitionState state in _open.ToList())
            {
                state.Writer?.Dispose();
                state.Stream?.Dispose();
                state.Writer = null;
                state.Stream = null;
            }

            foreach (StagedFile file in _finished.Concat(_partitions.Values.Where(p => p.File != null).Select(p => p.File!)))
            {
                TryDelete(file.StagingPath);
            }
        }

        public void Dispose()
        {
            _jobs.Dispose();
            _encoderIdle.Dispose();
        }

        private void Flush(PartitionState state)
        {
            RowGroupJob job = state.TakeRows(_limits.RowGroupRows);
            _buffered -= job.Count;
            // Blocks while the encoder is busy with the previous group: the readers wait instead of memory growing.
            _encoderIdle.Wait();
            _jobs.Add(job);
        }

        private void Encode()
        {
            try
            {
                foreach (RowGroupJob job in _jobs.GetConsumingEnumerable())
                {
                    Write(job);
                    _encoderIdle.Release();
                }
            }
            catch (Exception e)
            {
                // Not under the gate: a reader may hold it while it waits to hand over a row group.
                Interlocked.CompareExchange(ref _failure, e, null);
                _encoderIdle.Release();

                // Unblock readers waiting to hand over; they see the failure on their next entry.
                while (_jobs.TryTake(out _))
                {
                }
            }
        }

        private void Write(RowGroupJob job)
        {
            PartitionState state = job.State;
            if (state.Writer == null)
            {
                OpenFile(state);
            }

            state.Writer!.WriteRowGroup(job.Rows, job.Count);
            StagedFile file = state.File!;
            file.Rows += job.Count;
            file.RowGroups++;
            file.Cover(job.First, job.Last);
            _open.Remove(state.Node);
            _open.AddLast(state.Node);
            if (state.Stream!.Position >= _limits.MaxFileBytes)
            {
                Close(state);
            }
        }

        private void OpenFile(PartitionState state)
        {
            if (_open.Count >= _limits.MaxOpenFiles)
            {
                Close(_open.First!.Value);
            }

            StagedFile file = _newFile(state.Partition);
            Directory.CreateDirectory(Path.GetDirectoryName(file.StagingPath)!);
            state.File = file;
            state.Stream = new FileStream(file.StagingPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            state.Writer = _factory.Create(state.Stream, _fileOptions);
            _open.AddLast(state.Node);
        }

        private void Close(PartitionState state)
        {
            state.Writer!.Finish();
            state.Stream!.Flush(flushToDisk: true);
            state.File!.Bytes = state.Stream.Length;
            state.Stream.Dispose();
            _finished.Add(state.File);
            _open.Remove(state.Node);
            state.Writer = null;
            state.Stream = null;
            state.File = null;
        }

        private void ThrowIfFailed()
        {
            Exception? failure = Volatile.Read(ref _failure);
            if (failure != null)
            {
                throw failure is OperationCanceledException ? failure : new IOException($"Writing a Parquet file failed: {failure.Message}", failure);
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        /// <summary>One partition: the rows waiting for the next row group, and its open file (encoder thread only).</summary>
        private sealed class PartitionState
        {
            private S3AuditLogEntry[] _rows;
            private DateTimeOffset _first = DateTimeOffset.MaxValue;
            private DateTimeOffset _last = DateTimeOffset.MinValue;

            public PartitionState(LakePartition partition, int capacity)
            {
                Partition = partition;
                _rows = new S3AuditLogEntry[Math.Min(capacity, 1024)];
                Node = new LinkedListNode<PartitionState>(this);
            }

            public LakePartition Partition { get; }
            public int Count { get; private set; }
            public LinkedListNode<PartitionState> Node { get; }
            public StagedFile? File { get; set; }
            public FileStream? Stream { get; set; }
            public ILakeFileWriter? Writer { get; set; }

            public void Append(S3AuditLogEntry entry)
            {
                if (Count == _rows.Length)
                {
                    Array.Resize(ref _rows, _rows.Length * 2);
                }

                _rows[Count++] = entry;
                if (entry.Time < _first)
                {
                    _first = entry.Time;
                }

                if (entry.Time > _last)
                {
                    _last = entry.Time;
                }
            }

            public RowGroupJob TakeRows(int capacity)
            {
                var job = new RowGroupJob(this, _rows, Count, _first, _last);
                _rows = new S3AuditLogEntry[Math.Min(capacity, Math.Max(1024, Count))];
                Count = 0;
                _first = DateTimeOffset.MaxValue;
                _last = DateTimeOffset.MinValue;
                return job;
            }
        }

        private sealed class RowGroupJob
        {
            public RowGroupJob(PartitionState state, S3AuditLogEntry[] rows, int count, DateTimeOffset first, DateTimeOffset last)
            {
                State = state;
                Rows = rows;
                Count = count;
                First = first;
                Last = last;
            }

            public PartitionState State { get; }
            public S3AuditLogEntry[] Rows { get; }
            public int Count { get; }
            public DateTimeOffset First { get; }
            public DateTimeOffset Last { get; }
        }
    }
}
