using System;
using System.Net;
using System.Net.Sockets;

namespace S3Audit.Engine.Net
{
    /// <summary>A client address as a log records it, parsed once to be tested against many <see cref="CidrBlock"/>s.</summary>
    internal readonly struct ClientAddress
    {
        private ClientAddress(byte[] bytes, byte[]? mappedIPv4)
        {
            Bytes = bytes;
            MappedIPv4 = mappedIPv4;
        }

        /// <summary>The address bytes: 4 for IPv4, 16 for IPv6.</summary>
        public byte[] Bytes { get; }

        /// <summary>For an IPv4-mapped IPv6 address (::ffff:192.0.2.7), its IPv4 bytes; otherwise null.</summary>
        public byte[]? MappedIPv4 { get; }

        /// <summary>False for empty text or text that is not an IP address.</summary>
        public static bool TryParse(string? text, out ClientAddress address)
        {
            if (string.IsNullOrEmpty(text) || !IPAddress.TryParse(text, out IPAddress? ip))
            {
                address = new ClientAddress(Array.Empty<byte>(), null);
                return false;
            }

            byte[]? mapped = ip.AddressFamily == AddressFamily.InterNetworkV6 && ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4().GetAddressBytes() : null;
            address = new ClientAddress(ip.GetAddressBytes(), mapped);
            return true;
        }
    }
}
