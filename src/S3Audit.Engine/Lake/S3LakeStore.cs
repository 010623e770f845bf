using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Lake
{
    /// <summary>
    /// A lake under s3://bucket/prefix/, written through the session's credentials. Files are written to a local
    /// temporary folder, uploaded as multipart uploads whose parts go up during the run, and completed only at commit, so
    /// nothing partial is ever listed. The lock is an object created with If-None-Match and refreshed every minute; one
    /// not refreshed for <see cref="StaleLockAge"/> belongs to a killed run and is taken over.
    /// </summary>
    internal sealed class S3LakeStore : ILakeStore
    {
        private const long PartBytes = 16L * 1024 * 1024;
        private static readonly TimeSpan StaleLockAge = TimeSpan.FromMinutes(10);
        private static readonly TimeSpan Heartbeat = TimeSpan.FromMinutes(1);
        private readonly S3Session _session;
        private readonly string _bucket;
        private Timer? _heartbeat;
        private string? _runId;
        private string? _tempFolder;

        public S3LakeStore(LakeDestination destination, S3Session session)
        {
            Destination = destination;
            _session = session;
            _bucket = destination.BucketName!;
        }

        public LakeDestination Destination { get; }

        private IAmazonS3 Client => _session.Client;

        public async Task LockAsync(string runId, IAuditOutput output, CancellationToken cancellationToken)
        {
            string key = Key(LakeFiles.Lock);
            string body = LockBody(runId);
            try
            {
                await Client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, ContentBody = body, IfNoneMatch = "*" }, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed || e.StatusCode == HttpStatusCode.Conflict)
            {
                GetObjectMetadataResponse held = await Client.GetObjectMetadataAsync(_bucket, key, cancellationToken).ConfigureAwait(false);
                DateTime modified = held.LastModified?.ToUniversalTime() ?? DateTime.MinValue;
                if (DateTime.UtcNow - modified < StaleLockAge)
                {
                    throw new AuditException(new AuditError("ExportInProgress", AuditErrorKind.Other,
                        $"Another export is writing to {Destination.Root} (its lock {Destination.Locate(LakeFiles.Lock)} was refreshed at {modified:u}); run again when it has finished.", Destination.Root, e));
                }

                output.WriteWarning($"Taking over the lock of an export to {Destination.Root} that stopped refreshing it at {modified:u} (a killed run); its staged files are cleaned up.");
                await Client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, ContentBody = body, IfMatch = held.ETag }, cancellationToken).ConfigureAwait(false);
            }

            _runId = runId;
            _heartbeat = new Timer(_ => Refresh(key, body), null, Heartbeat, Heartbeat);
        }

        public async Task<string?> ReadAsync(string relative, CancellationToken cancellationToken)
        {
            try
            {
                using GetObjectResponse response = await Client.GetObjectAsync(_bucket, Key(relative), cancellationToken).ConfigureAwait(false);
                using var reader = new StreamReader(response.ResponseStream);
                return await reader.ReadToEndAsync().ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }

        public Task WriteAsync(string relative, string text, CancellationToken cancellationToken) =>
            Client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = Key(relative), ContentBody = text, ContentType = "application/json" }, cancellationToken);

        public Task DeleteAsync(string relative, CancellationToken cancellationToken) =>
            Client.DeleteObjectAsync(_bucket, Key(relative), cancellationToken);

        public string StagingPath(string runId, string name)
        {
            _tempFolder ??= Path.Combine(Path.GetTempPath(), "s3audit-export-" + runId);
            return Path.Combine(_tempFolder, name);
        }

        public async Task StageAsync(StagedFile file, CancellationToken cancellationToken)
        {
            InitiateMultipartUploadResponse upload = await Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
            {
                BucketName = _bucket,
                Key = Key(file.FinalPath),
                ContentType = "application/vnd.apache.parquet",
            }, cancellationToken).ConfigureAwait(false);
            file.UploadId = upload.UploadId;
            long length = new FileInfo(file.StagingPath).Length;
            int number = 1;
            for (long position = 0; position < length || number == 1; position += PartBytes, number++)
            {
                UploadPartResponse part = await Client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _bucket,
                    Key = Key(file.FinalPath),
                    UploadId = upload.UploadId,
                    PartNumber = number,
                    FilePath = file.StagingPath,
                    FilePosition = position,
                    PartSize = Math.Min(PartBytes, length - position),
                }, cancellationToken).ConfigureAwait(false);
                file.Parts.Add(new StagedPart { Number = number, ETag = part.ETag });
            }

            File.Delete(file.StagingPath);
        }

        public async Task<bool> PublishAsync(StagedFile file, CancellationToken cancellationToken)
        {
            try
            {
                await Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
                {
                    BucketName = _bucket,
                    Key = Key(file.FinalPath),
                    UploadId = file.UploadId,
                    PartETags = file.Parts.Select(p => new PartETag(p.Number, p.ETag)).ToList(),
                }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // NoSuchUpload: completed before the run that staged it was killed, or lost.
                return await ExistsAsync(Key(file.FinalPath), cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task DiscardAsync(StagedFile file)
        {
            if (file.UploadId != null)
            {
                try
                {
                    await Client.AbortMultipartUploadAsync(_bucket, Key(file.FinalPath), file.UploadId, CancellationToken.None).ConfigureAwait(false);
                }
                catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
                {
                }
            }

            if (File.Exists(file.StagingPath))
            {
                File.Delete(file.StagingPath);
            }
        }

        public async Task CleanLeftoversAsync(string runId, IAuditOutput output, CancellationToken cancellationToken)
        {
            string? keyMarker = null, uploadMarker = null;
            do
            {
                ListMultipartUploadsResponse page = await Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
                {
                    BucketName = _bucket,
                    Prefix = Destination.Prefix.Length == 0 ? null : Destination.Prefix,
                    KeyMarker = keyMarker,
                    UploadIdMarker = uploadMarker,
                }, cancellationToken).ConfigureAwait(false);
                foreach (MultipartUpload upload in page.MultipartUploads ?? new List<MultipartUpload>())
                {
                    if (upload.Key.EndsWith(".parquet", StringComparison.Ordinal))
                    {
                        output.WriteVerbose($"Aborting the incomplete upload of s3://{_bucket}/{upload.Key}, left by an export that did not finish.");
                        await Client.AbortMultipartUploadAsync(_bucket, upload.Key, upload.UploadId, cancellationToken).ConfigureAwait(false);
                    }
                }

                bool more = page.IsTruncated == true;
                keyMarker = more ? page.NextKeyMarker : null;
                uploadMarker = more ? page.NextUploadIdMarker : null;
            }
            while (keyMarker != null);
        }

        public void Dispose()
        {
            _heartbeat?.Dispose();
            _heartbeat = null;
            if (_runId != null)
            {
                _runId = null;
                try
                {
                    Client.DeleteObjectAsync(_bucket, Key(LakeFiles.Lock)).GetAwaiter().GetResult();
                }
                catch (AmazonS3Exception)
                {
                    // The lock ages out on its own.
                }
            }

            if (_tempFolder != null && Directory.Exists(_tempFolder))
            {
                Directory.Delete(_tempFolder, recursive: true);
            }
        }

        private string Key(string relative) => Destination.Prefix + relative;

        private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
        {
            try
            {
                await Client.GetObjectMetadataAsync(_bucket, key, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }
        }

        private void Refresh(string key, string body)
        {
            try
            {
                Client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, ContentBody = body }).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is AmazonS3Exception || e is IOException || e is System.Net.Http.HttpRequestException)
            {
                // The next beat tries again; ten missed minutes let another run take over.
            }
        }

        private static string LockBody(string runId) =>
            "{\"run\":\"" + runId + "\",\"host\":\"" + Environment.MachineName.Replace("\"", string.Empty) + "\",\"started\":\"" + DateTimeOffset.UtcNow.ToString("o") + "\"}";
    }
}
