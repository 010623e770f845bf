using S3Audit.Engine.Lake;

namespace S3Audit.Engine.Tests.Lake;

public class LakeDestinationTests
{
    [Theory]
    [InlineData("s3://lake-bucket", "lake-bucket", "")]
    [InlineData("s3://lake-bucket/", "lake-bucket", "")]
    [InlineData("s3://lake-bucket/audit/logs", "lake-bucket", "audit/logs/")]
    [InlineData("S3A://lake-bucket/audit/", "lake-bucket", "audit/")]
    public void S3DestinationsNameABucketAndAPrefix(string text, string bucket, string prefix)
    {
        LakeDestination d = LakeDestination.Parse(text, p => throw new InvalidOperationException("not local"));
        Assert.True(d.IsS3);
        Assert.Equal(bucket, d.BucketName);
        Assert.Equal(prefix, d.Prefix);
        Assert.Equal($"s3://{bucket}/{prefix}source=x/f.parquet", d.Locate("source=x/f.parquet"));
        Assert.True(d.Contains($"s3://{bucket}/{prefix}source=x/f.parquet"));
        Assert.False(d.Contains($"s3://{bucket}x/{prefix}"));
    }

    [Fact]
    public void AnythingElseIsALocalFolderResolvedByTheCaller()
    {
        LakeDestination d = LakeDestination.Parse("lake", p => "/data/" + p);
        Assert.False(d.IsS3);
        Assert.Equal("/data/lake", d.Root);
        Assert.Equal(Path.Combine("/data/lake", "source=x", "f.parquet"), d.Locate("source=x/f.parquet"));
        Assert.True(d.Contains("/data/lake/source=x/f.parquet"));
        Assert.False(d.Contains("/data/lakes/a.log"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("s3://")]
    [InlineData("s3://ab/x")]
    [InlineData("s3://bad bucket/x")]
    public void ABadDestinationIsAnArgumentError(string text) =>
        Assert.Throws<ArgumentException>(() => LakeDestination.Parse(text, p => p));
}
