using System;
using System.Runtime.InteropServices;
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

        /// <summary>
        /// Samples the length and four words (start, a third, two thirds, end) instead of every byte: hashing must
        /// cost less than decoding, or pooling would not pay. Values that share all four words only probe further.
        /// </summary>
        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            unchecked
            {
                ulong h = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
                if (bytes.Length >= 8)
                {
                    int third = (bytes.Length - 8) / 3;
                    h = Mix(h, MemoryMarshal.Read<ulong>(bytes));
                    h = Mix(h, MemoryMarshal.Read<ulong>(bytes.Slice(third)));
                    h = Mix(h, MemoryMarshal.Read<ulong>(bytes.Slice(2 * third)));
                    h = Mix(h, MemoryMarshal.Read<ulong>(bytes.Slice(bytes.Length - 8)));
                }
                else
                {
                    ulong word = 0;
                    for (int i = 0; i < bytes.Length; i++)
                    {
                        word = (word << 8) | bytes[i];
                    }

                    h = Mix(h, word);
                }

                h ^= h >> 32;
                return (int)(h & 0x7fffffff);
            }
        }

        private static ulong Mix(ulong h, ulong word)
        {
            unchecked
            {
                h = (h ^ word) * 0xFF51AFD7ED558CCDUL;
                return h ^ (h >> 29);
            }
        }
    }
}
