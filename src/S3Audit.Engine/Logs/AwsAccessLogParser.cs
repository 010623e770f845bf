using System;
using System.Collections.Generic;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Parses one AWS S3 server access log line (also what Ceph RGW bucket logging writes) on bytes, without Regex.
    /// Fields 1–8 are positional (the time is bracketed); the Request-URI runs to <c>" ddd </c>; Referer and
    /// User-Agent may hold raw quotes, so the User-Agent ends at the last quote of the line (the trailing fields
    /// never hold one). Old layouts with fewer trailing fields and unknown newer trailing fields are accepted, and so
    /// are the short records of Ceph RGW's Journal logging type (owner, bucket, [time], operation, key, size, version
    /// id, ETag: no address, requester or status).
    /// </summary>
    internal sealed class AwsAccessLogParser
    {
        private const int MaxKnownOperations = 64;
        private readonly Utf8StringPool _pool;
        private readonly List<KnownOperation> _operations = new List<KnownOperation>();

        public AwsAccessLogParser(Utf8StringPool pool) => _pool = pool;

        /// <summary>Why the last line was malformed.</summary>
        public string Error { get; private set; } = string.Empty;

        public ParseOutcome Parse(ReadOnlySpan<byte> line, LogRecord record, LogFilter filter)
        {
            int pos = 0;
            if (!NextToken(line, ref pos, out ReadOnlySpan<byte> _) || !NextToken(line, ref pos, out ReadOnlySpan<byte> bucket))
            {
                return Fail("fewer than 2 fields");
            }

            SkipSpaces(line, ref pos);
            if (pos >= line.Length || line[pos] != '[')
            {
                return Fail("no [time] in field 3");
            }

            int close = line.Slice(pos).IndexOf((byte)']');
            if (close < 0 || !LogText.TryParseAccessLogTime(line.Slice(pos + 1, close - 1), out DateTimeOffset time))
            {
                return Fail("field 3 is not a [dd/MMM/yyyy:HH:mm:ss +0000] time");
            }

            if (!filter.PassesTime(time))
            {
                return ParseOutcome.FilteredOut;
            }

            pos += close + 1;
            SkipSpaces(line, ref pos);
            if (line.Slice(pos).StartsWith("REST."u8) || line.Slice(pos).StartsWith("WEBSITE."u8))
            {
                // Field 4 is an address in every AWS layout; an operation there is an RGW Journal record.
                return ParseJournal(line, pos, time, bucket, record, filter);
            }

            if (!NextToken(line, ref pos, out ReadOnlySpan<byte> remoteIp) || !NextToken(line, ref pos, out ReadOnlySpan<byte> requester) ||
                !NextToken(line, ref pos, out ReadOnlySpan<byte> requestId) || !NextToken(line, ref pos, out ReadOnlySpan<byte> operation) ||
                !KeyField(line, ref pos, out ReadOnlySpan<byte> key))
            {
                return Fail("fewer than 8 fields");
            }

            // Operation and key filters before the rest of the line is even split.
            record.Reset(S3AuditLogFormat.AwsAccessLog);
            KnownOperation known = Operation(operation);
            record.RawOperation = known.Raw;
            bool hasKey = !IsDash(key);
            string likelyOperation = hasKey ? known.WithKey : known.WithoutKey;
            // ListObjectsV2, ListObjectVersions and SelectObjectContent are told apart by the Request-URI.
            bool refined = hasKey ? known.WithKeyRefined : known.WithoutKeyRefined;
            if (!refined && !filter.PassesOperation(likelyOperation, record.RawOperation))
            {
                return ParseOutcome.FilteredOut;
            }

            // Keys are many and different: decoded, never pooled.
            record.Key = hasKey ? LogText.UrlDecodeOnce(Utf8StringPool.Decode(key)) : string.Empty;
            if (!filter.PassesKey(record.Key))
            {
                return ParseOutcome.FilteredOut;
            }

            if (!RequestUri(line, ref pos, out ReadOnlySpan<byte> requestUri))
            {
                return Fail("no Request-URI followed by an HTTP status");
            }

            if (!NextToken(line, ref pos, out ReadOnlySpan<byte> status))
            {
                return Fail("no HTTP status");
            }

            int httpStatus = LogText.ParseStatus(status);
            if (httpStatus == 0 && !IsDash(status))
            {
                return Fail("field 10 is not an HTTP status");
            }

            NextToken(line, ref pos, out ReadOnlySpan<byte> errorCode);
            bool noError = errorCode.IsEmpty || IsDash(errorCode) || (httpStatus >= 200 && httpStatus < 400 && IsSuccessPhrase(errorCode));
            NextToken(line, ref pos, out ReadOnlySpan<byte> bytesSent);
            NextToken(line, ref pos, out ReadOnlySpan<byte> objectSize);
            NextToken(line, ref pos, out ReadOnlySpan<byte> totalTime);
            NextToken(line, ref pos, out ReadOnlySpan<byte> turnAround);
            ReadOnlySpan<byte> userAgent = RefererAndUserAgent(line, pos);

            bool isError = httpStatus >= 400 || !noError;
            // The time range was checked as soon as the time was read.
            if (!filter.PassesStatus(httpStatus, isError))
            {
                return ParseOutcome.FilteredOut;
            }

            // The remaining string filters are checked as soon as their field is decoded.
            // Decoded only when it holds a parameter that can change the name (most listings have none).
            string uri = refined && OperationNames.MayRefine(requestUri) ? Utf8StringPool.Decode(requestUri) : string.Empty;
            record.Operation = uri.Length > 0 ? OperationNames.FromAws(record.RawOperation, record.Key.Length > 0, uri) : likelyOperation;
            if (refined && !filter.PassesOperation(record.Operation, record.RawOperation))
            {
                return ParseOutcome.FilteredOut;
            }

            // AWS writes "-" for an anonymous requester; Ceph RGW writes its reserved user id "anonymous".
            record.Requester = IsDash(requester) || requester.SequenceEqual("anonymous"u8) ? Requesters.Anonymous : Value(requester);
            record.RemoteIp = Value(remoteIp);
            if (!filter.PassesRequester(record.Requester, string.Empty) || !filter.PassesRemoteIp(record.RemoteIp))
            {
                return ParseOutcome.FilteredOut;
            }

            record.Time = time;
            record.HasTime = true;
            record.BucketName = Value(bucket);
            record.RequestId = IsDash(requestId) ? string.Empty : Utf8StringPool.Decode(requestId);
            record.HttpStatus = httpStatus;
            record.ErrorCode = noError ? string.Empty : Value(errorCode);
            record.BytesSent = LogText.ParseLong(bytesSent);
            record.ObjectSize = LogText.ParseLong(objectSize);
            // Ceph RGW leaves Total Time as '-' and logs only Turn-Around Time ("4ms").
            record.TotalTimeMs = LogText.ParseDouble(IsDash(totalTime) ? turnAround : totalTime);
            record.UserAgent = Value(userAgent);
            return ParseOutcome.Accepted;
        }

        /// <summary>
        /// A Ceph RGW Journal record after its time: operation, key (raw, spaces and all), object size, version id, ETag.
        /// Written before the request completes, it has no status, address or requester.
        /// </summary>
        private ParseOutcome ParseJournal(ReadOnlySpan<byte> line, int pos, DateTimeOffset time, ReadOnlySpan<byte> bucket, LogRecord record, LogFilter filter)
        {
            NextToken(line, ref pos, out ReadOnlySpan<byte> operation);
            ReadOnlySpan<byte> rest = LogText.TrimSpaces(line.Slice(pos));
            if (!LastToken(ref rest, out ReadOnlySpan<byte> _) || !LastToken(ref rest, out ReadOnlySpan<byte> _) || !LastToken(ref rest, out ReadOnlySpan<byte> size) || rest.IsEmpty)
            {
                return Fail("a Ceph Journal record needs key, size, version id and ETag after its operation");
            }

            record.Reset(S3AuditLogFormat.AwsAccessLog);
            KnownOperation known = Operation(operation);
            record.RawOperation = known.Raw;
            bool hasKey = !IsDash(rest);
            record.Operation = hasKey ? known.WithKey : known.WithoutKey;
            record.Key = hasKey ? LogText.UrlDecodeOnce(Utf8StringPool.Decode(rest)) : string.Empty;
            if (!filter.PassesOperation(record.Operation, record.RawOperation) || !filter.PassesKey(record.Key) || !filter.PassesStatus(0, false) ||
                !filter.PassesRequester(string.Empty, string.Empty) || !filter.PassesRemoteIp(string.Empty))
            {
                return ParseOutcome.FilteredOut;
            }

            record.Time = time;
            record.HasTime = true;
            record.BucketName = Value(bucket);
            record.ObjectSize = LogText.ParseLong(size);
            return ParseOutcome.Accepted;
        }

        /// <summary>Takes the last space-separated token off <paramref name="s"/>.</summary>
        private static bool LastToken(ref ReadOnlySpan<byte> s, out ReadOnlySpan<byte> token)
        {
            s = LogText.TrimSpaces(s);
            int space = s.LastIndexOf((byte)' ');
            if (s.IsEmpty || space < 0)
            {
                token = s;
                s = default;
                return !token.IsEmpty;
            }

            token = s.Slice(space + 1);
            s = LogText.TrimSpaces(s.Slice(0, space));
            return true;
        }

        /// <summary>
        /// The raw operation and its API names with and without a key. A file holds a handful of operations, so a
        /// short list kept roughly in order of use beats hashing the bytes.
        /// </summary>
        private KnownOperation Operation(ReadOnlySpan<byte> bytes)
        {
            for (int i = 0; i < _operations.Count; i++)
            {
                KnownOperation candidate = _operations[i];
                if (bytes.SequenceEqual(candidate.Bytes))
                {
                    if (i > 0)
                    {
                        _operations[i] = _operations[i - 1];
                        _operations[i - 1] = candidate;
                    }

                    return candidate;
                }
            }

            string raw = Value(bytes);
            var known = new KnownOperation(bytes.ToArray(), raw, OperationNames.FromAws(raw, true, string.Empty), OperationNames.FromAws(raw, false, string.Empty));
            if (_operations.Count < MaxKnownOperations)
            {
                _operations.Add(known);
            }

            return known;
        }

        private sealed class KnownOperation
        {
            public KnownOperation(byte[] bytes, string raw, string withKey, string withoutKey)
            {
                Bytes = bytes;
                Raw = raw;
                WithKey = withKey;
                WithoutKey = withoutKey;
                WithKeyRefined = OperationNames.DependsOnRequestUri(withKey);
                WithoutKeyRefined = OperationNames.DependsOnRequestUri(withoutKey);
            }

            public byte[] Bytes { get; }
            public string Raw { get; }
            public string WithKey { get; }
            public string WithoutKey { get; }
            /// <summary>Whether the Request-URI refines the name (see <see cref="OperationNames.DependsOnRequestUri"/>).</summary>
            public bool WithKeyRefined { get; }
            public bool WithoutKeyRefined { get; }
        }

        private ParseOutcome Fail(string reason)
        {
            Error = reason;
            return ParseOutcome.Malformed;
        }

        private string Value(ReadOnlySpan<byte> field) => IsDash(field) ? string.Empty : _pool.Get(field);

        private static bool IsDash(ReadOnlySpan<byte> s) => s.Length == 1 && s[0] == '-';

        /// <summary>Ceph RGW writes the name of a success status in the error field: 204 NoContent, 202 Accepted, 304 NotModified.</summary>
        private static bool IsSuccessPhrase(ReadOnlySpan<byte> code) =>
            code.SequenceEqual("NoContent"u8) || code.SequenceEqual("Accepted"u8) || code.SequenceEqual("NotModified"u8);

        private static void SkipSpaces(ReadOnlySpan<byte> line, ref int pos)
        {
            while (pos < line.Length && line[pos] == ' ')
            {
                pos++;
            }
        }

        private static bool NextToken(ReadOnlySpan<byte> line, ref int pos, out ReadOnlySpan<byte> token)
        {
            SkipSpaces(line, ref pos);
            if (pos >= line.Length)
            {
                token = default;
                return false;
            }

            int end = line.Slice(pos).IndexOf((byte)' ');
            end = end < 0 ? line.Length : pos + end;
            token = line.Slice(pos, end - pos);
            pos = end;
            return true;
        }

        /// <summary>
        /// The key: AWS URL-encodes it, but Ceph RGW writes it raw, spaces included, so it runs up to the
        /// Request-URI (<c> "METHOD </c>) when one follows.
        /// </summary>
        private static bool KeyField(ReadOnlySpan<byte> line, ref int pos, out ReadOnlySpan<byte> key)
        {
            SkipSpaces(line, ref pos);
            int start = pos;
            for (int i = pos; i + 2 < line.Length; i++)
            {
                int found = line.Slice(i).IndexOf(" \""u8);
                if (found < 0)
                {
                    break;
                }

                i += found;
                int m = i + 2;
                while (m < line.Length && line[m] >= 'A' && line[m] <= 'Z')
                {
                    m++;
                }

                if (m > i + 2 && m < line.Length && line[m] == ' ')
                {
                    key = line.Slice(start, i - start);
                    pos = i;
                    return key.Length > 0;
                }
            }

            return NextToken(line, ref pos, out key);
        }

        /// <summary>The quoted Request-URI (raw quotes inside allowed) up to <c>" ddd </c>, or a bare '-'.</summary>
        private static bool RequestUri(ReadOnlySpan<byte> line, ref int pos, out ReadOnlySpan<byte> uri)
        {
            SkipSpaces(line, ref pos);
            uri = default;
            if (pos >= line.Length)
            {
                return false;
            }

            if (line[pos] != '"')
            {
                return NextToken(line, ref pos, out uri);
            }

            for (int q = pos + 1; q < line.Length; q++)
            {
                int found = line.Slice(q).IndexOf((byte)'"');
                if (found < 0)
                {
                    break;
                }

                q += found;

                // A bare '-' in a quoted position: "-"
                int after = q + 1;
                if (after < line.Length && line[after] == ' ')
                {
                    int s = after + 1;
                    bool status = s + 3 <= line.Length && LogText.IsDigits(line.Slice(s, 3)) && (s + 3 == line.Length || line[s + 3] == ' ');
                    bool dashStatus = s < line.Length && line[s] == '-' && (s + 1 == line.Length || line[s + 1] == ' ');
                    if (status || dashStatus)
                    {
                        uri = line.Slice(pos + 1, q - pos - 1);
                        pos = after;
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Finds the User-Agent after the Referer; both may be '-', "-" or quoted text with raw quotes.</summary>
        private static ReadOnlySpan<byte> RefererAndUserAgent(ReadOnlySpan<byte> line, int pos)
        {
            SkipSpaces(line, ref pos);
            if (pos >= line.Length)
            {
                return default;
            }

            int uaStart;
            if (line[pos] == '"')
            {
                // The referer ends at the first '" "' or '" - ' after its opening quote.
                uaStart = -1;
                for (int q = pos + 1; q + 2 < line.Length; q++)
                {
                    if (line[q] == '"' && line[q + 1] == ' ' && (line[q + 2] == '"' || (line[q + 2] == '-' && (q + 3 == line.Length || line[q + 3] == ' '))))
                    {
                        uaStart = q + 2;
                        break;
                    }
                }

                if (uaStart < 0)
                {
                    return default;
                }
            }
            else
            {
                int space = line.Slice(pos).IndexOf((byte)' ');
                if (space < 0)
                {
                    return default;
                }

                uaStart = pos + space + 1;
                while (uaStart < line.Length && line[uaStart] == ' ')
                {
                    uaStart++;
                }
            }

            if (uaStart >= line.Length || line[uaStart] != '"')
            {
                return default; // '-' or nothing
            }

            // The User-Agent ends at the first quote (followed by a space or the end) whose tail looks like the
            // fields after it; raw quotes inside the User-Agent fail that test.
            int lastQuote = -1;
            for (int q = uaStart + 1; q < line.Length; q++)
            {
                int found = line.Slice(q).IndexOf((byte)'"');
                if (found < 0)
                {
                    break;
                }

                q += found;
                if (q + 1 == line.Length || line[q + 1] == ' ')
                {
                    lastQuote = q;
                    if (TailValidates(line.Slice(q + 1)))
                    {
                        break;
                    }
                }
            }

            return lastQuote > uaStart ? line.Slice(uaStart + 1, lastQuote - uaStart - 1) : default;
        }

        /// <summary>Version Id, Host Id, Signature Version (SigV2/SigV4/-), Cipher, Authentication Type (AuthHeader/QueryString/-)...; old layouts have at most 2 fields and no quote.</summary>
        private static bool TailValidates(ReadOnlySpan<byte> tail)
        {
            int pos = 0;
            Span<int> starts = stackalloc int[5];
            Span<int> lengths = stackalloc int[5];
            int count = 0;
            while (count < 5 && NextToken(tail, ref pos, out ReadOnlySpan<byte> token))
            {
                starts[count] = pos - token.Length;
                lengths[count] = token.Length;
                count++;
            }

            if (count < 5)
            {
                return count <= 2 && tail.IndexOf((byte)'"') < 0;
            }

            ReadOnlySpan<byte> sig = tail.Slice(starts[2], lengths[2]);
            ReadOnlySpan<byte> auth = tail.Slice(starts[4], lengths[4]);
            return (sig.SequenceEqual("SigV4"u8) || sig.SequenceEqual("SigV2"u8) || IsDash(sig)) &&
                   (auth.SequenceEqual("AuthHeader"u8) || auth.SequenceEqual("QueryString"u8) || IsDash(auth));
        }
    }
}
