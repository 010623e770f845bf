using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Proxy.Streaming;

namespace S3Audit.Engine.Proxy
{
    /// <summary>
    /// The body of a forwarded request: read from the client while HttpClient writes it to the upstream (after the
    /// upstream's 100 Continue when the client asked for one). Whether it failed on the client's side or the
    /// upstream's is kept apart, so the handler logs the right status.
    /// </summary>
    internal sealed class UpstreamContent : HttpContent
    {
        private readonly Stream _client;
        private readonly RequestBodyPump _pump;
        private readonly long? _length;
        private readonly CancellationToken _aborted;

        public UpstreamContent(Stream client, RequestBodyPump pump, long? length, CancellationToken aborted)
        {
            _client = client;
            _pump = pump;
            _length = length;
            _aborted = aborted;
        }

        /// <summary>True once HttpClient began sending the body (the upstream was reached).</summary>
        public bool Started { get; private set; }

        /// <summary>The client's body was refused (signature, checksum, framing) or ended early.</summary>
        public ProxyRequestException? ClientFault { get; private set; }

        /// <summary>Reading from the client failed (it went away).</summary>
        public Exception? ClientReadFault { get; private set; }

        /// <summary>When the last byte of the body was passed on (Stopwatch ticks), or 0.</summary>
        public long CompletedAt { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            Started = true;
            try
            {
                await _pump.CopyAsync(new ClientReadStream(_client, this), stream, _aborted).ConfigureAwait(false);
                CompletedAt = System.Diagnostics.Stopwatch.GetTimestamp();
            }
            catch (ProxyRequestException e)
            {
                ClientFault = e;
                throw;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length ?? -1;
            return _length.HasValue;
        }

        /// <summary>Marks failures of reads from the client, so they are not taken for upstream failures.</summary>
        private sealed class ClientReadStream : Stream
        {
            private readonly Stream _inner;
            private readonly UpstreamContent _owner;

            public ClientReadStream(Stream inner, UpstreamContent owner)
            {
                _inner = inner;
                _owner = owner;
            }

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                try
                {
                    return await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!(e is ProxyRequestException))
                {
                    _owner.ClientReadFault = e;
                    throw;
                }
            }

            public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
