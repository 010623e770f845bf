using System.Threading;

namespace S3Audit.Engine.Proxy
{
    /// <summary>What a running gateway has done, updated by request threads without locks and read by Get-S3AuditProxy.</summary>
    internal sealed class ProxyCounters
    {
        private long _requests;
        private long _errors;
        private long _bytesIn;
        private long _bytesOut;
        private long _active;

        public long Requests => Interlocked.Read(ref _requests);
        public long Errors => Interlocked.Read(ref _errors);
        public long BytesIn => Interlocked.Read(ref _bytesIn);
        public long BytesOut => Interlocked.Read(ref _bytesOut);
        public long Active => Interlocked.Read(ref _active);

        public void Started() => Interlocked.Increment(ref _active);

        public void Finished(bool error, long bytesIn, long bytesOut)
        {
            Interlocked.Decrement(ref _active);
            Interlocked.Increment(ref _requests);
            if (error)
            {
                Interlocked.Increment(ref _errors);
            }

            Interlocked.Add(ref _bytesIn, bytesIn);
            Interlocked.Add(ref _bytesOut, bytesOut);
        }
    }
}
