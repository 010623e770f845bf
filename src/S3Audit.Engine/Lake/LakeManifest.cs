using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace S3Audit.Engine.Lake
{
    /// <summary>
    /// The lake's record of what is exported (_s3audit/manifest.json): every source log file or object read so far, by
    /// name with what identifies its content (ETag, or length and modification time) and how many records were read,
    /// and every Parquet file committed. It is written only after a run's files are in place, so it never names a
    /// source whose entries are not in the table.
    /// </summary>
    public sealed class LakeManifest
    {
        /// <summary>The manifest format version.</summary>
        public int Version { get; set; } = 1;
        /// <summary>The lake's schema version (<see cref="LakeSchema.Version"/>).</summary>
        public int SchemaVersion { get; set; } = LakeSchema.Version;
        /// <summary>Whether the lake's files have the raw column (set by the first run that writes a file; every file of a lake has one schema).</summary>
        public bool? IncludeRaw { get; set; }
        /// <summary>Sources read, one per name.</summary>
        public List<ManifestSource> Sources { get; set; } = new List<ManifestSource>();
        /// <summary>Files committed.</summary>
        public List<ManifestFile> Files { get; set; } = new List<ManifestFile>();

        /// <summary>Parses a manifest; a file that is not one is an <see cref="InvalidOperationException"/> naming <paramref name="where"/>.</summary>
        public static LakeManifest Parse(string text, string where)
        {
            try
            {
                LakeManifest manifest = JsonSerializer.Deserialize<LakeManifest>(text, LakeJson.Options) ?? throw new JsonException("empty document");
                if (manifest.Version != 1)
                {
                    throw new InvalidOperationException($"{where}: manifest version {manifest.Version} is newer than this S3Audit understands; update the module.");
                }

                return manifest;
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"{where} is not an S3Audit export manifest ({e.Message}). Move it away to start the lake anew.", e);
            }
        }

        /// <summary>The JSON text.</summary>
        public string ToJson() => JsonSerializer.Serialize(this, LakeJson.Options);

        /// <summary>Adds a run's sources (replacing earlier records of the same names) and files.</summary>
        public void Merge(IEnumerable<ManifestSource> sources, IEnumerable<ManifestFile> files)
        {
            Dictionary<string, ManifestSource> byName = Sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
            foreach (ManifestSource source in sources)
            {
                byName[source.Name] = source;
            }

            Sources = byName.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            var known = new HashSet<string>(Files.Select(f => f.Path), StringComparer.Ordinal);
            Files.AddRange(files.Where(f => known.Add(f.Path)));
        }
    }

    /// <summary>How the lake's metadata files are written: camelCase, nulls left out.</summary>
    internal static class LakeJson
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
    }

    /// <summary>One source log file or object in the manifest.</summary>
    public sealed class ManifestSource
    {
        /// <summary>The local path, or s3://bucket/key.</summary>
        public string Name { get; set; } = string.Empty;
        /// <summary>Bytes when it was read.</summary>
        public long Length { get; set; }
        /// <summary>Last modification time when it was read.</summary>
        public DateTimeOffset? Modified { get; set; }
        /// <summary>ETag when it was read (S3).</summary>
        public string? ETag { get; set; }
        /// <summary>Records read (lines or JSON records), whatever became of them.</summary>
        public long Records { get; set; }
        /// <summary>False when the read failed part-way: the next run goes on after <see cref="Records"/>.</summary>
        public bool Complete { get; set; }
    }

    /// <summary>One committed Parquet file in the manifest.</summary>
    public sealed class ManifestFile
    {
        /// <summary>Relative to the lake root, forward slashes.</summary>
        public string Path { get; set; } = string.Empty;
        /// <summary>Rows.</summary>
        public long Rows { get; set; }
        /// <summary>Bytes.</summary>
        public long Bytes { get; set; }
        /// <summary>The run that wrote it.</summary>
        public string Run { get; set; } = string.Empty;
    }
}
