using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>-RemoteIp: addresses and CIDR blocks, typed by hand.</summary>
public class LogFilterRemoteIpTests
{
    private static LogFilter Filter(params string[] ranges)
    {
        var filter = new LogFilter();
        foreach (string range in ranges)
        {
            filter.RemoteIp.Add(range);
        }

        return filter.Compile();
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("2001:db8::7", true)]
    [InlineData("192.0.2.1", false)]
    [InlineData("-", false)]
    public void KeepsAddressesInAnyRange(string address, bool expected) =>
        Assert.Equal(expected, Filter("10.0.0.0/8", "2001:db8::/32").PassesRemoteIp(address));

    [Fact]
    public void SpacesAroundARangeAreForgiven() => Assert.True(Filter(" 10.0.0.0/8 ").PassesRemoteIp("10.1.2.3"));

    [Theory]
    [InlineData("10.0.0.0/33", "'10.0.0.0/33': the prefix length must be 0 to 32")]
    [InlineData("office", "'office' is not an IP address or CIDR block")]
    [InlineData("  ", "An IP address or CIDR block is required")]
    public void ABadRangeIsRefusedByName(string range, string expected)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => Filter("10.0.0.0/8", range));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }
}
