using S3Audit.Engine.Net;

namespace S3Audit.Engine.Exposure
{
    /// <summary>
    /// AWS's breadth rule for aws:SourceIp: a CIDR broader than /8 (IPv4) or /32 (IPv6) counts as public. The
    /// RFC 1918 private ranges (10/8, 172.16/12, 192.168/16) are all /8 or narrower, so they are fixed by the same
    /// rule; being private earns no exemption beyond that (10.0.0.0/7 is public, 203.0.113.0/24 is not).
    /// </summary>
    internal static class SourceIpRange
    {
        /// <summary>Null when the value is a range AWS counts as fixed; otherwise why it is not.</summary>
        public static string? WhyNotFixed(string value)
        {
            string? notFixed = PolicyValue.WhyNotFixed(value);
            if (notFixed != null)
            {
                return notFixed;
            }

            if (!CidrBlock.TryParse(value, out CidrBlock? block, out string error))
            {
                return error;
            }

            int broadestFixed = block!.IsIPv6 ? 32 : 8;
            return block.PrefixLength < broadestFixed ? $"'{value}' is broader than /{broadestFixed} ({(block.IsIPv6 ? "IPv6" : "IPv4")})" : null;
        }
    }
}
