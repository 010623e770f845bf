using System.Net;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Credentials;

/// <summary>Recorded AWS IAM Query API answers (shapes from the IAM API reference) served on 127.0.0.1.</summary>
internal static class RecordedIam
{
    public static RecordedResponse Ok(string action, string result) => new(200,
        $"<{action}Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><{action}Result>{result}</{action}Result>" +
        $"<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></{action}Response>", "text/xml");

    public static RecordedResponse Error(int status, string code, string message) => new(status,
        $"<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>err-1</RequestId></ErrorResponse>", "text/xml");

    public static Func<string, string, bool> Action(string action, string? contains = null) =>
        (_, body) => body.Split('&').Contains("Action=" + action) && (contains == null || body.Contains(contains));

    public static string User(string name, string created) =>
        $"<member><Path>/</Path><UserName>{name}</UserName><UserId>AIDA{name.ToUpperInvariant()}EXAMPLE</UserId><Arn>arn:aws:iam::111122223333:user/{name}</Arn><CreateDate>{created}</CreateDate></member>";

    public static string Key(string user, string id, string created, string status = "Active") =>
        $"<member><UserName>{user}</UserName><AccessKeyId>{id}</AccessKeyId><Status>{status}</Status><CreateDate>{created}</CreateDate></member>";

    public static string Encoded(string policy) => WebUtility.HtmlEncode(Uri.EscapeDataString(policy));

    /// <summary>Users alice (page 1) and bob (page 2), one key each, alice with an inline s3:* policy.</summary>
    public static RecordedHttpServer UsersAndKeys(this RecordedHttpServer server) => server
        .On("POST", Action("ListUsers", "Marker=m1"), Ok("ListUsers", $"<Users>{User("bob", "2026-11-01T00:00:00Z")}</Users><IsTruncated>false</IsTruncated>"))
        .On("POST", Action("ListUsers"), Ok("ListUsers", $"<Users>{User("alice", "2024-01-01T00:00:00Z")}</Users><IsTruncated>true</IsTruncated><Marker>m1</Marker>"))
        .On("POST", Action("ListAccessKeys", "UserName=alice"), Ok("ListAccessKeys", $"<AccessKeyMetadata>{Key("alice", "AKIAALICE000000OLD1", "2026-05-05T00:00:00Z")}</AccessKeyMetadata><IsTruncated>false</IsTruncated>"))
        .On("POST", Action("ListAccessKeys", "UserName=bob"), Ok("ListAccessKeys", $"<AccessKeyMetadata>{Key("bob", "AKIABOB00000000NEW2", "2026-11-11T12:00:00Z")}</AccessKeyMetadata><IsTruncated>false</IsTruncated>"))
        .On("POST", Action("ListUserPolicies", "Marker=p2"), Ok("ListUserPolicies", "<PolicyNames><member>everything-s3</member></PolicyNames><IsTruncated>false</IsTruncated>"))
        .On("POST", Action("ListUserPolicies", "UserName=alice"), Ok("ListUserPolicies", "<PolicyNames><member>read-logs</member></PolicyNames><IsTruncated>true</IsTruncated><Marker>p2</Marker>"))
        .On("POST", Action("GetUserPolicy", "PolicyName=read-logs"), Ok("GetUserPolicy",
            "<UserName>alice</UserName><PolicyName>read-logs</PolicyName><PolicyDocument>" +
            Encoded("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::logs/*\"}]}") + "</PolicyDocument>"))
        .On("POST", Action("GetUserPolicy", "UserName=alice"), Ok("GetUserPolicy",
            "<UserName>alice</UserName><PolicyName>everything-s3</PolicyName><PolicyDocument>" +
            Encoded("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}") + "</PolicyDocument>"))
        .On("POST", Action("ListUserPolicies"), Ok("ListUserPolicies", "<PolicyNames/><IsTruncated>false</IsTruncated>"))
        .On("POST", Action("ListAttachedUserPolicies"), Ok("ListAttachedUserPolicies", "<AttachedPolicies/><IsTruncated>false</IsTruncated>"))
        .On("POST", Action("ListGroupsForUser"), Ok("ListGroupsForUser", "<Groups/><IsTruncated>false</IsTruncated>"));

    public static RecordedHttpServer LastUsed(this RecordedHttpServer server) => server
        .On("POST", Action("GetAccessKeyLastUsed", "AccessKeyId=AKIAALICE000000OLD1"), Ok("GetAccessKeyLastUsed",
            "<UserName>alice</UserName><AccessKeyLastUsed><LastUsedDate>2026-08-13T12:00:00Z</LastUsedDate><ServiceName>s3</ServiceName><Region>eu-west-1</Region></AccessKeyLastUsed>"))
        .On("POST", Action("GetAccessKeyLastUsed", "AccessKeyId=AKIABOB00000000NEW2"), Ok("GetAccessKeyLastUsed",
            "<UserName>bob</UserName><AccessKeyLastUsed><ServiceName>N/A</ServiceName><Region>N/A</Region></AccessKeyLastUsed>"));

    public static RecordedHttpServer Report(this RecordedHttpServer server) => server
        .On("POST", Action("GenerateCredentialReport"), Ok("GenerateCredentialReport", "<State>COMPLETE</State><Description>No report exists. Starting a new report generation task</Description>"))
        .On("POST", Action("GetCredentialReport"), Ok("GetCredentialReport",
            $"<Content>{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(CredentialReportTests.Csv))}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2026-11-21T11:59:00Z</GeneratedTime>"));
}
