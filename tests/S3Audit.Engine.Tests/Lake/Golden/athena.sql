-- S3Audit log lake: Export-S3AuditLog's Parquet files. Partition projection: no crawler, no MSCK REPAIR.
-- Filter on year/month/day (and source) to read only those days' files.
CREATE EXTERNAL TABLE IF NOT EXISTS s3audit_logs (
  `time` timestamp COMMENT 'When the request was logged (UTC, microseconds)',
  `operation` string COMMENT 'S3 API action (GetObject, PutObject ...) or the raw operation',
  `raw_operation` string COMMENT 'The operation as logged (REST.GET.OBJECT, get_obj, s3:GetObject ...)',
  `bucket_name` string COMMENT 'The bucket',
  `key` string COMMENT 'The object key, URL-decoded once; NULL when none',
  `requester` string COMMENT 'Who made the request; anonymous for unsigned requests, NULL when the log names nobody',
  `access_key_id` string COMMENT 'The access key id used, where logged',
  `remote_ip` string COMMENT 'The client address',
  `http_status` int COMMENT 'The HTTP status; 0 when the log has none',
  `error_code` string COMMENT 'The error code; NULL on success',
  `bytes_sent` bigint COMMENT 'Response bytes sent',
  `object_size` bigint COMMENT 'The object size, where logged',
  `total_time_ms` double COMMENT 'Server-side time in milliseconds',
  `user_agent` string COMMENT 'The client''s User-Agent',
  `request_id` string COMMENT 'The request id (joins access logs and CloudTrail)',
  `source_file` string COMMENT 'The log file or s3:// object the entry was read from',
  `line_number` bigint COMMENT 'The 1-based line the record starts on'
)
PARTITIONED BY (
  `source` string,
  `year` int,
  `month` int,
  `day` int
)
STORED AS PARQUET
LOCATION 's3://lake-bucket/audit/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.source.type' = 'enum',
  'projection.source.values' = 'aws_access_log,lyve_s3_audit,minio_audit,lyve_account_api,lyve_console,cloudtrail,ceph_ops_log,exoscale_data_events',
  'projection.year.type' = 'integer',
  'projection.year.range' = '2006,2099',
  'projection.year.digits' = '4',
  'projection.month.type' = 'integer',
  'projection.month.range' = '1,12',
  'projection.month.digits' = '2',
  'projection.day.type' = 'integer',
  'projection.day.range' = '1,31',
  'projection.day.digits' = '2',
  'storage.location.template' = 's3://lake-bucket/audit/source=${source}/year=${year}/month=${month}/day=${day}/'
);
-- Who deleted objects (add: AND year = 2026 AND month = 11 to read one month only).
SELECT requester, bucket_name, count(*) AS deletes, min("time") AS first_seen, max("time") AS last_seen
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
