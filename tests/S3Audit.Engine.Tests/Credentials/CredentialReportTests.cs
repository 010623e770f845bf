using S3Audit.Engine.Credentials;

namespace S3Audit.Engine.Tests.Credentials;

public class CredentialReportTests
{
    internal const string Csv =
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n" +
        "<root_account>,arn:aws:iam::111122223333:root,2019-01-01T00:00:00+00:00,not_supported,2026-11-01T08:00:00+00:00,not_supported,not_supported,false,true,2020-03-01T00:00:00+00:00,2026-11-20T10:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n" +
        "alice,arn:aws:iam::111122223333:user/alice,2024-01-01T00:00:00+00:00,true,2026-11-19T09:00:00+00:00,2024-01-01T00:00:00+00:00,N/A,false,true,2026-05-05T00:00:00+00:00,2026-08-13T12:00:00+00:00,eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n" +
        "bob,arn:aws:iam::111122223333:user/bob,2026-11-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2026-11-11T12:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

    [Fact]
    public void ParsesTheRootRowAndUsers()
    {
        var rows = CredentialReport.ParseBase64(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Csv)));
        Assert.Equal(3, rows.Count);
        CredentialReportRow root = rows[0];
        Assert.True(root.IsRoot);
        Assert.Null(root.PasswordEnabled);
        Assert.False(root.MfaActive);
        ReportKey key = Assert.Single(root.Keys);
        Assert.True(key.Active);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), key.LastUsed);
        Assert.Equal("s3", key.LastUsedService);

        Assert.True(rows[1].PasswordEnabled);
        Assert.Null(Assert.Single(rows[2].Keys).LastUsed);
        Assert.Equal("N/A", rows[2].Keys[0].LastUsedService);
    }
}
