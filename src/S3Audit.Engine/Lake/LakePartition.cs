using System;
using System.Globalization;

namespace S3Audit.Engine.Lake
{
    /// <summary>One Hive partition of the lake: source=&lt;format&gt;/year=YYYY/month=MM/day=DD (lowercase keys, zero-padded).</summary>
    public readonly struct LakePartition : IEquatable<LakePartition>
    {
        /// <summary>Creates a partition.</summary>
        [System.Text.Json.Serialization.JsonConstructor]
        public LakePartition(S3AuditLogFormat source, int year, int month, int day)
        {
            Source = source;
            Year = year;
            Month = month;
            Day = day;
        }

        /// <summary>The log format.</summary>
        public S3AuditLogFormat Source { get; }
        /// <summary>Year (UTC).</summary>
        public int Year { get; }
        /// <summary>Month (UTC).</summary>
        public int Month { get; }
        /// <summary>Day of month (UTC).</summary>
        public int Day { get; }

        /// <summary>The partition of an entry: its format and its own time's UTC day.</summary>
        public static LakePartition Of(S3AuditLogEntry entry)
        {
            DateTime utc = entry.Time.UtcDateTime;
            return new LakePartition(entry.Source, utc.Year, utc.Month, utc.Day);
        }

        /// <summary>The relative folder, forward slashes, no trailing slash.</summary>
        public string Path => string.Format(CultureInfo.InvariantCulture, "source={0}/year={1:0000}/month={2:00}/day={3:00}", LakeSchema.SourceValue(Source), Year, Month, Day);

        /// <inheritdoc />
        public bool Equals(LakePartition other) => Source == other.Source && Year == other.Year && Month == other.Month && Day == other.Day;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is LakePartition other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => (((int)Source * 397 ^ Year) * 397 ^ Month) * 397 ^ Day;

        /// <inheritdoc />
        public override string ToString() => Path;
    }
}
