using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace S3Audit.Engine.Lake
{
    /// <summary>
    /// Routes entries to their partition and writes each partition's rows as Parquet row groups. Readers hand entries
    /// over in small batches (<see cref="Add"/> is thread-safe and cheap); the pool's own encoder thread sorts them into
    /// per-partition column buffers and writes full row groups, so parsing and encoding overlap. At most a row group's
    /// worth of batches may wait (a slow encoder slows the readers), and a row in a partition waits as column values,
    /// not as an entry object, so memory stays flat. Files are written to staging paths only; publishing them is the caller's business.
    /// </summary>
    internal sealed class PartitionWriterPool : IDisposable
    {
        private const int BatchSize = 4096;
        private const int SpareRowBuffers = 2;
        private readonly ILakeFileEncoder _files;
        private readonly LakeWriteLimits _limits;
        private readonly Func<LakePartition, StagedFile> _newFile;
        private readonly object _gate = new object();
        private readonly BlockingCollection<EntryBatch> _batches;
        private readonly ConcurrentQueue<EntryBatch> _spareBatches = new ConcurrentQueue<EntryBatch>();
        // Cancelled when the encoder fails or the run is aborted: wakes readers waiting to hand a batch over.
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Thread _encoder;
        private EntryBatch _filling = new EntryBatch(BatchSize);
        private Exception? _failure;

        // The encoder thread's own (read by Abort only after the thread has ended).
        private readonly Dictionary<LakePartition, PartitionState> _partitions = new Dictionary<LakePartition, PartitionState>();
        private readonly Stack<ILakeRowBuffer> _spareRowBuffers = new Stack<ILakeRowBuffer>();
        private readonly List<StagedFile> _finished = new List<StagedFile>();
        private readonly LinkedList<PartitionState> _open = new LinkedList<PartitionState>();
        private readonly Func<ILakeRowBuffer> _rentRowBuffer;
        private PartitionState? _lastRouted;
        private int _buffered;

        public PartitionWriterPool(ILakeFileWriterFactory factory, LakeFileOptions fileOptions, LakeWriteLimits limits, Func<LakePartition, StagedFile> newFile)
        {
            _files = factory.CreateEncoder(fileOptions);
            _limits = limits;
            _newFile = newFile;
            // Up to a row group's worth of entries may wait: writing a row group takes about as long as reading it, and
            // readers stopped for that time leave a core idle (measured: 0.42-0.46 of the parse rate with 2 batches,
            // 0.45-0.67 with a row group's worth; bench/run-bench.sh, mode export).
            _batches = new BlockingCollection<EntryBatch>(Math.Max(2, limits.RowGroupRows / BatchSize));
            _rentRowBuffer = RentRowBuffer;
            _encoder = new Thread(Encode) { IsBackground = true, Name = "S3Audit Parquet encoder" };
            _encoder.Start();
        }

        public void Add(S3AuditLogEntry entry)
        {
            lock (_gate)
            {
                ThrowIfFailed();
                _filling.Add(entry);
                if (_filling.Count == BatchSize)
                {
                    HandOver();
                }
            }
        }

        /// <summary>Writes what is buffered, finishes every file and returns them all. The pool is done afterwards.</summary>
        public IReadOnlyList<StagedFile> Complete(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                ThrowIfFailed();
                if (_filling.Count > 0)
                {
                    HandOver();
                }

                _batches.CompleteAdding();
            }

            // The encoder writes the last row groups and closes the files; the caller aborts the pool if this is cancelled.
            while (!_encoder.Join(100))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ThrowIfFailed();
            return _finished;
        }

        /// <summary>Stops encoding and deletes every staging file written so far.</summary>
        public void Abort()
        {
            Interlocked.CompareExchange(ref _failure, new OperationCanceledException("The export was stopped."), null);
            _stop.Cancel();
            lock (_gate)
            {
                if (!_batches.IsAddingCompleted)
                {
                    _batches.CompleteAdding();
                }
            }

            _encoder.Join();
            foreach (PartitionState state in _open)
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
            if (!_encoder.IsAlive)
            {
                _files.Dispose();
            }

            _batches.Dispose();
            _stop.Dispose();
        }

        private void HandOver()
        {
            EntryBatch full = _filling;
            _filling = _spareBatches.TryDequeue(out EntryBatch? spare) ? spare : new EntryBatch(BatchSize);
            try
            {
                // Blocks while the encoder is behind: the readers wait instead of memory growing.
                _batches.Add(full, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                ThrowIfFailed();
                throw;
            }
        }

        private void Encode()
        {
            try
            {
                foreach (EntryBatch batch in _batches.GetConsumingEnumerable(_stop.Token))
                {
                    for (int i = 0; i < batch.Count; i++)
                    {
                        Route(batch.Entries[i]);
                    }

                    batch.Clear();
                    _spareBatches.Enqueue(batch);
                }

                foreach (PartitionState state in _partitions.Values.Where(p => p.Count > 0).ToList())
                {
                    _stop.Token.ThrowIfCancellationRequested();
                    WriteRowGroup(state);
                }

                foreach (PartitionState state in _open.ToList())
                {
                    Close(state);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
                _stop.Cancel();
            }
        }

        private void Route(S3AuditLogEntry entry)
        {
            LakePartition partition = LakePartition.Of(entry);
            PartitionState? state = _lastRouted;
            if (state == null || !state.Partition.Equals(partition))
            {
                if (!_partitions.TryGetValue(partition, out state))
                {
                    state = new PartitionState(partition);
                    _partitions.Add(partition, state);
                }

                _lastRouted = state;
            }

            state.Add(entry, _rentRowBuffer);
            _buffered++;
            if (state.Count == _limits.RowGroupRows)
            {
                WriteRowGroup(state);
            }
            else if (_buffered > _limits.MaxBufferedRows)
            {
                WriteRowGroup(_partitions.Values.OrderByDescending(p => p.Count).First());
            }
        }

        private ILakeRowBuffer RentRowBuffer() => _spareRowBuffers.Count > 0 ? _spareRowBuffers.Pop() : _files.CreateRowBuffer();

        private void WriteRowGroup(PartitionState state)
        {
            if (state.Writer == null)
            {
                OpenFile(state);
            }

            ILakeRowBuffer rows = state.Rows!;
            state.Writer!.WriteRowGroup(rows);
            StagedFile file = state.File!;
            file.Rows += rows.Count;
            file.RowGroups++;
            file.Cover(state.First, state.Last);
            _buffered -= rows.Count;
            rows.Clear();
            if (_spareRowBuffers.Count < SpareRowBuffers)
            {
                _spareRowBuffers.Push(rows);
            }

            state.TakeRows();
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
            state.Writer = _files.CreateFile(state.Stream);
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
    }
}
