using System;
using System.Text.Json;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Reads one JSON audit record with <see cref="Utf8JsonReader"/> (no DOM, header maps skipped except the few
    /// values needed) and recognises it by its properties: Lyve S3 API (auditEntry wrapper), MinIO audit (api,
    /// 2021 to today's names), Lyve Account API/IAM (ApiEvent), Lyve console (ConsoleEvent), Ceph RGW ops log
    /// (trans_id, http_status) and CloudTrail records (eventName, eventTime).
    /// </summary>
    internal sealed class JsonAuditRecordParser
    {
        private readonly Utf8StringPool _pool;
        private readonly Scratch _s = new Scratch();
        private LogFilter? _earlyFilter;
        private bool _stop;

        public JsonAuditRecordParser(Utf8StringPool pool) => _pool = pool;

        /// <summary>Why the last record was malformed.</summary>
        public string Error { get; private set; } = string.Empty;

        private enum Ctx { Root, Api, RequestHeader, ResponseHeader, RequestClaims, UserIdentity, RequestParameters, AdditionalEventData, ApiEvent, ApiRequest, ApiResponse, ConsoleIdentity, ConsoleEvent }

        /// <summary>What one record said, before it is decided which format it is.</summary>
        private sealed class Scratch
        {
            public bool Wrapper, MinioApi, ApiEvent, Console, Ceph, CloudTrail, AnonymousPrincipal;
            public string ServiceAccountName = "", ParentUser = "", AccessKey = "", ClaimsAccessKey = "";
            /// <summary>Only the access key id of the logged Authorization header, never the header.</summary>
            public string Authorization = "";
            public string Uri = "", ResponseContentLength = "", RequestContentLength = "", ConsoleStatus = "", TimeText = "", MinioError = "";
            public long Rx = -1, Tx = -1;
            public double TimeToResponseNs = -1;

            public void Reset()
            {
                Wrapper = MinioApi = ApiEvent = Console = Ceph = CloudTrail = AnonymousPrincipal = false;
                ServiceAccountName = ParentUser = AccessKey = ClaimsAccessKey = Authorization = string.Empty;
                Uri = ResponseContentLength = RequestContentLength = ConsoleStatus = TimeText = MinioError = string.Empty;
                Rx = Tx = -1;
                TimeToResponseNs = -1;
            }
        }

        /// <summary>Parses a record held in <paramref name="json"/> (one JSON object).</summary>
        public ParseOutcome Parse(ReadOnlySpan<byte> json, LogRecord record, LogFilter filter)
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return Fail("not a JSON object");
                }

                // One record per span: parsing may stop as soon as the time or the status rules the record out.
                _earlyFilter = filter;
                return Read(ref reader, record, filter);
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

        /// <summary>Parses the object the reader is on (its StartObject) and leaves the reader on its EndObject.</summary>
        public ParseOutcome ParseCurrent(ref Utf8JsonReader reader, LogRecord record, LogFilter filter)
        {
            _earlyFilter = null;
            return Read(ref reader, record, filter);
        }

        private ParseOutcome Read(ref Utf8JsonReader reader, LogRecord record, LogFilter filter)
        {
            record.Reset(S3AuditLogFormat.Auto);
            _s.Reset();
            _stop = false;
            ReadObject(ref reader, Ctx.Root, record);
            if (_stop)
            {
                return ParseOutcome.FilteredOut;
            }

            if (!Finish(record))
            {
                return ParseOutcome.Malformed;
            }

            return filter.Passes(record) ? ParseOutcome.Accepted : ParseOutcome.FilteredOut;
        }

        private ParseOutcome Fail(string reason)
        {
            Error = reason;
            return ParseOutcome.Malformed;
        }

        private bool Finish(LogRecord r)
        {
            Scratch s = _s;
            if (s.Wrapper || s.MinioApi)
            {
                r.Source = s.Wrapper ? S3AuditLogFormat.LyveS3Audit : S3AuditLogFormat.MinioAudit;
                r.AccessKeyId = First(s.AccessKey, s.ClaimsAccessKey, s.Authorization);

                r.Requester = s.Wrapper && s.ServiceAccountName.Length > 0 ? s.ServiceAccountName : First(s.ParentUser, r.AccessKeyId);
                r.ErrorCode = r.ErrorCode.Length > 0 ? r.ErrorCode : (r.HttpStatus >= 400 ? OperationNames.MinioErrorCode(s.MinioError) : string.Empty);
                r.Operation = OperationNames.FromMinio(r.RawOperation);
                r.BytesSent = s.Tx >= 0 ? s.Tx : ParseLong(s.ResponseContentLength);
                if (r.HttpStatus < 400)
                {
                    string op = r.Operation;
                    if (op == "PutObject" || op == "UploadPart" || op == "PostObject")
                    {
                        r.ObjectSize = Math.Max(0, s.Rx >= 0 ? s.Rx : ParseLong(s.RequestContentLength));
                    }
                    else if (op == "GetObject" || op == "HeadObject")
                    {
                        r.ObjectSize = Math.Max(0, ParseLong(s.ResponseContentLength));
                    }
                }

                if (s.TimeToResponseNs >= 0)
                {
                    r.TotalTimeMs = s.TimeToResponseNs / 1_000_000d;
                }
            }
            else if (s.ApiEvent)
            {
                r.Source = S3AuditLogFormat.LyveAccountApi;
                r.Requester = First(r.Requester, r.AccessKeyId);
            }
            else if (s.Console)
            {
                r.Source = S3AuditLogFormat.LyveConsole;
                if (r.ErrorCode.Length == 0 && s.ConsoleStatus.Length > 0 && (r.HttpStatus >= 400 || s.ConsoleStatus.IndexOf("fail", StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    r.ErrorCode = s.ConsoleStatus;
                }
            }
            else if (s.Ceph)
            {
                r.Source = S3AuditLogFormat.CephOpsLog;
                if (r.Key == "-")
                {
                    r.Key = string.Empty;
                }

                if (r.HttpStatus < 400)
                {
                    r.ErrorCode = string.Empty; // RGW writes e.g. "NoContent" for a 204
                }

                r.Operation = OperationNames.FromCeph(r.RawOperation, r.Key.Length > 0, s.Uri);
            }
            else if (s.CloudTrail)
            {
                r.Source = S3AuditLogFormat.CloudTrail;
                if (s.AnonymousPrincipal)
                {
                    r.Requester = Requesters.Anonymous;
                }

                // CloudTrail logs no HTTP status: the error code tells it, and a success is 200 (204 for a delete).
                r.HttpStatus = r.ErrorCode.Length > 0 ? S3ErrorStatus.Of(r.ErrorCode) : S3ErrorStatus.Success(r.RawOperation);
            }
            else
            {
                Error = "not a known audit record (no auditEntry, api, ApiEvent, ConsoleEvent, trans_id or eventName)";
                return false;
            }

            if (!r.HasTime && s.TimeText.Length > 0 && LogText.TryParseLooseTime(s.TimeText, out DateTimeOffset loose))
            {
                r.Time = loose;
                r.HasTime = true;
            }

            if (!r.HasTime)
            {
                Error = "the record has no readable time";
                return false;
            }

            if (r.Operation.Length == 0)
            {
                r.Operation = r.RawOperation;
            }

            return true;
        }

        private void StopUnlessTime(LogRecord rec) => _stop = _earlyFilter != null && !_earlyFilter.PassesTime(rec.Time);

        // MinIO and Ceph records count as errors exactly when their status is 4xx/5xx (see Finish).
        private void StopUnlessStatus(LogRecord rec) => _stop = _earlyFilter != null && !_earlyFilter.PassesStatus(rec.HttpStatus);

        /// <summary>A header value such as Content-Length, read the way <see cref="LogText.ParseLong"/> reads log bytes, without allocating.</summary>
        private static long ParseLong(string s)
        {
            Span<byte> ascii = stackalloc byte[Math.Min(s.Length, 32)];
            for (int i = 0; i < ascii.Length; i++)
            {
                ascii[i] = s[i] < 128 ? (byte)s[i] : (byte)0xFF;
            }

            return LogText.ParseLong(ascii);
        }

        private static string First(string a, string b, string c = "") => a.Length > 0 ? a : b.Length > 0 ? b : c;

        private void ReadObject(ref Utf8JsonReader r, Ctx ctx, LogRecord rec)
        {
            while (!_stop && r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                ReadOnlySpan<byte> name = r.HasValueSequence ? default : r.ValueSpan;
                r.Read();
                if (r.TokenType == JsonTokenType.StartObject)
                {
                    Ctx? child = Child(ctx, name);
                    if (child.HasValue)
                    {
                        ReadObject(ref r, child.Value, rec);
                    }
                    else
                    {
                        r.Skip();
                    }
                }
                else if (r.TokenType == JsonTokenType.StartArray)
                {
                    r.Skip();
                }
                else
                {
                    Value(ctx, name, ref r, rec);
                }
            }
        }

        private Ctx? Child(Ctx ctx, ReadOnlySpan<byte> name)
        {
            switch (ctx)
            {
                case Ctx.Root:
                    if (name.SequenceEqual("auditEntry"u8)) { _s.Wrapper = true; return Ctx.Root; }
                    if (name.SequenceEqual("api"u8)) { _s.MinioApi = true; return Ctx.Api; }
                    if (name.SequenceEqual("requestHeader"u8)) return Ctx.RequestHeader;
                    if (name.SequenceEqual("responseHeader"u8)) return Ctx.ResponseHeader;
                    if (name.SequenceEqual("requestClaims"u8)) return Ctx.RequestClaims;
                    if (name.SequenceEqual("userIdentity"u8)) return Ctx.UserIdentity;
                    if (name.SequenceEqual("requestParameters"u8)) return Ctx.RequestParameters;
                    if (name.SequenceEqual("additionalEventData"u8)) return Ctx.AdditionalEventData;
                    if (name.SequenceEqual("ApiEvent"u8)) { _s.ApiEvent = true; return Ctx.ApiEvent; }
                    if (name.SequenceEqual("UserIdentity"u8)) { _s.Console = true; return Ctx.ConsoleIdentity; }
                    if (name.SequenceEqual("ConsoleEvent"u8)) { _s.Console = true; return Ctx.ConsoleEvent; }
                    return null;
                case Ctx.ApiEvent:
                    if (name.SequenceEqual("Request"u8)) return Ctx.ApiRequest;
                    if (name.SequenceEqual("Response"u8)) return Ctx.ApiResponse;
                    return null;
                default:
                    return null;
            }
        }

        private string Str(ref Utf8JsonReader r)
        {
            switch (r.TokenType)
            {
                case JsonTokenType.String:
                    return r.ValueIsEscaped || r.HasValueSequence ? r.GetString() ?? string.Empty : _pool.Get(r.ValueSpan);
                case JsonTokenType.Number:
                    return _pool.Get(r.ValueSpan);
                case JsonTokenType.True:
                    return "true";
                case JsonTokenType.False:
                    return "false";
                default:
                    return string.Empty;
            }
        }

        private static ReadOnlySpan<byte> Raw(ref Utf8JsonReader r) =>
            (r.TokenType == JsonTokenType.String || r.TokenType == JsonTokenType.Number) && !r.HasValueSequence ? r.ValueSpan : default;

        private static long Long(ref Utf8JsonReader r) => LogText.ParseLong(Raw(ref r));

        private bool Time(ref Utf8JsonReader r, LogRecord rec)
        {
            ReadOnlySpan<byte> raw = Raw(ref r);
            if (LogText.TryParseIsoTime(raw, out DateTimeOffset t))
            {
                rec.Time = t;
                rec.HasTime = true;
                return true;
            }

            _s.TimeText = Str(ref r);
            return false;
        }

        private void Value(Ctx ctx, ReadOnlySpan<byte> n, ref Utf8JsonReader r, LogRecord rec)
        {
            Scratch s = _s;
            switch (ctx)
            {
                case Ctx.Root:
                    // MinIO / Lyve auditEntry
                    if (n.SequenceEqual("time"u8)) { if (Time(ref r, rec)) StopUnlessTime(rec); }
                    else if (n.SequenceEqual("remotehost"u8)) rec.RemoteIp = Str(ref r);
                    else if (n.SequenceEqual("requestID"u8)) rec.RequestId = r.GetString() ?? string.Empty;
                    else if (n.SequenceEqual("userAgent"u8)) rec.UserAgent = Str(ref r);
                    else if (n.SequenceEqual("accessKey"u8)) s.AccessKey = Str(ref r);
                    else if (n.SequenceEqual("parentUser"u8)) s.ParentUser = Str(ref r);
                    else if (n.SequenceEqual("error"u8)) s.MinioError = Str(ref r);
                    else if (n.SequenceEqual("serviceAccountName"u8)) { s.ServiceAccountName = Str(ref r); s.Wrapper = true; }
                    else if (n.SequenceEqual("serviceAccountCreatorId"u8)) s.Wrapper = true;
                    // Ceph RGW ops log
                    else if (n.SequenceEqual("trans_id"u8)) { rec.RequestId = r.GetString() ?? string.Empty; s.Ceph = true; }
                    else if (n.SequenceEqual("http_status"u8)) { rec.HttpStatus = (int)Long(ref r); s.Ceph = true; StopUnlessStatus(rec); }
                    else if (n.SequenceEqual("bucket"u8)) rec.BucketName = Str(ref r);
                    else if (n.SequenceEqual("object"u8)) rec.Key = r.GetString() ?? string.Empty;
                    else if (n.SequenceEqual("remote_addr"u8)) rec.RemoteIp = Str(ref r);
                    else if (n.SequenceEqual("user"u8)) rec.Requester = Str(ref r);
                    else if (n.SequenceEqual("operation"u8)) rec.RawOperation = Str(ref r);
                    else if (n.SequenceEqual("uri"u8)) s.Uri = Str(ref r);
                    else if (n.SequenceEqual("error_code"u8)) rec.ErrorCode = Str(ref r);
                    else if (n.SequenceEqual("bytes_sent"u8)) rec.BytesSent = Long(ref r);
                    else if (n.SequenceEqual("object_size"u8)) rec.ObjectSize = Long(ref r);
                    else if (n.SequenceEqual("total_time"u8)) rec.TotalTimeMs = LogText.ParseDouble(Raw(ref r));
                    else if (n.SequenceEqual("user_agent"u8)) rec.UserAgent = Str(ref r);
                    else if (n.SequenceEqual("access_key_id"u8)) rec.AccessKeyId = Str(ref r);
                    // CloudTrail record
                    else if (n.SequenceEqual("eventTime"u8)) { Time(ref r, rec); s.CloudTrail = true; }
                    else if (n.SequenceEqual("eventName"u8)) { rec.RawOperation = Str(ref r); s.CloudTrail = true; }
                    else if (n.SequenceEqual("sourceIPAddress"u8)) rec.RemoteIp = Str(ref r);
                    else if (n.SequenceEqual("errorCode"u8)) rec.ErrorCode = Str(ref r);
                    // Lyve console
                    else if (n.SequenceEqual("LoginTime"u8)) { Time(ref r, rec); s.Console = true; }
                    else if (n.SequenceEqual("ConsoleVersion"u8)) s.Console = true;
                    break;
                case Ctx.Api:
                    if (n.SequenceEqual("name"u8)) rec.RawOperation = Str(ref r);
                    else if (n.SequenceEqual("bucket"u8)) rec.BucketName = Str(ref r);
                    else if (n.SequenceEqual("object"u8)) rec.Key = r.GetString() ?? string.Empty;
                    else if (n.SequenceEqual("statusCode"u8)) { rec.HttpStatus = (int)Long(ref r); StopUnlessStatus(rec); }
                    else if (n.SequenceEqual("rx"u8)) s.Rx = Long(ref r);
                    else if (n.SequenceEqual("tx"u8)) s.Tx = Long(ref r);
                    else if (n.SequenceEqual("timeToResponseInNS"u8)) s.TimeToResponseNs = LogText.ParseDouble(Raw(ref r));
                    else if (n.SequenceEqual("timeToResponse"u8) && s.TimeToResponseNs < 0) s.TimeToResponseNs = GoDurationNs(Raw(ref r));
                    break;
                case Ctx.RequestHeader:
                    if (n.SequenceEqual("Authorization"u8)) s.Authorization = _pool.Get(LogText.AccessKeyFromAuthorization(Raw(ref r)));
                    else if (n.SequenceEqual("User-Agent"u8) && rec.UserAgent.Length == 0) rec.UserAgent = Str(ref r);
                    else if (n.SequenceEqual("Content-Length"u8)) s.RequestContentLength = Str(ref r);
                    break;
                case Ctx.ResponseHeader:
                    if (n.SequenceEqual("Content-Length"u8)) s.ResponseContentLength = Str(ref r);
                    else if (n.SequenceEqual("x-amz-request-id"u8) && rec.RequestId.Length == 0) rec.RequestId = r.GetString() ?? string.Empty;
                    break;
                case Ctx.RequestClaims:
                    if (n.SequenceEqual("accessKey"u8)) s.ClaimsAccessKey = Str(ref r);
                    else if (n.SequenceEqual("parent"u8) && s.ParentUser.Length == 0) s.ParentUser = Str(ref r);
                    break;
                case Ctx.UserIdentity:
                    if (n.SequenceEqual("arn"u8)) rec.Requester = Str(ref r);
                    else if (n.SequenceEqual("accessKeyId"u8)) rec.AccessKeyId = Str(ref r);
                    else if (n.SequenceEqual("invokedBy"u8) && rec.Requester.Length == 0) rec.Requester = Str(ref r);
                    else if (n.SequenceEqual("accountId"u8)) s.AnonymousPrincipal = Raw(ref r).SequenceEqual("ANONYMOUS_PRINCIPAL"u8);
                    break;
                case Ctx.RequestParameters:
                    if (n.SequenceEqual("bucketName"u8)) rec.BucketName = Str(ref r);
                    else if (n.SequenceEqual("key"u8)) rec.Key = r.GetString() ?? string.Empty;
                    break;
                case Ctx.AdditionalEventData:
                    if (n.SequenceEqual("bytesTransferredOut"u8)) rec.BytesSent = Long(ref r);
                    else if (n.SequenceEqual("bytesTransferredIn"u8)) rec.ObjectSize = Math.Max(rec.ObjectSize, Long(ref r));
                    break;
                case Ctx.ApiEvent:
                    if (n.SequenceEqual("EventName"u8)) rec.RawOperation = Str(ref r);
                    break;
                case Ctx.ApiRequest:
                    if (n.SequenceEqual("AccountName"u8)) rec.Requester = Str(ref r);
                    else if (n.SequenceEqual("AccessKey"u8)) rec.AccessKeyId = Str(ref r);
                    else if (n.SequenceEqual("RequestTime"u8)) Time(ref r, rec);
                    else if (n.SequenceEqual("SourceIP"u8)) rec.RemoteIp = Str(ref r);
                    break;
                case Ctx.ApiResponse:
                    if (n.SequenceEqual("ResponseCode"u8)) rec.HttpStatus = (int)Long(ref r);
                    else if (n.SequenceEqual("ResponseError"u8)) rec.ErrorCode = Str(ref r);
                    else if (n.SequenceEqual("ResponseTime"u8) && !rec.HasTime) Time(ref r, rec);
                    break;
                case Ctx.ConsoleIdentity:
                    if (n.SequenceEqual("UserName"u8)) rec.Requester = Str(ref r);
                    else if (n.SequenceEqual("IPAddress"u8)) rec.RemoteIp = Str(ref r);
                    break;
                case Ctx.ConsoleEvent:
                    if (n.SequenceEqual("Eventname"u8) || n.SequenceEqual("EventName"u8)) rec.RawOperation = Str(ref r);
                    else if (n.SequenceEqual("StatusCode"u8)) rec.HttpStatus = (int)Long(ref r);
                    else if (n.SequenceEqual("Status"u8)) s.ConsoleStatus = Str(ref r);
                    break;
            }
        }

        /// <summary>A Go duration string ("2246401314ns", "1.5ms", "2.1s", "350µs") in nanoseconds; -1 when unreadable.</summary>
        internal static double GoDurationNs(ReadOnlySpan<byte> s)
        {
            if (s.IsEmpty)
            {
                return -1;
            }

            double value = LogText.ParseDouble(s);
            int unit = 0;
            while (unit < s.Length && ((uint)(s[unit] - '0') <= 9 || s[unit] == '.'))
            {
                unit++;
            }

            ReadOnlySpan<byte> u = s.Slice(unit);
            if (u.SequenceEqual("ns"u8)) return value;
            if (u.SequenceEqual("ms"u8)) return value * 1e6;
            if (u.SequenceEqual("s"u8)) return value * 1e9;
            if (u.SequenceEqual("us"u8) || u.SequenceEqual("\u00b5s"u8) || u.SequenceEqual("\u03bcs"u8)) return value * 1e3;
            if (u.SequenceEqual("m"u8)) return value * 60e9;
            return u.IsEmpty ? value : -1;
        }
    }
}
