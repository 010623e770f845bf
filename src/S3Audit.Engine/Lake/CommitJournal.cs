using System.Collections.Generic;
using System.Text.Json;

namespace S3Audit.Engine.Lake
{
    /// <summary>
    /// What a run is about to commit (_s3audit/commit.json), written before the first file is published and removed
    /// after the manifest is written. A run killed between the two leaves it behind, and the next run finishes the
    /// commit from it (publishing what is still staged, then the manifest), so files and manifest never disagree.
    /// </summary>
    internal sealed class CommitJournal
    {
        /// <summary>The run.</summary>
        public string Run { get; set; } = string.Empty;
        /// <summary>The staged files.</summary>
        public List<StagedFile> Files { get; set; } = new List<StagedFile>();
        /// <summary>The sources the files hold entries of.</summary>
        public List<ManifestSource> Sources { get; set; } = new List<ManifestSource>();

        public string ToJson() => JsonSerializer.Serialize(this, LakeJson.Options);

        public static CommitJournal Parse(string text) => JsonSerializer.Deserialize<CommitJournal>(text, LakeJson.Options) ?? new CommitJournal();
    }
}
