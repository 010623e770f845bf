-- Raw S3 server access logs on Trino's Hive connector (REGEX format, AWS's regex). The YYYY/MM/DD folders of
-- PartitionedPrefix are not Hive partitions: the table reads every file under the location, which needs
-- hive.recursive-directories=true in the catalog. Regex columns are read as varchar, except the byte counts.
CREATE TABLE IF NOT EXISTS hive.default.s3_access_logs (
  "bucketowner" varchar,
  "bucket_name" varchar,
  "requestdatetime" varchar,
  "remoteip" varchar,
  "requester" varchar,
  "requestid" varchar,
  "operation" varchar,
  "key" varchar,
  "request_uri" varchar,
  "httpstatus" varchar,
  "errorcode" varchar,
  "bytessent" bigint,
  "objectsize" bigint,
  "totaltime" varchar,
  "turnaroundtime" varchar,
  "referrer" varchar,
  "useragent" varchar,
  "versionid" varchar,
  "hostid" varchar,
  "sigv" varchar,
  "ciphersuite" varchar,
  "authtype" varchar,
  "endpoint" varchar,
  "tlsversion" varchar,
  "accesspointarn" varchar,
  "aclrequired" varchar
)
WITH (
  external_location = 's3://lake-bucket/audit/',
  format = 'REGEX',
  regex = '([^ ]*) ([^ ]*) \[(.*?)\] ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ("[^"]*"|-) (-|[0-9]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ("[^"]*"|-) ([^ ]*)(?: ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*))?.*$'
);
