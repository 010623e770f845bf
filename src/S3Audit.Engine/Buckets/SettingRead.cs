using S3Audit.Engine.Errors;

namespace S3Audit.Engine.Buckets
{
    /// <summary>A setting as <see cref="SettingReader.TryReadAsync{T}"/> classified it, with the failure nobody has written yet.</summary>
    internal sealed class SettingRead<T>
    {
        public SettingRead(Readout<T> readout, AuditError? error = null)
        {
            Readout = readout;
            Error = error;
        }

        public Readout<T> Readout { get; }

        /// <summary>The failed call: set when <see cref="Readout"/> is Unknown, or NotSupported because the endpoint answered so.</summary>
        public AuditError? Error { get; }

        /// <summary>The error that left the value unknown; null when it was read, not configured or not supported.</summary>
        public AuditError? Failure => Readout.State == ReadState.Unknown ? Error : null;
    }
}
