using S3Audit.Engine.Lake;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Lake.Tests;

/// <summary>A lake store that fails on the Nth publish, as a run killed in the middle of its commit would stop.</summary>
internal sealed class FailingStore : ILakeStore
{
    private readonly ILakeStore _inner;
    private readonly int _failOnPublish;
    private int _published;

    public FailingStore(ILakeStore inner, int failOnPublish)
    {
        _inner = inner;
        _failOnPublish = failOnPublish;
    }

    public LakeDestination Destination => _inner.Destination;
    public Task LockAsync(string runId, IAuditOutput output, CancellationToken cancellationToken) => _inner.LockAsync(runId, output, cancellationToken);
    public Task<string?> ReadAsync(string relative, CancellationToken cancellationToken) => _inner.ReadAsync(relative, cancellationToken);
    public Task WriteAsync(string relative, string text, CancellationToken cancellationToken) => _inner.WriteAsync(relative, text, cancellationToken);
    public Task DeleteAsync(string relative, CancellationToken cancellationToken) => _inner.DeleteAsync(relative, cancellationToken);
    public string StagingPath(string runId, string name) => _inner.StagingPath(runId, name);
    public Task StageAsync(StagedFile file, CancellationToken cancellationToken) => _inner.StageAsync(file, cancellationToken);
    public Task DiscardAsync(StagedFile file) => _inner.DiscardAsync(file);
    public Task CleanLeftoversAsync(string runId, IAuditOutput output, CancellationToken cancellationToken) => _inner.CleanLeftoversAsync(runId, output, cancellationToken);
    public void Dispose() => _inner.Dispose();

    public Task<bool> PublishAsync(StagedFile file, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _published) == _failOnPublish ? throw new IOException("killed in the middle of the commit") : _inner.PublishAsync(file, cancellationToken);
}
