using System;

namespace S3Audit.Engine.Lake
{
    /// <summary>Where the lake is: a local folder, or s3://bucket/prefix/.</summary>
    public sealed class LakeDestination
    {
        private LakeDestination(string? localPath, string? bucketName, string prefix)
        {
            LocalPath = localPath;
            BucketName = bucketName;
            Prefix = prefix;
        }

        /// <summary>The folder (full path) of a local lake; null for S3.</summary>
        public string? LocalPath { get; }
        /// <summary>The bucket of an S3 lake; null for a local one.</summary>
        public string? BucketName { get; }
        /// <summary>The key prefix of an S3 lake: empty, or ending with '/'.</summary>
        public string Prefix { get; }
        /// <summary>True for s3://.</summary>
        public bool IsS3 => BucketName != null;

        /// <summary>The lake root as the user sees it: the folder, or s3://bucket/prefix/.</summary>
        public string Root => IsS3 ? $"s3://{BucketName}/{Prefix}" : LocalPath!;

        /// <summary>
        /// Parses s3://bucket[/prefix] (also s3a://, as Spark writes it); anything else is a local folder, made absolute by
        /// <paramref name="resolveLocal"/> (the cmdlet resolves it against PowerShell's current location).
        /// </summary>
        public static LakeDestination Parse(string destination, Func<string, string> resolveLocal)
        {
            if (string.IsNullOrWhiteSpace(destination))
            {
                throw new ArgumentException("The destination is empty: give a folder or s3://bucket/prefix.", nameof(destination));
            }

            string? rest = StripScheme(destination.Trim());
            if (rest == null)
            {
                return new LakeDestination(resolveLocal(destination), null, string.Empty);
            }

            int slash = rest.IndexOf('/');
            string bucket = slash < 0 ? rest : rest.Substring(0, slash);
            string prefix = slash < 0 ? string.Empty : rest.Substring(slash + 1).Trim('/');
            if (bucket.Length < 3 || bucket.Length > 63 || bucket.IndexOfAny(new[] { ' ', '\\', '*', '?' }) >= 0)
            {
                throw new ArgumentException($"'{destination}' does not name a bucket: write s3://bucket/prefix.", nameof(destination));
            }

            return new LakeDestination(null, bucket, prefix.Length == 0 ? string.Empty : prefix + "/");
        }

        /// <summary>The full location of <paramref name="relative"/> (forward slashes) in the lake.</summary>
        public string Locate(string relative) =>
            IsS3 ? $"s3://{BucketName}/{Prefix}{relative}" : System.IO.Path.Combine(LocalPath!, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

        /// <summary>True when <paramref name="sourceName"/> (a log source's path or s3:// name) lies inside the lake.</summary>
        public bool Contains(string sourceName)
        {
            if (IsS3)
            {
                return sourceName.StartsWith(Root, StringComparison.Ordinal);
            }

            string root = LocalPath!.TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
            return sourceName.StartsWith(root, StringComparison.Ordinal);
        }

        private static string? StripScheme(string text)
        {
            foreach (string scheme in new[] { "s3://", "s3a://" })
            {
                if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                {
                    return text.Substring(scheme.Length);
                }
            }

            return null;
        }

        /// <inheritdoc />
        public override string ToString() => Root;
    }
}
