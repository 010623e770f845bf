using System;
using System.Text;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Interns strings decoded from UTF-8 bytes, so low-cardinality fields (bucket, operation, requester, address,
    /// user agent) are decoded once per file instead of once per line. Bounded: once full it decodes without keeping.
    /// </summary>
    internal sealed class Utf8StringPool
    {
        private const int Capacity = 8192;
        private readonly Entry?[] _slots = new Entry?[Capacity * 2];
        private int _count;

        private sealed class Entry
        {
            public Entry(byte[] bytes, string value, int hash)
            {
                Bytes = bytes;
                Value = value;
                Hash = hash;
            }

            public readonly byte[] Bytes;
            public readonly string Value;
            public readonly int Hash;
        }

        public string Get(ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                return string.Empty;
            }

            if (bytes.Length > 256)
            {
                return Decode(bytes);
            }

            int hash = Hash(bytes);
            int mask = _slots.Length - 1;
            int i = hash & mask;
            while (true)
            {
                Entry? e = _slots[i];
                if (e == null)
                {
                    string value = Decode(bytes);
                    if (_count < Capacity)
                    {
                        _slots[i] = new Entry(bytes.ToArray(), value, hash);
                        _count++;
                    }

                    return value;
                }

                if (e.Hash == hash && bytes.SequenceEqual(e.Bytes))
                {
                    return e.Value;
                }

                i = (i + 1) & mask;
            }
        }

        internal static unsafe string Decode(ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                return string.Empty;
            }

            fixed (byte* p = bytes)
            {
                return Encoding.UTF8.GetString(p, bytes.Length);
            }
        }

        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            unchecked
            {
                uint h = 2166136261;
                foreach (byte b in bytes)
                {
                    h = (h ^ b) * 16777619;
                }

                return (int)(h & 0x7fffffff);
            }
        }
    }
}
