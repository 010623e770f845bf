using System;
using System.Globalization;
using System.Net;

namespace S3Audit.Engine.Net
{
    /// <summary>
    /// An IPv4 or IPv6 CIDR block ("10.0.0.0/8", "2001:db8::/32"); a bare address is a block of one (/32 or /128).
    /// The one reading of address and CIDR text, for the log filter's -RemoteIp and for aws:SourceIp in policies.
    /// </summary>
    public sealed class CidrBlock
    {
        private readonly byte[] _network;

        private CidrBlock(byte[] network, int prefixLength, string text)
        {
            _network = network;
            PrefixLength = prefixLength;
            Text = text;
        }

        /// <summary>The block as given.</summary>
        public string Text { get; }

        /// <summary>The number of leading bits that are fixed: 0 (everything) to 32 or 128 (one address).</summary>
        public int PrefixLength { get; }

        /// <summary>True for an IPv6 block, false for IPv4.</summary>
        public bool IsIPv6 => _network.Length == 16;

        /// <summary>Parses "192.0.2.7", "10.0.0.0/8" or "2001:db8::/32"; throws <see cref="ArgumentException"/> naming the bad text.</summary>
        public static CidrBlock Parse(string? text) =>
            TryParse(text, out CidrBlock? block, out string error) ? block! : throw new ArgumentException(error, nameof(text));

        /// <summary>Parses like <see cref="Parse"/>, but returns false with <paramref name="error"/> saying why instead of throwing.</summary>
        public static bool TryParse(string? text, out CidrBlock? block, out string error)
        {
            block = null;
            if (string.IsNullOrEmpty(text))
            {
                error = "An IP address or CIDR block is required";
                return false;
            }

            int slash = text!.IndexOf('/');
            string addressText = slash < 0 ? text : text.Substring(0, slash);
            if (!IPAddress.TryParse(addressText, out IPAddress? address))
            {
                error = $"'{text}' is not an IP address or CIDR block (e.g. 10.0.0.0/8 or 2001:db8::/32)";
                return false;
            }

            byte[] network = address.GetAddressBytes();
            int maxPrefix = network.Length * 8;
            int prefix = maxPrefix;
            if (slash >= 0 && (!int.TryParse(text.Substring(slash + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out prefix) || prefix < 0 || prefix > maxPrefix))
            {
                error = $"'{text}': the prefix length must be 0 to {maxPrefix}";
                return false;
            }

            block = new CidrBlock(network, prefix, text);
            error = string.Empty;
            return true;
        }

        /// <summary>True when <paramref name="address"/> (as logged; IPv4-mapped IPv6 allowed) is in the block.</summary>
        public bool Contains(string address) => ClientAddress.TryParse(address, out ClientAddress parsed) && Contains(parsed);

        /// <summary>True when the parsed address is in the block; an IPv4 block also holds the IPv4-mapped IPv6 form.</summary>
        internal bool Contains(ClientAddress address)
        {
            byte[] bytes = !IsIPv6 && address.MappedIPv4 != null ? address.MappedIPv4 : address.Bytes;
            if (bytes.Length != _network.Length)
            {
                return false;
            }

            int fullBytes = PrefixLength / 8;
            for (int i = 0; i < fullBytes; i++)
            {
                if (bytes[i] != _network[i])
                {
                    return false;
                }
            }

            int restBits = PrefixLength % 8;
            if (restBits == 0)
            {
                return true;
            }

            int mask = 0xff << (8 - restBits) & 0xff;
            return (bytes[fullBytes] & mask) == (_network[fullBytes] & mask);
        }
    }
}
