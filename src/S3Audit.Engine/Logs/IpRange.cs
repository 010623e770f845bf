using System;
using System.Net;
using System.Net.Sockets;

namespace S3Audit.Engine.Logs
{
    /// <summary>An address or CIDR block (IPv4 or IPv6), matched against logged client addresses.</summary>
    public sealed class IpRange
    {
        private readonly byte[] _network;
        private readonly int _prefixLength;

        private IpRange(byte[] network, int prefixLength, string text)
        {
            _network = network;
            _prefixLength = prefixLength;
            Text = text;
        }

        /// <summary>The range as given.</summary>
        public string Text { get; }

        /// <summary>Parses "192.0.2.7", "10.0.0.0/8", "2001:db8::/32".</summary>
        public static IpRange Parse(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ArgumentException("An IP address or CIDR block is required.", nameof(text));
            }

            string[] parts = text.Trim().Split('/');
            if (parts.Length > 2 || !IPAddress.TryParse(parts[0], out IPAddress? address))
            {
                throw new ArgumentException($"'{text}' is not an IP address or CIDR block (e.g. 10.0.0.0/8 or 2001:db8::/32).", nameof(text));
            }

            byte[] bytes = address.GetAddressBytes();
            int max = bytes.Length * 8;
            int prefix = max;
            if (parts.Length == 2 && (!int.TryParse(parts[1], out prefix) || prefix < 0 || prefix > max))
            {
                throw new ArgumentException($"'{text}': the prefix length must be 0 to {max}.", nameof(text));
            }

            return new IpRange(bytes, prefix, text);
        }

        /// <summary>True when <paramref name="address"/> (as logged; IPv4-mapped IPv6 allowed) is in the range.</summary>
        public bool Contains(string address) => TryParseAddress(address, out byte[] bytes, out byte[]? mapped) && Contains(bytes, mapped);

        /// <summary>The address bytes, and for an IPv4-mapped IPv6 address also its IPv4 bytes. Parse once, test many ranges.</summary>
        internal static bool TryParseAddress(string address, out byte[] bytes, out byte[]? mappedIPv4)
        {
            mappedIPv4 = null;
            if (string.IsNullOrEmpty(address) || !IPAddress.TryParse(address, out IPAddress? ip))
            {
                bytes = Array.Empty<byte>();
                return false;
            }

            bytes = ip.GetAddressBytes();
            if (ip.AddressFamily == AddressFamily.InterNetworkV6 && ip.IsIPv4MappedToIPv6)
            {
                mappedIPv4 = ip.MapToIPv4().GetAddressBytes();
            }

            return true;
        }

        /// <summary>True when the parsed address (see <see cref="TryParseAddress"/>) is in the range.</summary>
        internal bool Contains(byte[] bytes, byte[]? mappedIPv4)
        {
            if (_network.Length == 4 && mappedIPv4 != null)
            {
                bytes = mappedIPv4;
            }

            if (bytes.Length != _network.Length)
            {
                return false;
            }

            int full = _prefixLength / 8;
            for (int i = 0; i < full; i++)
            {
                if (bytes[i] != _network[i])
                {
                    return false;
                }
            }

            int rest = _prefixLength % 8;
            if (rest == 0)
            {
                return true;
            }

            int mask = 0xff << (8 - rest) & 0xff;
            return (bytes[full] & mask) == (_network[full] & mask);
        }
    }
}
