namespace S3Audit.Lake.Format
{
    /// <summary>The Parquet Thrift enum values this writer uses (parquet.thrift: Encoding, PageType, Type, ConvertedType).</summary>
    internal static class ParquetEncoding
    {
        public const int Plain = 0;
        // Format-1.0 files (parquet-mr's default) name both the dictionary page and the index pages PLAIN_DICTIONARY.
        public const int PlainDictionary = 2;
        public const int Rle = 3;

        public const int DataPage = 0;
        public const int DictionaryPage = 2;

        public const int Int32 = 1;
        public const int Int64 = 2;
        public const int Double = 5;
        public const int ByteArray = 6;

        public const int Required = 0;
        public const int Optional = 1;

        public const int Utf8 = 0;
        public const int TimestampMicros = 10;
    }
}
