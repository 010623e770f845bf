using System.Net;
using System.Net.Sockets;

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

            string address = value;
            int prefix = -1;
            int slash = value.IndexOf('/');
            if (slash >= 0)
            {
                address = value.Substring(0, slash);
                if (!int.TryParse(value.Substring(slash + 1), out prefix) || prefix < 0)
                {
                    return $"'{value}' is not a valid CIDR range";
                }
            }

            if (!IPAddress.TryParse(address, out IPAddress? ip))
            {
                return $"'{value}' is not a valid IP address or CIDR range";
            }

            bool v6 = ip.AddressFamily == AddressFamily.InterNetworkV6;
            int max = v6 ? 128 : 32, limit = v6 ? 32 : 8;
            if (prefix < 0)
            {
                prefix = max;
            }

            if (prefix > max)
            {
                return $"'{value}' is not a valid CIDR range";
            }

            return prefix < limit ? $"'{value}' is broader than /{limit} ({(v6 ? "IPv6" : "IPv4")})" : null;
        }
    }
}
