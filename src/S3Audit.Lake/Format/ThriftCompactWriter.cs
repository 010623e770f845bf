using System;
using System.Collections.Generic;
using System.Text;

namespace S3Audit.Lake.Format
{
    /// <summary>
    /// The Thrift compact protocol, as much of it as Parquet's page headers and footer need: structs of integers,
    /// booleans, binaries, nested structs and lists. Fields must be written in increasing id order within a struct.
    /// </summary>
    internal sealed class ThriftCompactWriter
    {
        private const byte BoolTrue = 1, BoolFalse = 2, I16 = 4, I32 = 5, I64 = 6, Binary = 8, List = 9, Struct = 12;
        public const byte ListOfI32 = I32, ListOfBinary = Binary, ListOfStruct = Struct;
        private readonly ByteBuffer _out;
        private readonly Stack<short> _outer = new Stack<short>();
        private short _lastField;

        public ThriftCompactWriter(ByteBuffer output) => _out = output;

        /// <summary>Starts a struct: the top-level one, or an element of a list of structs.</summary>
        public void BeginStruct()
        {
            _outer.Push(_lastField);
            _lastField = 0;
        }

        public void EndStruct()
        {
            _out.WriteByte(0);
            _lastField = _outer.Pop();
        }

        /// <summary>Starts a struct-valued field; its fields follow, then <see cref="EndStruct"/>.</summary>
        public void BeginStructField(short id)
        {
            FieldHeader(id, Struct);
            BeginStruct();
        }

        /// <summary>A field holding an empty struct (a union member without data, such as Parquet's StringType).</summary>
        public void EmptyStructField(short id)
        {
            BeginStructField(id);
            EndStruct();
        }

        public void Field(short id, bool value) => FieldHeader(id, value ? BoolTrue : BoolFalse);

        public void Field(short id, short value)
        {
            FieldHeader(id, I16);
            _out.WriteVarint(ZigZag(value));
        }

        public void Field(short id, int value)
        {
            FieldHeader(id, I32);
            _out.WriteVarint(ZigZag(value));
        }

        public void Field(short id, long value)
        {
            FieldHeader(id, I64);
            _out.WriteVarint(ZigZag(value));
        }

        public void Field(short id, ReadOnlySpan<byte> value)
        {
            FieldHeader(id, Binary);
            BinaryValue(value);
        }

        public void Field(short id, string value) => Field(id, (ReadOnlySpan<byte>)Encoding.UTF8.GetBytes(value));

        /// <summary>Starts a list field of <paramref name="count"/> elements of <paramref name="elementType"/> (ListOf*); the elements follow.</summary>
        public void BeginListField(short id, byte elementType, int count)
        {
            FieldHeader(id, List);
            if (count < 15)
            {
                _out.WriteByte((byte)(count << 4 | elementType));
            }
            else
            {
                _out.WriteByte((byte)(0xF0 | elementType));
                _out.WriteVarint((ulong)count);
            }
        }

        public void ListElement(int value) => _out.WriteVarint(ZigZag(value));

        public void ListElement(string value) => BinaryValue(Encoding.UTF8.GetBytes(value));

        private void BinaryValue(ReadOnlySpan<byte> value)
        {
            _out.WriteVarint((ulong)value.Length);
            _out.Write(value);
        }

        private void FieldHeader(short id, byte type)
        {
            int delta = id - _lastField;
            if (delta > 0 && delta <= 15)
            {
                _out.WriteByte((byte)(delta << 4 | type));
            }
            else
            {
                _out.WriteByte(type);
                _out.WriteVarint(ZigZag(id));
            }

            _lastField = id;
        }

        private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
    }
}
