using System.Collections.Generic;

namespace S3Audit.Engine.Lake.Tables
{
    /// <summary>
    /// The standard questions as queries on the lake, matching Measure-S3AuditLog's dimensions: who deleted objects,
    /// anonymous requests, 4xx/5xx by bucket, bytes sent per remote address, requests per requester per day.
    /// Written in the SQL every engine shares (quoting aside).
    /// </summary>
    internal static class LakeExampleQueries
    {
        public static IEnumerable<string> Write(SqlDialect sql, string table)
        {
            string time = sql.Quote("time");
            yield return "-- Who deleted objects (add: AND year = 2026 AND month = 11 to read one month only).\n" +
                         $"SELECT requester, bucket_name, count(*) AS deletes, min({time}) AS first_seen, max({time}) AS last_seen\n" +
                         $"FROM {table}\n" +
                         "WHERE operation IN ('DeleteObject', 'DeleteObjects') AND http_status < 400\n" +
                         "GROUP BY requester, bucket_name\n" +
                         "ORDER BY deletes DESC;";
            yield return "-- Anonymous requests (requester 'anonymous').\n" +
                         "SELECT bucket_name, operation, http_status, count(*) AS requests, count(DISTINCT remote_ip) AS remote_ips\n" +
                         $"FROM {table}\n" +
                         "WHERE requester = 'anonymous'\n" +
                         "GROUP BY bucket_name, operation, http_status\n" +
                         "ORDER BY requests DESC;";
            yield return "-- Client (4xx) and server (5xx) errors by bucket.\n" +
                         "SELECT bucket_name,\n" +
                         "  sum(CASE WHEN http_status BETWEEN 400 AND 499 THEN 1 ELSE 0 END) AS client_errors,\n" +
                         "  sum(CASE WHEN http_status >= 500 THEN 1 ELSE 0 END) AS server_errors,\n" +
                         "  count(*) AS requests\n" +
                         $"FROM {table}\n" +
                         "GROUP BY bucket_name\n" +
                         "ORDER BY client_errors + server_errors DESC;";
            yield return "-- Bytes sent per remote address.\n" +
                         "SELECT remote_ip, sum(bytes_sent) AS bytes_sent, count(*) AS requests\n" +
                         $"FROM {table}\n" +
                         "GROUP BY remote_ip\n" +
                         "ORDER BY bytes_sent DESC\n" +
                         "LIMIT 20;";
            yield return "-- Requests per requester per day (UTC).\n" +
                         "SELECT requester, year, month, day, count(*) AS requests,\n" +
                         "  sum(CASE WHEN http_status >= 400 OR error_code IS NOT NULL THEN 1 ELSE 0 END) AS errors\n" +
                         $"FROM {table}\n" +
                         "GROUP BY requester, year, month, day\n" +
                         "ORDER BY year, month, day, requests DESC;";
        }
    }
}
