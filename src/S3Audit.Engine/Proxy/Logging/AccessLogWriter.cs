using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace S3Audit.Engine.Proxy.Logging
{
    /// <summary>
    /// Writes access-log lines on its own thread into files named as AWS names log objects
    /// (YYYY-MM-DD-HH-MM-SS-UNIQUESTRING, UTC), a new file every <see cref="RollInterval"/> (an hour by default).
    /// Lines are handed to the operating system as soon as the queue is empty, and synced to disk at least once a
    /// second, so a crash of the process loses nothing handed over and a crash of the machine at most the last second.
    /// Request threads only enqueue; a full queue (the disk stalled) counts the line as dropped rather than blocking.
    /// </summary>
    internal sealed class AccessLogWriter : IDisposable
    {
        private const int MaxQueuedLines = 100_000;
        private readonly BlockingCollection<string> _queue = new BlockingCollection<string>(MaxQueuedLines);
        private readonly Thread _thread;
        private readonly Func<DateTimeOffset> _clock;
        private FileStream? _file;
        private DateTimeOffset _fileOpened;
        private DateTimeOffset _lastSync;
        private long _dropped;
        private long _written;
        private volatile string? _failure;

        public AccessLogWriter(string directory, TimeSpan rollInterval, Func<DateTimeOffset>? clock = null)
        {
            Directory.CreateDirectory(directory);
            LogPath = Path.GetFullPath(directory);
            RollInterval = rollInterval <= TimeSpan.Zero ? TimeSpan.FromHours(1) : rollInterval;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            _thread = new Thread(Run) { IsBackground = true, Name = "S3Audit proxy log writer" };
            _thread.Start();
        }

        public string LogPath { get; }

        public TimeSpan RollInterval { get; }

        /// <summary>The file being written, or null before the first line.</summary>
        public string? CurrentFile { get; private set; }

        /// <summary>Lines written to disk.</summary>
        public long LinesWritten => Interlocked.Read(ref _written);

        /// <summary>Lines that could not be queued or written.</summary>
        public long LinesDropped => Interlocked.Read(ref _dropped);

        /// <summary>Why writing stopped working (disk full, folder removed), or null.</summary>
        public string? Failure => _failure;

        /// <summary>Queues one line; never blocks a request.</summary>
        public void Write(string line)
        {
            bool queued;
            try
            {
                queued = _queue.TryAdd(line);
            }
            catch (InvalidOperationException)
            {
                queued = false; // the writer is stopping
            }

            if (!queued)
            {
                Interlocked.Increment(ref _dropped);
            }
        }

        private void Run()
        {
            try
            {
                while (!_queue.IsCompleted)
                {
                    // Wake at least once a second, so the last lines are synced even when no more arrive.
                    if (_queue.TryTake(out string? line, 1000))
                    {
                        WriteLine(line);
                        while (_queue.TryTake(out string? next))
                        {
                            WriteLine(next);
                        }
                    }

                    Flush();
                }
            }
            finally
            {
                CloseFile();
            }
        }

        private void WriteLine(string line)
        {
            try
            {
                DateTimeOffset now = _clock();
                if (_file == null || now - _fileOpened >= RollInterval || now.Hour != _fileOpened.Hour || now.Date != _fileOpened.Date)
                {
                    Roll(now);
                }

                byte[] bytes = Encoding.UTF8.GetBytes(line + "\n");
                _file!.Write(bytes, 0, bytes.Length);
                Interlocked.Increment(ref _written);
                _failure = null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Interlocked.Increment(ref _dropped);
                _failure = e.Message;
                CloseFile();
            }
        }

        private void Flush()
        {
            try
            {
                if (_file == null)
                {
                    return;
                }

                DateTimeOffset now = _clock();
                bool sync = now - _lastSync >= TimeSpan.FromSeconds(1);
                _file.Flush(sync);
                if (sync)
                {
                    _lastSync = now;
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _failure = e.Message;
                CloseFile();
            }
        }

        private void Roll(DateTimeOffset now)
        {
            CloseFile();
            string name = now.UtcDateTime.ToString("yyyy-MM-dd-HH-mm-ss", CultureInfo.InvariantCulture) + "-" + UniqueString();
            string path = Path.Combine(LogPath, name);
            _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, 64 * 1024);
            _fileOpened = now;
            _lastSync = now;
            CurrentFile = path;
        }

        private void CloseFile()
        {
            try
            {
                _file?.Flush(true);
                _file?.Dispose();
            }
            catch (IOException)
            {
            }

            _file = null;
        }

        private static string UniqueString()
        {
            byte[] bytes = new byte[8];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            return BitConverter.ToString(bytes).Replace("-", string.Empty);
        }

        /// <summary>Writes what is queued, closes the file and stops the thread.</summary>
        public void Dispose()
        {
            _queue.CompleteAdding();
            _thread.Join(TimeSpan.FromSeconds(30));
            _queue.Dispose();
        }
    }
}
