-- S3Audit log lake on Trino's Hive connector: Export-S3AuditLog's Parquet files. Partition columns come last.
CREATE TABLE IF NOT EXISTS hive.default.s3audit_logs (
  "time" timestamp(3) COMMENT 'When the request was logged (UTC, microseconds)',
  "operation" varchar COMMENT 'S3 API action (GetObject, PutObject ...) or the raw operation',
  "raw_operation" varchar COMMENT 'The operation as logged (REST.GET.OBJECT, get_obj, s3:GetObject ...)',
  "bucket_name" varchar COMMENT 'The bucket',
  "key" varchar COMMENT 'The object key, URL-decoded once; NULL when none',
  "requester" varchar COMMENT 'Who made the request; anonymous for unsigned requests, NULL when the log names nobody',
  "access_key_id" varchar COMMENT 'The access key id used, where logged',
  "remote_ip" varchar COMMENT 'The client address',
  "http_status" integer COMMENT 'The HTTP status; 0 when the log has none',
  "error_code" varchar COMMENT 'The error code; NULL on success',
  "bytes_sent" bigint COMMENT 'Response bytes sent',
  "object_size" bigint COMMENT 'The object size, where logged',
  "total_time_ms" double COMMENT 'Server-side time in milliseconds',
  "user_agent" varchar COMMENT 'The client''s User-Agent',
  "request_id" varchar COMMENT 'The request id (joins access logs and CloudTrail)',
  "source_file" varchar COMMENT 'The log file or s3:// object the entry was read from',
  "line_number" bigint COMMENT 'The 1-based line the record starts on',
  "source" varchar COMMENT 'The log format (aws_access_log, cloudtrail, ...)',
  "year" integer COMMENT 'Year of time (UTC)',
  "month" integer COMMENT 'Month of time (UTC)',
  "day" integer COMMENT 'Day of month of time (UTC)'
)
WITH (
  external_location = 's3://lake-bucket/audit/',
  format = 'PARQUET',
  partitioned_by = ARRAY['source', 'year', 'month', 'day']
);
-- Registers the partitions (source/year/month/day folders) found under the location; run it again after each export.
CALL hive.system.sync_partition_metadata(schema_name => 'default', table_name => 's3audit_logs', mode => 'ADD');
-- Who deleted objects (add: AND year = 2026 AND month = 11 to read one month only).
SELECT requester, bucket_name, count(*) AS deletes, min("time") AS first_seen, max("time") AS last_seen
FROM hive.default.s3audit_logs
WHERE operation IN ('DeleteObject', 'DeleteObjects') AND http_status < 400
GROUP BY requester, bucket_name
ORDER BY deletes DESC;
-- Anonymous requests (requester 'anonymous').
SELECT bucket_name, operation, http_status, count(*) AS requests, count(DISTINCT remote_ip) AS remote_ips
FROM hive.default.s3audit_logs
WHERE requester = 'anonymous'
GROUP BY bucket_name, operation, http_status
ORDER BY requests DESC;
-- Client (4xx) and server (5xx) errors by bucket.
SELECT bucket_name,
  sum(CASE WHEN http_status BETWEEN 400 AND 499 THEN 1 ELSE 0 END) AS client_errors,
  sum(CASE WHEN http_status >= 500 THEN 1 ELSE 0 END) AS server_errors,
  count(*) AS requests
FROM hive.default.s3audit_logs
GROUP BY bucket_name
ORDER BY client_errors + server_errors DESC;
-- Bytes sent per remote address.
SELECT remote_ip, sum(bytes_sent) AS bytes_sent, count(*) AS requests
FROM hive.default.s3audit_logs
GROUP BY remote_ip
ORDER BY bytes_sent DESC
LIMIT 20;
-- Requests per requester per day (UTC).
SELECT requester, year, month, day, count(*) AS requests,
  sum(CASE WHEN http_status >= 400 OR error_code IS NOT NULL THEN 1 ELSE 0 END) AS errors
FROM hive.default.s3audit_logs
GROUP BY requester, year, month, day
ORDER BY year, month, day, requests DESC;
