using S3Audit.Engine.Buckets;

namespace S3Audit.Engine.Tests.Exposure;

/// <summary>Block Public Access per flag and per level: the most restrictive combination; unreadable is unknown, never off.</summary>
public class EffectivePublicAccessBlockTests
{
    private static Readout<PublicAccessBlockFlags> Flags(bool a, bool b, bool c, bool d) => Readout<PublicAccessBlockFlags>.Of(new PublicAccessBlockFlags(a, b, c, d));
    private static readonly Readout<PublicAccessBlockFlags> None = Readout<PublicAccessBlockFlags>.NotConfigured("none");
    private static readonly Readout<PublicAccessBlockFlags> Missing = Readout<PublicAccessBlockFlags>.NotSupported("no");
    private static readonly Readout<PublicAccessBlockFlags> Denied = Readout<PublicAccessBlockFlags>.Unknown("access denied");

    [Fact]
    public void EachFlagIsOnWhereEitherLevelHasIt()
    {
        var block = new EffectivePublicAccessBlock(Flags(true, false, false, true), Flags(false, true, false, true));
        Assert.Equal((true, "bucket"), (block.BlockPublicAcls.Value, block.BlockPublicAcls.Levels));
        Assert.Equal((true, "account"), (block.IgnorePublicAcls.Value, block.IgnorePublicAcls.Levels));
        Assert.Equal((false, ""), (block.BlockPublicPolicy.Value, block.BlockPublicPolicy.Levels));
        Assert.Equal((true, "bucket, account"), (block.RestrictPublicBuckets.Value, block.RestrictPublicBuckets.Levels));
        Assert.Equal("Bucket: BlockPublicAcls, RestrictPublicBuckets; Account: IgnorePublicAcls, RestrictPublicBuckets", block.ToString());
    }

    [Fact]
    public void AnUnreadableLevelMakesAnOffFlagUnknownButCannotTurnAnOnFlagOff()
    {
        var block = new EffectivePublicAccessBlock(Flags(false, true, false, false), Denied);
        Assert.Null(block.BlockPublicAcls.Value);
        Assert.Null(block.BlockPublicAcls.Value);
        Assert.Contains("account level: access denied", block.BlockPublicAcls.Reason);
        Assert.True(block.IgnorePublicAcls.Value);
    }

    [Fact]
    public void NothingConfiguredOrNotSupportedIsOff()
    {
        var block = new EffectivePublicAccessBlock(None, Missing);
        Assert.False(block.NotSupported);
        Assert.False(block.RestrictPublicBuckets.Value);
        Assert.True(new EffectivePublicAccessBlock(Missing, Missing).NotSupported);
    }
}
