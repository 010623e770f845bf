using System;

namespace S3Audit.Engine.Lake
{
    /// <summary>One column of the lake: its name, kind, meaning and the entry property it holds.</summary>
    public sealed class LakeColumn
    {
        private LakeColumn(string name, LakeColumnType type, string property, string description)
        {
            Name = name;
            Type = type;
            Property = property;
            Description = description;
        }

        /// <summary>The column name: stable, lowercase snake_case.</summary>
        public string Name { get; }
        /// <summary>The physical kind.</summary>
        public LakeColumnType Type { get; }
        /// <summary>The <see cref="S3AuditLogEntry"/> property it holds.</summary>
        public string Property { get; }
        /// <summary>What it holds (used as the column comment in the DDL).</summary>
        public string Description { get; }
        /// <summary>The value of a <see cref="LakeColumnType.Timestamp"/> column (UTC).</summary>
        public Func<S3AuditLogEntry, DateTime>? TimeOf { get; private set; }
        /// <summary>The value of a <see cref="LakeColumnType.String"/> column; null for an empty string.</summary>
        public Func<S3AuditLogEntry, string?>? TextOf { get; private set; }
        /// <summary>The value of a <see cref="LakeColumnType.Int32"/> column.</summary>
        public Func<S3AuditLogEntry, int>? Int32Of { get; private set; }
        /// <summary>The value of a <see cref="LakeColumnType.Int64"/> column.</summary>
        public Func<S3AuditLogEntry, long>? Int64Of { get; private set; }
        /// <summary>The value of a <see cref="LakeColumnType.Double"/> column.</summary>
        public Func<S3AuditLogEntry, double>? DoubleOf { get; private set; }

        internal static LakeColumn Time(string name, string property, string description, Func<S3AuditLogEntry, DateTime> value) =>
            new LakeColumn(name, LakeColumnType.Timestamp, property, description) { TimeOf = value };

        internal static LakeColumn Text(string name, string property, string description, Func<S3AuditLogEntry, string> value) =>
            new LakeColumn(name, LakeColumnType.String, property, description) { TextOf = e => NullIfEmpty(value(e)) };

        internal static LakeColumn Int32(string name, string property, string description, Func<S3AuditLogEntry, int> value) =>
            new LakeColumn(name, LakeColumnType.Int32, property, description) { Int32Of = value };

        internal static LakeColumn Int64(string name, string property, string description, Func<S3AuditLogEntry, long> value) =>
            new LakeColumn(name, LakeColumnType.Int64, property, description) { Int64Of = value };

        internal static LakeColumn Double(string name, string property, string description, Func<S3AuditLogEntry, double> value) =>
            new LakeColumn(name, LakeColumnType.Double, property, description) { DoubleOf = value };

        private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

        /// <inheritdoc />
        public override string ToString() => $"{Name} {Type}";
    }
}
