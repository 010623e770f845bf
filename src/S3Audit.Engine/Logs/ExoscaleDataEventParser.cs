using System;
using System.Text;
using System.Text.Json;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Reads one Exoscale SOS data event ("SOS Data Events for Audit-Trail", community.exoscale.com/product/storage/
    /// object-storage/how-to/data-events/): a JSON object with api-key, handler, request-id, request-method, resource,
    /// source-ip, status, timestamp, uri, user-agent and zone, as the webhook receives them in batches (a JSON array
    /// of up to 1000 events) or saved one per line. The handler (Exoscale's kebab-case operation name, e.g.
    /// delete-object) becomes the S3 API name in PascalCase (DeleteObject). The documentation's sample shows api-key
    /// as null and does not say what a non-null value looks like: a string is taken as the key id, an object as
    /// {key, name} like the audit trail's iam-api-key; null is left empty (anonymous or unknown, the documentation
    /// does not say which). elapsed-ms is read when present (the audit trail's events have it). No byte counts or
    /// error codes are documented, so BytesSent, ObjectSize and ErrorCode stay empty.
    /// </summary>
    internal sealed class ExoscaleDataEventParser
    {
        private readonly Utf8StringPool _pool;
        private string _resource = string.Empty;
        private string _uri = string.Empty;
        private string _handler = string.Empty;
        private string _method = string.Empty;
        private bool _hasTimestamp;
        private bool _hasHandler;

        public ExoscaleDataEventParser(Utf8StringPool pool) => _pool = pool;

        /// <summary>Why the last record was malformed.</summary>
        public string Error { get; private set; } = string.Empty;

        /// <summary>True when <paramref name="head"/> (the first bytes of a file) holds a data event's own fields.</summary>
        public static bool Recognizes(ReadOnlySpan<byte> head) =>
            head.IndexOf("\"request-method\""u8) >= 0 && head.IndexOf("\"handler\""u8) >= 0 && head.IndexOf("\"source-ip\""u8) >= 0;

        /// <summary>Parses one event held in <paramref name="json"/> (a line of a one-event-per-line file).</summary>
        public ParseOutcome Parse(ReadOnlySpan<byte> json, LogRecord record, LogFilter filter)
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return Fail("not a JSON object");
                }

                return ParseCurrent(ref reader, record, filter);
            }
            catch (JsonException e)
            {
                return Fail("invalid JSON: " + e.Message);
            }
            catch (InvalidOperationException e)
            {
                return Fail("invalid UTF-8 text: " + e.Message);
            }
        }

        /// <summary>Parses the event object the reader is on (its StartObject) and leaves the reader on its EndObject.</summary>
        public ParseOutcome ParseCurrent(ref Utf8JsonReader reader, LogRecord record, LogFilter filter)
        {
            record.Reset(S3AuditLogFormat.ExoscaleDataEvents);
            _resource = _uri = _handler = _method = string.Empty;
            _hasTimestamp = _hasHandler = false;
            int depth = reader.CurrentDepth;
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1)
                {
                    continue;
                }

                if (!ReadProperty(ref reader, record))
                {
                    return ParseOutcome.Malformed;
                }
            }

            if (!_hasTimestamp || !_hasHandler)
            {
                return Fail("an Exoscale data event needs timestamp and handler");
            }

            (record.BucketName, record.Key) = BucketAndKey(_resource, _uri);
            record.RawOperation = _handler;
            record.Operation = ApiName(_handler, _method);
            return filter.Passes(record) ? ParseOutcome.Accepted : ParseOutcome.FilteredOut;
        }

        private bool ReadProperty(ref Utf8JsonReader reader, LogRecord record)
        {
            if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || !LogText.TryParseIsoTime(reader.ValueSpan, out record.Time))
                {
                    Error = "timestamp is not an ISO 8601 time";
                    return false;
                }

                record.HasTime = _hasTimestamp = true;
            }
            else if (reader.ValueTextEquals("handler"u8))
            {
                _handler = Text(ref reader);
                _hasHandler = _handler.Length > 0;
            }
            else if (reader.ValueTextEquals("request-method"u8))
            {
                _method = Text(ref reader);
            }
            else if (reader.ValueTextEquals("request-id"u8))
            {
                record.RequestId = Text(ref reader);
            }
            else if (reader.ValueTextEquals("resource"u8))
            {
                _resource = Text(ref reader);
            }
            else if (reader.ValueTextEquals("uri"u8))
            {
                _uri = Text(ref reader);
            }
            else if (reader.ValueTextEquals("source-ip"u8))
            {
                record.RemoteIp = Text(ref reader);
            }
            else if (reader.ValueTextEquals("user-agent"u8))
            {
                record.UserAgent = Text(ref reader);
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                record.HttpStatus = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int status) ? status : 0;
            }
            else if (reader.ValueTextEquals("elapsed-ms"u8))
            {
                reader.Read();
                record.TotalTimeMs = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double ms) ? ms : 0;
            }
            else if (reader.ValueTextEquals("api-key"u8) || reader.ValueTextEquals("iam-api-key"u8))
            {
                ReadApiKey(ref reader, record);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }

            return true;
        }

        private void ReadApiKey(ref Utf8JsonReader reader, LogRecord record)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                record.AccessKeyId = _pool.Get(reader.ValueSpan);
                record.Requester = record.AccessKeyId;
                return;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return;
            }

            int depth = reader.CurrentDepth;
            string name = string.Empty;
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (reader.ValueTextEquals("key"u8))
                {
                    record.AccessKeyId = Text(ref reader);
                }
                else if (reader.ValueTextEquals("name"u8))
                {
                    name = Text(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            record.Requester = name.Length > 0 ? name : record.AccessKeyId;
        }

        private string Text(ref Utf8JsonReader reader)
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                return string.Empty;
            }

            return reader.ValueIsEscaped ? reader.GetString() ?? string.Empty : _pool.Get(reader.ValueSpan);
        }

        private ParseOutcome Fail(string reason)
        {
            Error = reason;
            return ParseOutcome.Malformed;
        }

        /// <summary>
        /// The bucket and key: "resource" is "bucket" or "bucket/key" (the documentation's sample shows a bucket);
        /// without it, the uri's virtual-hosted host (bucket.sos-zone.exo.io) or its path-style path.
        /// </summary>
        internal static (string Bucket, string Key) BucketAndKey(string resource, string uri)
        {
            if (resource.Length > 0)
            {
                int slash = resource.IndexOf('/');
                return slash < 0 ? (resource, string.Empty) : (resource.Substring(0, slash), resource.Substring(slash + 1));
            }

            if (!Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed))
            {
                return (string.Empty, string.Empty);
            }

            string path = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
            int sos = parsed.Host.IndexOf(".sos-", StringComparison.OrdinalIgnoreCase);
            if (sos > 0)
            {
                return (parsed.Host.Substring(0, sos), path);
            }

            int split = path.IndexOf('/');
            return split < 0 ? (path, string.Empty) : (path.Substring(0, split), path.Substring(split + 1));
        }

        /// <summary>The S3 API name for a handler: kebab-case to PascalCase (delete-object → DeleteObject); HEAD requests of get-object → HeadObject.</summary>
        internal static string ApiName(string handler, string method)
        {
            if (string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase) && handler == "get-object")
            {
                return "HeadObject";
            }

            var name = new StringBuilder(handler.Length);
            bool upper = true;
            foreach (char c in handler)
            {
                if (c == '-' || c == '_')
                {
                    upper = true;
                    continue;
                }

                name.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }

            return name.ToString();
        }
    }
}
