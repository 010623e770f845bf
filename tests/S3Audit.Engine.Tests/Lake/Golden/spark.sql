-- S3Audit log lake in Spark SQL: Export-S3AuditLog's Parquet files. Partition columns come last.
CREATE TABLE IF NOT EXISTS s3audit_logs (
  `time` TIMESTAMP COMMENT 'When the request was logged (UTC, microseconds)',
  `operation` STRING COMMENT 'S3 API action (GetObject, PutObject ...) or the raw operation',
  `raw_operation` STRING COMMENT 'The operation as logged (REST.GET.OBJECT, get_obj, s3:GetObject ...)',
  `bucket_name` STRING COMMENT 'The bucket',
  `key` STRING COMMENT 'The object key, URL-decoded once; NULL when none',
  `requester` STRING COMMENT 'Who made the request; anonymous for unsigned requests, NULL when the log names nobody',
  `access_key_id` STRING COMMENT 'The access key id used, where logged',
  `remote_ip` STRING COMMENT 'The client address',
  `http_status` INT COMMENT 'The HTTP status; 0 when the log has none',
  `error_code` STRING COMMENT 'The error code; NULL on success',
  `bytes_sent` BIGINT COMMENT 'Response bytes sent',
  `object_size` BIGINT COMMENT 'The object size, where logged',
  `total_time_ms` DOUBLE COMMENT 'Server-side time in milliseconds',
  `user_agent` STRING COMMENT 'The client''s User-Agent',
  `request_id` STRING COMMENT 'The request id (joins access logs and CloudTrail)',
  `source_file` STRING COMMENT 'The log file or s3:// object the entry was read from',
  `line_number` BIGINT COMMENT 'The 1-based line the record starts on',
  `source` STRING COMMENT 'The log format (aws_access_log, cloudtrail, ...)',
  `year` INT COMMENT 'Year of time (UTC)',
  `month` INT COMMENT 'Month of time (UTC)',
  `day` INT COMMENT 'Day of month of time (UTC)'
)
USING parquet
PARTITIONED BY (`source`, `year`, `month`, `day`)
LOCATION 's3a://lake-bucket/audit/';
-- Partition discovery: registers the source/year/month/day folders; run it again after each export.
MSCK REPAIR TABLE s3audit_logs;
-- Who deleted objects (add: AND year = 2026 AND month = 11 to read one month only).
SELECT requester, bucket_name, count(*) AS deletes, min(`time`) AS first_seen, max(`time`) AS last_seen
FROM s3audit_logs
WHERE operation IN ('DeleteObject', 'DeleteObjects') AND http_status < 400
GROUP BY requester, bucket_name
ORDER BY deletes DESC;
-- Anonymous requests (requester 'anonymous').
SELECT bucket_name, operation, http_status, count(*) AS requests, count(DISTINCT remote_ip) AS remote_ips
FROM s3audit_logs
WHERE requester = 'anonymous'
GROUP BY bucket_name, operation, http_status
ORDER BY requests DESC;
-- Client (4xx) and server (5xx) errors by bucket.
SELECT bucket_name,
  sum(CASE WHEN http_status BETWEEN 400 AND 499 THEN 1 ELSE 0 END) AS client_errors,
  sum(CASE WHEN http_status >= 500 THEN 1 ELSE 0 END) AS server_errors,
  count(*) AS requests
FROM s3audit_logs
GROUP BY bucket_name
ORDER BY client_errors + server_errors DESC;
-- Bytes sent per remote address.
SELECT remote_ip, sum(bytes_sent) AS bytes_sent, count(*) AS requests
FROM s3audit_logs
GROUP BY remote_ip
ORDER BY bytes_sent DESC
LIMIT 20;
-- Requests per requester per day (UTC).
SELECT requester, year, month, day, count(*) AS requests,
  sum(CASE WHEN http_status >= 400 OR error_code IS NOT NULL THEN 1 ELSE 0 END) AS errors
FROM s3audit_logs
GROUP BY requester, year, month, day
ORDER BY year, month, day, requests DESC;
