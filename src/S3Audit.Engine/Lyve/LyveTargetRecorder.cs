using System;
using System.Linq;

namespace S3Audit.Engine.Lyve
{
    /// <summary>Records an eligible target in the settings file and says so on the output row.</summary>
    public static class LyveTargetRecorder
    {
        /// <summary>Saves the target (replacing the same endpoint and bucket) and marks it Recorded.</summary>
        /// <exception cref="InvalidOperationException">The target is not eligible: only a valid target is recorded.</exception>
        public static void Record(LyveAuditTarget target, LyveTargetStore store, DateTimeOffset now)
        {
            if (!target.Eligible)
            {
                throw new InvalidOperationException($"'{target.BucketName}' is not an eligible audit target and is not recorded: {target.Reasons}");
            }

            var record = new LyveTargetRecord
            {
                BucketName = target.BucketName,
                EndpointUrl = target.EndpointUrl,
                Region = target.Region,
                RecordedAt = now,
            };
            if (!string.IsNullOrEmpty(target.LogKinds))
            {
                record.LogKinds = target.LogKinds.Split(new[] { ", " }, StringSplitOptions.RemoveEmptyEntries).ToList();
            }

            store.Save(record);
            MarkRecorded(target, record, store);
        }

        /// <summary>Copies what the settings file says about the target onto the row.</summary>
        public static void MarkRecorded(LyveAuditTarget target, LyveTargetRecord record, LyveTargetStore store)
        {
            target.Recorded = true;
            target.RecordedAt = record.RecordedAt;
            target.LogKinds = string.Join(", ", record.LogKinds);
            target.SettingsPath = store.Path;
        }
    }
}
