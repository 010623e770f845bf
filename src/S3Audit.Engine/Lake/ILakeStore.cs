using System;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Lake
{
    /// <summary>
    /// The lake's storage: a local folder or an S3 prefix. Small metadata files under _s3audit/ (manifest, commit
    /// journal, lock), and Parquet files that are staged (temporary name, or an incomplete multipart upload) before
    /// they are published under their final name. Engines never list _s3audit/ (Hive, Spark and Trino skip names
    /// that start with '_'; the DuckDB view reads only partition folders).
    /// </summary>
    internal interface ILakeStore : IDisposable
    {
        /// <summary>Where the lake is.</summary>
        LakeDestination Destination { get; }

        /// <summary>Takes the lake's lock for this run; another live run holding it is an <see cref="Errors.AuditException"/> (ExportInProgress).</summary>
        Task LockAsync(string runId, IAuditOutput output, CancellationToken cancellationToken);

        /// <summary>The text of a metadata file (relative to the lake root), or null when there is none.</summary>
        Task<string?> ReadAsync(string relative, CancellationToken cancellationToken);

        /// <summary>Writes a metadata file so that a reader sees the old or the new content, never a part.</summary>
        Task WriteAsync(string relative, string text, CancellationToken cancellationToken);

        /// <summary>Deletes a metadata file (none there is fine).</summary>
        Task DeleteAsync(string relative, CancellationToken cancellationToken);

        /// <summary>The local path where a new file of this run is written before it is staged.</summary>
        string StagingPath(string runId, string name);

        /// <summary>Makes a finished local file ready to publish (S3: uploads its parts without completing the upload).</summary>
        Task StageAsync(StagedFile file, CancellationToken cancellationToken);

        /// <summary>Publishes a staged file under its final name; false when it is neither staged nor published (lost).</summary>
        Task<bool> PublishAsync(StagedFile file, CancellationToken cancellationToken);

        /// <summary>Removes a staged file that will not be published.</summary>
        Task DiscardAsync(StagedFile file);

        /// <summary>Removes what killed runs left staged (their journals already rolled forward).</summary>
        Task CleanLeftoversAsync(string runId, IAuditOutput output, CancellationToken cancellationToken);
    }

    /// <summary>The metadata files under the lake root.</summary>
    internal static class LakeFiles
    {
        public const string Folder = "_s3audit/";
        public const string Manifest = Folder + "manifest.json";
        public const string Journal = Folder + "commit.json";
        public const string Lock = Folder + "lock";
        public const string Staging = Folder + "staging/";
    }
}
