namespace S3Audit.Engine.Lake
{
    /// <summary>The physical kind of a lake column (each engine's SQL type comes from it).</summary>
    public enum LakeColumnType
    {
        /// <summary>INT64 timestamp, microseconds, adjusted to UTC.</summary>
        Timestamp,
        /// <summary>UTF-8 string; NULL where the entry has an empty string.</summary>
        String,
        /// <summary>INT32.</summary>
        Int32,
        /// <summary>INT64.</summary>
        Int64,
        /// <summary>DOUBLE.</summary>
        Double,
    }
}
