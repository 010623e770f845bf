using System;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace S3Audit.Engine.Proxy.Hosting
{
    /// <summary>The one service Kestrel 2.3 asks its options for when hosted without a WebHost: a logger factory that logs nothing.</summary>
    internal sealed class NullServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ILoggerFactory) ? NullLoggerFactory.Instance : null;
    }

    /// <summary>The application lifetime the sockets transport watches; stopped with the gateway.</summary>
#pragma warning disable CS0618 // IApplicationLifetime is what Kestrel 2.3's transport takes
    internal sealed class ApplicationLifetime : Microsoft.AspNetCore.Hosting.IApplicationLifetime
#pragma warning restore CS0618
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => _stopping.Token;
        public CancellationToken ApplicationStopped => _stopping.Token;

        public void StopApplication()
        {
            if (!_stopping.IsCancellationRequested)
            {
                _stopping.Cancel();
            }
        }
    }
}
