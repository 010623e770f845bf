using S3Audit.Engine.Net;

namespace S3Audit.Engine.Tests.Net;

/// <summary>The one reading of address and CIDR text, shared by the log filter and the aws:SourceIp breadth rule.</summary>
public class CidrBlockTests
{
    [Theory]
    [InlineData("10.0.0.0/8", false, 8)]
    [InlineData("0.0.0.0/0", false, 0)]
    [InlineData("203.0.113.7/32", false, 32)]
    [InlineData("192.0.2.7", false, 32)]          // a bare IPv4 address is /32
    [InlineData("2001:db8::/32", true, 32)]
    [InlineData("::/0", true, 0)]
    [InlineData("2001:db8::1/128", true, 128)]
    [InlineData("2001:db8::1", true, 128)]        // a bare IPv6 address is /128
    public void ReadsFamilyAndPrefixLength(string text, bool isIPv6, int prefixLength)
    {
        Assert.True(CidrBlock.TryParse(text, out CidrBlock? block, out string error), error);
        Assert.Equal((text, isIPv6, prefixLength), (block!.Text, block.IsIPv6, block.PrefixLength));
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData("10.0.0.0/33", "'10.0.0.0/33': the prefix length must be 0 to 32")]
    [InlineData("2001:db8::/129", "'2001:db8::/129': the prefix length must be 0 to 128")]
    [InlineData("10.0.0.0/-1", "'10.0.0.0/-1': the prefix length must be 0 to 32")]
    [InlineData("10.0.0.0/x", "'10.0.0.0/x': the prefix length must be 0 to 32")]
    [InlineData("10.0.0.0/", "'10.0.0.0/': the prefix length must be 0 to 32")]
    [InlineData("10.0.0.0/8/9", "'10.0.0.0/8/9': the prefix length must be 0 to 32")]
    [InlineData("not-an-ip", "'not-an-ip' is not an IP address or CIDR block (e.g. 10.0.0.0/8 or 2001:db8::/32)")]
    [InlineData("10.0.0.256/8", "'10.0.0.256/8' is not an IP address or CIDR block (e.g. 10.0.0.0/8 or 2001:db8::/32)")]
    [InlineData("/8", "'/8' is not an IP address or CIDR block (e.g. 10.0.0.0/8 or 2001:db8::/32)")]
    [InlineData("", "An IP address or CIDR block is required")]
    [InlineData(null, "An IP address or CIDR block is required")]
    public void InvalidTextSaysWhatIsWrongAndNamesIt(string? text, string expected)
    {
        Assert.False(CidrBlock.TryParse(text, out CidrBlock? block, out string error));
        Assert.Null(block);
        Assert.Equal(expected, error);

        ArgumentException thrown = Assert.Throws<ArgumentException>(() => CidrBlock.Parse(text));
        Assert.StartsWith(expected, thrown.Message, StringComparison.Ordinal);
        Assert.Equal("text", thrown.ParamName);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.255.3.4", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("192.0.2.0/25", "192.0.2.127", true)]   // the prefix ends inside a byte
    [InlineData("192.0.2.0/25", "192.0.2.128", false)]
    [InlineData("192.0.2.7", "192.0.2.7", true)]
    [InlineData("192.0.2.7", "192.0.2.8", false)]
    [InlineData("203.0.113.7/32", "203.0.113.7", true)]
    [InlineData("203.0.113.7/32", "203.0.113.6", false)]
    [InlineData("0.0.0.0/0", "198.51.100.1", true)]
    [InlineData("0.0.0.0/0", "2001:db8::1", false)]     // an IPv4 block holds no IPv6 address
    [InlineData("10.0.0.0/8", "::ffff:10.1.2.3", true)] // ... except the IPv4-mapped form of one of its own
    [InlineData("10.0.0.0/8", "::ffff:11.1.2.3", false)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("::/0", "2001:db8::1", true)]
    [InlineData("::/0", "10.0.0.1", false)]
    [InlineData("2001:db8::1/128", "2001:db8::1", true)]
    [InlineData("2001:db8::1", "2001:db8::2", false)]
    [InlineData("0.0.0.0/0", "-", false)]               // what a log writes when it has no address
    [InlineData("0.0.0.0/0", "", false)]
    public void MatchesAddresses(string block, string address, bool expected) =>
        Assert.Equal(expected, CidrBlock.Parse(block).Contains(address));
}
