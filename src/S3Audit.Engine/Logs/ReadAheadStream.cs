using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Reads the inner stream on a thread of its own into pooled chunks while the caller consumes earlier ones, so
    /// gzip inflation and parsing run on separate cores. Chunks end at a line break where there is one, and carry
    /// the offsets of their line breaks: a <see cref="LineReader"/> adopts them whole (<see cref="TryTakeChunk"/>)
    /// instead of copying and searching them again, which leaves the parsing thread only the parsing.
    /// An exception of the inner stream reaches the caller after every byte read before it, with its own type:
    /// callers tell a corrupt file (<see cref="InvalidDataException"/>) from a broken download (<see cref="IOException"/>) by it.
    /// </summary>
    internal sealed class ReadAheadStream : ReadOnlyStream
    {
        private readonly int _chunkSize;
        private readonly bool? _indexLineBreaks;
        private readonly ChunkQueue _filled;
        private Thread? _producer;
        private Chunk _current;
        private int _offset;
        private bool _ended;

        /// <param name="inner">The stream to read ahead, owned and disposed by this one.</param>
        /// <param name="chunkSize">Bytes per chunk.</param>
        /// <param name="chunksAhead">Chunks that may wait for the reader.</param>
        /// <param name="indexLineBreaks">Always (true) or never (false) find line breaks on this thread; by default only while the reader is the slower side.</param>
        public ReadAheadStream(Stream inner, int chunkSize = 512 * 1024, int chunksAhead = 4, bool? indexLineBreaks = null) : base(inner)
        {
            _indexLineBreaks = indexLineBreaks;
            _chunkSize = chunkSize;
            _filled = new ChunkQueue(chunksAhead);
        }

        /// <summary>
        /// The next whole chunk, now owned by the caller (return <see cref="Chunk.Buffer"/> to
        /// <see cref="ArrayPool{T}.Shared"/> and <see cref="Chunk.LineEnds"/> to its pool). False at the end, or
        /// when part of a chunk is still waiting for <see cref="Read"/>; then use <see cref="Read"/>.
        /// </summary>
        public bool TryTakeChunk(out Chunk chunk)
        {
            chunk = default;
            if (_current.Buffer != null || !TakeNext(out Chunk next))
            {
                return false;
            }

            chunk = next;
            return true;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (true)
            {
                if (_current.Buffer != null && _offset < _current.Length)
                {
                    int n = Math.Min(count, _current.Length - _offset);
                    Buffer.BlockCopy(_current.Buffer, _offset, buffer, offset, n);
                    _offset += n;
                    if (_offset == _current.Length)
                    {
                        _current.Release();
                        _current = default;
                    }

                    return n;
                }

                _current.Release();
                _current = default;
                if (count == 0 || !TakeNext(out Chunk next))
                {
                    return 0;
                }

                _current = next;
                _offset = 0;
            }
        }

        private bool TakeNext(out Chunk next)
        {
            next = default;
            if (_ended)
            {
                return false;
            }

            if (_producer == null)
            {
                _producer = new Thread(Produce) { IsBackground = true, Name = "S3Audit read-ahead" };
                _producer.Start();
            }

            if (!_filled.TryTake(out next))
            {
                _ended = true;
                return false;
            }

            if (next.Error != null)
            {
                _ended = true;
                next.Error.Throw();
            }

            return true;
        }

        private void Produce()
        {
            byte[]? buffer = ArrayPool<byte>.Shared.Rent(_chunkSize);
            int length = 0;
            try
            {
                while (true)
                {
                    bool end = false;
                    try
                    {
                        while (length < buffer.Length)
                        {
                            int n = Inner.Read(buffer, length, buffer.Length - length);
                            if (n == 0)
                            {
                                end = true;
                                break;
                            }

                            length += n;
                        }
                    }
                    catch (Exception e) when (!(e is OperationCanceledException && _filled.Stopped))
                    {
                        // What was read before the failure goes first.
                        var error = ExceptionDispatchInfo.Capture(e);
                        Deliver(ref buffer, length, length);
                        Deliver(new Chunk(null, 0, null, 0, error));
                        return;
                    }

                    if (end)
                    {
                        Deliver(ref buffer, length, length);
                        return;
                    }

                    int lastBreak = new ReadOnlySpan<byte>(buffer, 0, length).LastIndexOf((byte)'\n');
                    if (lastBreak < 0)
                    {
                        // One line longer than the chunk: it goes on in pieces, the reader joins them.
                        Deliver(ref buffer, length, 0);
                        buffer = ArrayPool<byte>.Shared.Rent(_chunkSize);
                        length = 0;
                        continue;
                    }

                    // The unfinished line at the end starts the next chunk.
                    int lineEnd = lastBreak + 1;
                    int carried = length - lineEnd;
                    byte[] next = ArrayPool<byte>.Shared.Rent(Math.Max(_chunkSize, carried * 2));
                    Buffer.BlockCopy(buffer, lineEnd, next, 0, carried);
                    // Finding the line breaks here pays only while the reader is the slower side (a chunk still waits
                    // for it); when the reader waits for this thread, it is quicker to let it find them itself.
                    bool index = _indexLineBreaks ?? _filled.Count > 0;
                    Deliver(ref buffer, lineEnd, index ? lineEnd : 0);
                    buffer = next;
                    length = carried;
                }
            }
            catch (OperationCanceledException) when (_filled.Stopped)
            {
                // Disposed while reading ahead.
            }
            finally
            {
                if (buffer != null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                _filled.CompleteAdding();
            }
        }

        /// <summary>Hands on the first <paramref name="length"/> bytes of <paramref name="buffer"/>, which is no longer the producer's.</summary>
        private void Deliver(ref byte[]? buffer, int length, int lineBreaksUpTo)
        {
            if (length == 0)
            {
                return;
            }

            byte[] given = buffer!;
            buffer = null;
            Deliver(Chunk.Create(given, length, lineBreaksUpTo));
        }

        private void Deliver(Chunk chunk)
        {
            try
            {
                _filled.Add(chunk);
            }
            catch (OperationCanceledException)
            {
                chunk.Release();
                throw;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // The producer must be out of the inner stream before it is disposed under it.
                _filled.Stop();
                _producer?.Join();
                while (_filled.TryTakeNow(out Chunk left))
                {
                    left.Release();
                }

                _current.Release();
                _current = default;
            }

            base.Dispose(disposing);
        }

        /// <summary>
        /// A bounded hand-off between the two threads that sleeps instead of spinning: on this kind of machine a
        /// spinning waiter takes the cycles the inflating thread needs (BlockingCollection's semaphore spins first).
        /// </summary>
        private sealed class ChunkQueue
        {
            private readonly Queue<Chunk> _items = new Queue<Chunk>();
            private readonly int _capacity;
            private bool _completed;

            public ChunkQueue(int capacity) => _capacity = capacity;

            /// <summary>Chunks waiting for the reader.</summary>
            public int Count
            {
                get
                {
                    lock (_items)
                    {
                        return _items.Count;
                    }
                }
            }

            /// <summary>True once the reader is gone: the producer stops at its next hand-off.</summary>
            public bool Stopped { get; private set; }

            /// <summary>Waits for room; <see cref="OperationCanceledException"/> once stopped.</summary>
            public void Add(Chunk chunk)
            {
                lock (_items)
                {
                    while (_items.Count >= _capacity && !Stopped)
                    {
                        Monitor.Wait(_items);
                    }

                    if (Stopped)
                    {
                        throw new OperationCanceledException();
                    }

                    _items.Enqueue(chunk);
                    Monitor.PulseAll(_items);
                }
            }

            /// <summary>Waits for the next chunk; false once the producer completed and everything was taken.</summary>
            public bool TryTake(out Chunk chunk)
            {
                lock (_items)
                {
                    while (_items.Count == 0 && !_completed)
                    {
                        Monitor.Wait(_items);
                    }

                    return Dequeue(out chunk);
                }
            }

            public bool TryTakeNow(out Chunk chunk)
            {
                lock (_items)
                {
                    return Dequeue(out chunk);
                }
            }

            public void CompleteAdding() => Signal(() => _completed = true);

            public void Stop() => Signal(() => Stopped = true);

            private bool Dequeue(out Chunk chunk)
            {
                chunk = default;
                if (_items.Count == 0)
                {
                    return false;
                }

                chunk = _items.Dequeue();
                Monitor.PulseAll(_items);
                return true;
            }

            private void Signal(Action change)
            {
                lock (_items)
                {
                    change();
                    Monitor.PulseAll(_items);
                }
            }
        }

        /// <summary>Bytes from the inner stream, the offsets of the line breaks among them, or the error that ended it.</summary>
        internal readonly struct Chunk
        {
            public Chunk(byte[]? buffer, int length, int[]? lineEnds, int lineCount, ExceptionDispatchInfo? error)
            {
                Buffer = buffer;
                Length = length;
                LineEnds = lineEnds;
                LineCount = lineCount;
                Error = error;
            }

            public readonly byte[]? Buffer;
            public readonly int Length;
            /// <summary>Offsets of '\n' in <see cref="Buffer"/>, from <see cref="ArrayPool{T}.Shared"/>; null when none were indexed.</summary>
            public readonly int[]? LineEnds;
            public readonly int LineCount;
            public readonly ExceptionDispatchInfo? Error;

            /// <summary>Indexes the line breaks in the first <paramref name="lineBreaksUpTo"/> bytes.</summary>
            public static Chunk Create(byte[] buffer, int length, int lineBreaksUpTo)
            {
                if (lineBreaksUpTo == 0)
                {
                    return new Chunk(buffer, length, null, 0, null);
                }

                int[] ends = ArrayPool<int>.Shared.Rent(Math.Max(256, lineBreaksUpTo / 128));
                int count = 0;
                int at = 0;
                while (at < lineBreaksUpTo)
                {
                    int nl = new ReadOnlySpan<byte>(buffer, at, lineBreaksUpTo - at).IndexOf((byte)'\n');
                    if (nl < 0)
                    {
                        break;
                    }

                    if (count == ends.Length)
                    {
                        int[] bigger = ArrayPool<int>.Shared.Rent(ends.Length * 2);
                        Array.Copy(ends, bigger, count);
                        ArrayPool<int>.Shared.Return(ends);
                        ends = bigger;
                    }

                    ends[count++] = at + nl;
                    at += nl + 1;
                }

                return new Chunk(buffer, length, ends, count, null);
            }

            public void Release()
            {
                if (Buffer != null)
                {
                    ArrayPool<byte>.Shared.Return(Buffer);
                }

                if (LineEnds != null)
                {
                    ArrayPool<int>.Shared.Return(LineEnds);
                }
            }
        }
    }
}
