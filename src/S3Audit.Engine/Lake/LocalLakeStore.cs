using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Errors;
using S3Audit.Engine.IO;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Lake
{
    /// <summary>
    /// A lake in a local (or mounted) folder. Files are written in _s3audit/staging/&lt;run&gt;/ on the same volume and
    /// renamed into their partition folders; the lock is a file held open exclusively, so a killed run's lock goes with it.
    /// </summary>
    internal sealed class LocalLakeStore : ILakeStore
    {
        private FileStream? _lock;
        private string? _runId;

        public LocalLakeStore(LakeDestination destination) => Destination = destination;

        public LakeDestination Destination { get; }

        public Task LockAsync(string runId, IAuditOutput output, CancellationToken cancellationToken)
        {
            string path = Destination.Locate(LakeFiles.Lock);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException e)
            {
                throw new AuditException(new AuditError("ExportInProgress", AuditErrorKind.Other,
                    $"Another export is writing to {Destination.Root} (it holds {path}); run again when it has finished.", Destination.Root, e));
            }

            _runId = runId;
            byte[] text = System.Text.Encoding.UTF8.GetBytes(runId);
            _lock.Write(text, 0, text.Length);
            _lock.Flush();
            return Task.CompletedTask;
        }

        public Task<string?> ReadAsync(string relative, CancellationToken cancellationToken)
        {
            string path = Destination.Locate(relative);
            return Task.FromResult(File.Exists(path) ? File.ReadAllText(path) : null);
        }

        public Task WriteAsync(string relative, string text, CancellationToken cancellationToken)
        {
            AtomicFile.WriteAllText(Destination.Locate(relative), text);
            return Task.CompletedTask;
        }

        public Task DeleteAsync(string relative, CancellationToken cancellationToken)
        {
            File.Delete(Destination.Locate(relative));
            return Task.CompletedTask;
        }

        public string StagingPath(string runId, string name) => Destination.Locate(LakeFiles.Staging + runId + "/" + name);

        public Task StageAsync(StagedFile file, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<bool> PublishAsync(StagedFile file, CancellationToken cancellationToken)
        {
            string final = Destination.Locate(file.FinalPath);
            if (File.Exists(file.StagingPath))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                File.Move(file.StagingPath, final);
                return Task.FromResult(true);
            }

            // Published before the run that staged it was killed.
            return Task.FromResult(File.Exists(final));
        }

        public Task DiscardAsync(StagedFile file)
        {
            if (File.Exists(file.StagingPath))
            {
                File.Delete(file.StagingPath);
            }

            return Task.CompletedTask;
        }

        public Task CleanLeftoversAsync(string runId, IAuditOutput output, CancellationToken cancellationToken)
        {
            string staging = Destination.Locate(LakeFiles.Staging);
            if (Directory.Exists(staging))
            {
                foreach (string folder in Directory.GetDirectories(staging))
                {
                    if (!string.Equals(Path.GetFileName(folder), runId, StringComparison.Ordinal))
                    {
                        output.WriteVerbose($"Removing {folder}, the staging folder of an export that did not finish.");
                        Directory.Delete(folder, recursive: true);
                    }
                }
            }

            return Task.CompletedTask;
        }

        public void Dispose()
        {
            if (_runId != null)
            {
                RemoveIfEmpty(Destination.Locate(LakeFiles.Staging + _runId));
                RemoveIfEmpty(Destination.Locate(LakeFiles.Staging));
            }

            _lock?.Dispose();
            _lock = null;
        }

        private static void RemoveIfEmpty(string folder)
        {
            if (Directory.Exists(folder) && Directory.GetFileSystemEntries(folder).Length == 0)
            {
                Directory.Delete(folder);
            }
        }
    }
}
