using System;
using System.Buffers.Binary;
using System.Text;

namespace S3Audit.Lake.Columns
{
    /// <summary>
    /// The values of a string column as UTF-8, numbered in order of arrival. <see cref="Add"/> stores a value once and
    /// finds it again through an open-addressing table over the bytes (the column's dictionary); <see cref="Append"/>
    /// stores it without looking (values that rarely repeat). The strings themselves are not kept, so an entry's
    /// strings are garbage once it is added.
    /// </summary>
    internal sealed class Utf8ValueSet
    {
        private byte[] _bytes = new byte[16 * 1024];
        private int _length;
        // Value i is _bytes[_starts[i] .. _starts[i + 1]).
        private int[] _starts = new int[257];
        private int[] _hashes = new int[256];
        // Value number + 1; 0 is an empty slot. Never more than half full.
        private int[] _slots = new int[1024];

        public int Count { get; private set; }

        /// <summary>Bytes of all values, as a PLAIN dictionary page holds them (each with its 4-byte length).</summary>
        public long PlainBytes => _length + 4L * Count;

        public ReadOnlySpan<byte> this[int index] => _bytes.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

        /// <summary>The number of <paramref name="value"/>, added if new. Only while every value came through here.</summary>
        public int Add(string value)
        {
            int length = EncodeAtEnd(value);
            ReadOnlySpan<byte> bytes = _bytes.AsSpan(_length, length);
            int hash = Hash(bytes);
            int mask = _slots.Length - 1;
            int slot = hash & mask;
            for (int index; (index = _slots[slot] - 1) >= 0; slot = (slot + 1) & mask)
            {
                if (_hashes[index] == hash && this[index].SequenceEqual(bytes))
                {
                    return index;
                }
            }

            int added = Keep(length);
            _hashes[added] = hash;
            _slots[slot] = Count;
            if (Count * 2 > _slots.Length)
            {
                Grow();
            }

            return added;
        }

        /// <summary>Stores <paramref name="value"/> as a new value, without looking for it; <see cref="Add"/> is not to be used afterwards.</summary>
        public int Append(string value) => Keep(EncodeAtEnd(value));

        /// <summary>Encodes straight into the free space at the end: kept there if new, overwritten next time if not.</summary>
        private int EncodeAtEnd(string value)
        {
            int room = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (_bytes.Length - _length < room)
            {
                Array.Resize(ref _bytes, Math.Max(checked(_length + room), _bytes.Length * 2));
            }

            return Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_length));
        }

        /// <summary>Keeps the <paramref name="length"/> bytes encoded at the end as the next value.</summary>
        private int Keep(int length)
        {
            int added = Count++;
            if (Count == _hashes.Length)
            {
                Array.Resize(ref _hashes, _hashes.Length * 2);
                Array.Resize(ref _starts, _hashes.Length + 1);
            }

            _starts[added] = _length;
            _length += length;
            _starts[Count] = _length;
            return added;
        }

        public void Clear()
        {
            Array.Clear(_slots);
            Count = 0;
            _length = 0;
            _starts[0] = 0;
        }

        private void Grow()
        {
            _slots = new int[_slots.Length * 2];
            int mask = _slots.Length - 1;
            for (int index = 0; index < Count; index++)
            {
                int slot = _hashes[index] & mask;
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = index + 1;
            }
        }

        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            ulong hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
            int i = 0;
            for (; i + 8 <= bytes.Length; i += 8)
            {
                hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(i))) * 0xFF51AFD7ED558CCDUL;
                hash ^= hash >> 32;
            }

            ulong tail = 0;
            for (; i < bytes.Length; i++)
            {
                tail = tail << 8 | bytes[i];
            }

            hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53UL;
            hash ^= hash >> 29;
            return (int)hash ^ (int)(hash >> 32);
        }
    }
}
