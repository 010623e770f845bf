namespace S3Audit.Engine.Buckets
{
    /// <summary>How a bucket setting came back.</summary>
    public enum ReadState
    {
        /// <summary>Read; <see cref="Readout{T}.Value"/> holds it.</summary>
        Read,
        /// <summary>The call answered that nothing is configured (e.g. NoSuchBucketPolicy).</summary>
        NotConfigured,
        /// <summary>The provider lacks the feature.</summary>
        NotSupported,
        /// <summary>The call failed (access denied, timeout ...); <see cref="Readout{T}.Reason"/> says why. Never a pass.</summary>
        Unknown,
    }

    /// <summary>A setting as read from a bucket: the value, or why there is none.</summary>
    public sealed class Readout<T>
    {
        private Readout(ReadState state, T? value, string reason, Errors.AuditErrorKind? errorKind = null)
        {
            State = state;
            Value = value;
            Reason = reason;
            ErrorKind = errorKind;
        }

        /// <summary>Read, NotConfigured, NotSupported or Unknown.</summary>
        public ReadState State { get; }
        /// <summary>The value when <see cref="State"/> is Read.</summary>
        public T? Value { get; }
        /// <summary>Why the value is missing (NotConfigured, NotSupported, Unknown); empty when read.</summary>
        public string Reason { get; }
        /// <summary>The kind of failure when <see cref="State"/> is Unknown (NotFound for a missing bucket).</summary>
        public Errors.AuditErrorKind? ErrorKind { get; }

        /// <summary>A value that was read.</summary>
        public static Readout<T> Of(T value) => new Readout<T>(ReadState.Read, value, string.Empty);
        /// <summary>Nothing configured.</summary>
        public static Readout<T> NotConfigured(string reason) => new Readout<T>(ReadState.NotConfigured, default, reason);
        /// <summary>The provider lacks the feature.</summary>
        public static Readout<T> NotSupported(string reason) => new Readout<T>(ReadState.NotSupported, default, reason);
        /// <summary>The call failed.</summary>
        public static Readout<T> Unknown(string reason, Errors.AuditErrorKind? kind = null) => new Readout<T>(ReadState.Unknown, default, reason, kind);
    }
}
