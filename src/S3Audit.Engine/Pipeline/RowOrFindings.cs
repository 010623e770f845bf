using System.Collections.Generic;

namespace S3Audit.Engine.Pipeline
{
    /// <summary>Writes a bucket's summary row, or with -Detailed its findings; nothing for a bucket that does not exist.</summary>
    internal static class RowOrFindings
    {
        public static void Write<TFinding>(IAuditOutput output, bool detailed, bool bucketMissing, object row, IEnumerable<TFinding> findings)
        {
            if (bucketMissing)
            {
                return;
            }

            if (!detailed)
            {
                output.WriteObject(row);
                return;
            }

            foreach (TFinding finding in findings)
            {
                output.WriteObject(finding!);
            }
        }
    }
}
