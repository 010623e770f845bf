-- S3Audit log lake in DuckDB: a view over Export-S3AuditLog's Parquet files; filters on source/year/month/day
-- read only the matching folders. For s3:// first run: INSTALL httpfs; LOAD httpfs; CREATE SECRET (TYPE s3, ...).
CREATE OR REPLACE VIEW s3audit_logs AS
SELECT * FROM read_parquet('s3://lake-bucket/audit/source=*/year=*/month=*/day=*/*.parquet',
  hive_partitioning = true, hive_types = {'source': VARCHAR, 'year': INTEGER, 'month': INTEGER, 'day': INTEGER});
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
