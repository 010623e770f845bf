# Realistic, deterministic rows of every S3Audit output type, for the golden "views" test (Views.Tests.ps1). The
# values are what the cmdlets wrote against Ceph RGW 20 and for the sample logs in examples/logs, with fixed names and
# times, plus the edge cases a view must survive: the longest rule and check names, unread (null) yes/no values,
# Unknown verdicts, long bucket names and keys, anonymous requests.

function New-Row([type] $Type, [hashtable] $Values) {
    $row = $Type::new()
    foreach ($name in $Values.Keys) { $row.$name = $Values[$name] }
    $row
}

function T([string] $Text) { [DateTimeOffset]::Parse($Text, [Globalization.CultureInfo]::InvariantCulture) }

function Get-S3AuditViewSample {
    $samples = [ordered]@{}

    $samples['S3Audit.S3AuditBucket'] = @(
        New-Row S3Audit.S3AuditBucket @{ BucketName = 'backup-prod-eu-central-archive'; Provider = 'Aws'; Region = 'eu-central-1'; CreationDate = (T '2025-06-01T08:00:00Z')
            Versioning = 'Enabled'; MfaDelete = $false; ObjectLockEnabled = $true; DefaultRetentionMode = 'COMPLIANCE'; DefaultRetentionDays = 365
            Encryption = 'SSE-KMS'; KmsKeyId = 'arn:aws:kms:eu-central-1:111122223333:key/0f3c'; BucketKeyEnabled = $true; LoggingEnabled = $true; LoggingTarget = 'central-logs/backup-prod-eu-central-archive/'
            BlockPublicAcls = $true; IgnorePublicAcls = $true; BlockPublicPolicy = $true; RestrictPublicBuckets = $true; PublicAccessBlockDetail = 'Bucket: none; Account: BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets'
            ObjectOwnership = 'BucketOwnerEnforced'; HasPolicy = $true; SecureTransportEnforced = $true; WebsiteEnabled = $false; Exposure = 'NotPublic'; FindingCount = 0 }
        New-Row S3Audit.S3AuditBucket @{ BucketName = 'i13-pub-0ac301'; Provider = 'Ceph'; Region = 'default'; CreationDate = (T '2026-12-03T12:01:00Z')
            Versioning = 'Off'; MfaDelete = $false; ObjectLockEnabled = $false; DefaultRetentionMode = 'None'; Encryption = 'None'; BucketKeyEnabled = $false; LoggingEnabled = $false
            BlockPublicAcls = $false; IgnorePublicAcls = $false; BlockPublicPolicy = $false; RestrictPublicBuckets = $false; PublicAccessBlockDetail = 'Bucket: none; Account: not supported'
            ObjectOwnership = 'NotSupported'; HasPolicy = $false; SecureTransportEnforced = $false; WebsiteEnabled = $false; Exposure = 'Public'; FindingCount = 6; UnsupportedSettings = 'ObjectOwnership' }
        New-Row S3Audit.S3AuditBucket @{ BucketName = 'i13-logged-0ac301'; Provider = 'Ceph'; Region = 'default'; CreationDate = (T '2026-12-03T12:01:00Z')
            Versioning = 'Suspended'; MfaDelete = $false; ObjectLockEnabled = $false; DefaultRetentionMode = 'None'; Encryption = 'SSE-S3'; BucketKeyEnabled = $false; LoggingEnabled = $true; LoggingTarget = 'i13-logs-0ac301/x/'
            BlockPublicAcls = $true; IgnorePublicAcls = $false; BlockPublicPolicy = $true; RestrictPublicBuckets = $false; PublicAccessBlockDetail = 'Bucket: BlockPublicAcls, BlockPublicPolicy; Account: not supported'
            ObjectOwnership = 'NotSupported'; HasPolicy = $false; SecureTransportEnforced = $false; WebsiteEnabled = $false; Exposure = 'NotPublic'; FindingCount = 3; UnsupportedSettings = 'ObjectOwnership' }
        New-Row S3Audit.S3AuditBucket @{ BucketName = 'i13-foreign-d04783f8caba437d'; Provider = 'Ceph'; Region = 'Unknown'
            Versioning = 'Unknown'; DefaultRetentionMode = 'Unknown'; Encryption = 'Unknown'; PublicAccessBlockDetail = 'Bucket: unknown (access denied); Account: not supported'
            ObjectOwnership = 'NotSupported'; Exposure = 'Unknown'; FindingCount = 7; UnsupportedSettings = 'ObjectOwnership'
            Unreadable = "Region: GetBucketLocation on bucket 'i13-foreign-d04783f8caba437d' failed: access denied | Versioning: GetBucketVersioning on bucket 'i13-foreign-d04783f8caba437d' failed: access denied" }
        New-Row S3Audit.S3AuditBucket @{ BucketName = 'media'; Provider = 'Minio'; Region = 'us-east-1'; CreationDate = (T '2026-01-15T10:30:00Z')
            Versioning = 'Enabled'; MfaDelete = $false; ObjectLockEnabled = $false; DefaultRetentionMode = 'None'; Encryption = 'DSSE-KMS'; BucketKeyEnabled = $false; LoggingEnabled = $false
            BlockPublicAcls = $false; IgnorePublicAcls = $false; BlockPublicPolicy = $false; RestrictPublicBuckets = $false; PublicAccessBlockDetail = 'NotSupported'
            ObjectOwnership = 'NotSupported'; HasPolicy = $true; SecureTransportEnforced = $false; WebsiteEnabled = $false; Exposure = 'Latent'; FindingCount = 2
            UnsupportedSettings = 'LoggingEnabled, BlockPublicAccess, ObjectOwnership, WebsiteEnabled' }
    )

    $samples['S3Audit.S3AuditBucketFinding'] = @(
        New-Row S3Audit.S3AuditBucketFinding @{ BucketName = 'i13-pubw-0ac301'; CheckId = 'PublicExposure'; Severity = 'Critical'; Result = 'Fail'; Title = 'The bucket is public'
            Detail = 'Acl: The bucket ACL grants READ to AllUsers (anyone, signed or not). | Acl: The bucket ACL grants WRITE to AllUsers (anyone, signed or not).'
            Remediation = 'Remove the public ACL grants and policy statements listed by Test-S3PublicExposure -Detailed, and turn on Block Public Access.'
            ProwlerCheckId = 's3_bucket_public_access'; ScoutSuiteCheckId = 's3-bucket-world-policy-star'; Provider = 'Ceph' }
        New-Row S3Audit.S3AuditBucketFinding @{ BucketName = 'i13-pubw-0ac301'; CheckId = 'BlockPublicAccessIncomplete'; Severity = 'High'; Result = 'Fail'; Title = 'Block Public Access is not fully on'
            Detail = 'Off: BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets (Bucket: none; Account: not supported).'
            Remediation = 'Turn on all four Block Public Access flags, at the account level where possible.'; ProwlerCheckId = 's3_bucket_level_public_access_block'; Provider = 'Ceph' }
        New-Row S3Audit.S3AuditBucketFinding @{ BucketName = 'backup-prod-eu-central-archive'; CheckId = 'ObjectLockNoDefaultRetention'; Severity = 'Medium'; Result = 'Fail'
            Title = 'Object lock is enabled but new objects are not locked (no default retention)'; Detail = 'Object lock is enabled but has no default retention, so new objects are not locked.'
            Remediation = "Set a default retention (mode and days or years) on the bucket's object lock configuration."; ProwlerCheckId = 's3_bucket_object_lock'; Provider = 'Aws' }
        New-Row S3Audit.S3AuditBucketFinding @{ BucketName = 'i13-foreign-d04783f8caba437d'; CheckId = 'LoggingOff'; Severity = 'Medium'; Result = 'Unknown'; Title = 'Server access logging is off'
            Detail = "LoggingEnabled could not be read, so the check could not be made: LoggingEnabled: GetBucketLogging on bucket 'i13-foreign-d04783f8caba437d' failed: access denied"
            Remediation = 'Enable server access logging to a separate log bucket (Enable-S3AccessLogging).'; ProwlerCheckId = 's3_bucket_server_access_logging_enabled'; ScoutSuiteCheckId = 's3-bucket-no-logging'; Provider = 'Ceph' }
    )

    $samples['S3Audit.S3ExposureResult'] = @(
        New-Row S3Audit.S3ExposureResult @{ BucketName = 'i13-pol-b0680a2e0d704d14'; Provider = 'Ceph'; Exposure = 'Public'; PublicRead = $true; PublicWrite = $false; PublicList = $false
            ViaAcl = $false; ViaPolicy = $true; Reasons = 'Policy PublicRead: Public: Principal "*" is everyone, granting read, with no condition.'; FindingCount = 1 }
        New-Row S3Audit.S3ExposureResult @{ BucketName = 'i13-pubw-0ac301'; Provider = 'Ceph'; Exposure = 'Public'; PublicRead = $true; PublicWrite = $true; PublicList = $true
            ViaAcl = $true; ViaPolicy = $false; ViaObjectAcl = $true; Reasons = 'Acl: The bucket ACL grants READ to AllUsers (anyone, signed or not). | Acl: The bucket ACL grants WRITE to AllUsers (anyone, signed or not). | ObjectAcl a/pub.txt: The object ACL grants READ to AllUsers (anyone, signed or not).'; FindingCount = 3 }
        New-Row S3Audit.S3ExposureResult @{ BucketName = 'backup-prod-eu-central-archive'; Provider = 'Aws'; Exposure = 'Latent'; PublicRead = $true; PublicWrite = $false; PublicList = $false
            ViaAcl = $true; ViaPolicy = $false; MaskedBy = 'IgnorePublicAcls (account)'; Reasons = 'Acl: The bucket ACL grants READ to AllUsers (anyone, signed or not). Masked by IgnorePublicAcls (account).'; FindingCount = 1 }
        New-Row S3Audit.S3ExposureResult @{ BucketName = 'i13-foreign-d04783f8caba437d'; Provider = 'Ceph'; Exposure = 'Unknown'
            Reasons = "Policy: The bucket policy could not be read: GetBucketPolicy on bucket 'i13-foreign-d04783f8caba437d' failed: access denied"; FindingCount = 2 }
        New-Row S3Audit.S3ExposureResult @{ BucketName = 'i13-plain-0ac301'; Provider = 'Ceph'; Exposure = 'NotPublic'; PublicRead = $false; PublicWrite = $false; PublicList = $false
            ViaAcl = $false; ViaPolicy = $false; Reasons = 'No public ACL grant or policy statement was found.'; FindingCount = 0 }
    )

    $samples['S3Audit.S3ExposureFinding'] = @(
        New-Row S3Audit.S3ExposureFinding @{ BucketName = 'i13-pubw-0ac301'; Path = 'Acl'; Exposure = 'Public'; Principal = 'AllUsers'; Actions = 'WRITE'; Severity = 'Critical'
            Why = 'The bucket ACL grants WRITE to AllUsers (anyone, signed or not).'; Remediation = "Remove the grant to AllUsers from the ACL of the bucket (for example a canned 'private' ACL)."; Provider = 'Ceph' }
        New-Row S3Audit.S3ExposureFinding @{ BucketName = 'i13-pubw-0ac301'; Key = 'reports/2026/q3 summary.pdf'; Path = 'ObjectAcl'; Exposure = 'Public'; Principal = 'AllUsers'; Actions = 'READ'; Severity = 'High'
            Why = 'The object ACL grants READ to AllUsers (anyone, signed or not).'; Remediation = "Remove the grant to AllUsers from the ACL of object 'reports/2026/q3 summary.pdf'."; Provider = 'Ceph' }
        New-Row S3Audit.S3ExposureFinding @{ BucketName = 'i13-pol-b0680a2e0d704d14'; Path = 'Policy'; Exposure = 'Public'; StatementId = 'PublicRead'; Principal = '*'; Actions = 's3:GetObject'; Severity = 'High'
            Why = 'Public: Principal "*" is everyone, granting read, with no condition.'; Remediation = 'Limit PublicRead to fixed principals, and turn on RestrictPublicBuckets and BlockPublicPolicy.'; Provider = 'Ceph' }
        New-Row S3Audit.S3ExposureFinding @{ BucketName = 'i13-pol-b0680a2e0d704d14'; Path = 'Policy'; Exposure = 'NotPublic'; StatementId = 'TlsOnly'; Principal = '*'; Actions = 's3:*'; Severity = 'Info'
            Why = 'Deny of read, write, list for *. It is read, not skipped, but AWS still counts a public Allow beside it as public.'; Provider = 'Ceph' }
        New-Row S3Audit.S3ExposureFinding @{ BucketName = 'backup-prod-eu-central-archive'; Path = 'Acl'; Exposure = 'Latent'; Principal = 'AllUsers'; Actions = 'READ'; Severity = 'Medium'
            Why = 'The bucket ACL grants READ to AllUsers (anyone, signed or not). Masked by IgnorePublicAcls (account).'; MaskedBy = 'IgnorePublicAcls (account)'; Remediation = 'Remove the grant to AllUsers from the ACL of the bucket.'; Provider = 'Aws' }
        New-Row S3Audit.S3ExposureFinding @{ BucketName = 'i13-foreign-d04783f8caba437d'; Path = 'Policy'; Exposure = 'Unknown'; Severity = 'High'
            Why = "The bucket policy could not be read: GetBucketPolicy on bucket 'i13-foreign-d04783f8caba437d' failed: access denied"; Remediation = 'Grant the auditing identity s3:GetBucketPolicy and run again.'; Provider = 'Ceph' }
    )

    $owner = 'c0a1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1'
    $samples['S3Audit.S3AuditAclGrant'] = @(
        New-Row S3Audit.S3AuditAclGrant @{ BucketName = 'i13-pub-0ac301'; OwnerId = 'test'; OwnerDisplayName = 'test'; GranteeType = 'Group'; Grantee = 'http://acs.amazonaws.com/groups/global/AllUsers'
            GranteeName = 'AllUsers'; Permission = 'READ'; IsPublic = $true; PublicGroup = 'AllUsers'; AclsInForce = $true; Provider = 'Ceph'; Region = 'default' }
        New-Row S3Audit.S3AuditAclGrant @{ BucketName = 'i13-pub-0ac301'; OwnerId = 'test'; OwnerDisplayName = 'test'; GranteeType = 'CanonicalUser'; Grantee = 'test'; GranteeDisplayName = 'test'
            GranteeName = 'test'; Permission = 'FULL_CONTROL'; IsPublic = $false; AclsInForce = $true; Provider = 'Ceph'; Region = 'default' }
        New-Row S3Audit.S3AuditAclGrant @{ BucketName = 'i13-pub-0ac301'; Key = 'a/pub.txt'; OwnerId = 'test'; OwnerDisplayName = 'test'; GranteeType = 'Group'; Grantee = 'http://acs.amazonaws.com/groups/global/AllUsers'
            GranteeName = 'AllUsers'; Permission = 'READ'; IsPublic = $true; PublicGroup = 'AllUsers'; AclsInForce = $true; Provider = 'Ceph'; Region = 'default' }
        New-Row S3Audit.S3AuditAclGrant @{ BucketName = 'backup-prod-eu-central-archive'; Key = '2026/03/12/db-full-2026-03-12T0200Z.tar.zst'; OwnerId = $owner; GranteeType = 'CanonicalUser'; Grantee = $owner
            GranteeName = $owner; Permission = 'FULL_CONTROL'; IsPublic = $false; AclsInForce = $null; Provider = 'Aws'; Region = 'eu-central-1' }
        New-Row S3Audit.S3AuditAclGrant @{ BucketName = 'central-logs'; OwnerId = $owner; GranteeType = 'Group'; Grantee = 'http://acs.amazonaws.com/groups/s3/LogDelivery'
            GranteeName = 'LogDelivery'; Permission = 'WRITE'; IsPublic = $false; AclsInForce = $true; Provider = 'Aws'; Region = 'eu-central-1' }
    )

    $samples['S3Audit.S3AuditFinding'] = @(
        New-Row S3Audit.S3AuditFinding @{ Target = 'rgw'; BucketName = 'i13-pubw-0ac301'; Check = 'exposure'; Rule = 'PublicAcl'; Resource = 'AllUsers WRITE'; Severity = 'Critical'; Result = 'Fail'; Status = 'New'
            Detail = 'The bucket ACL grants WRITE to AllUsers (anyone, signed or not). Actions: WRITE.'; Remediation = 'Remove the grant to AllUsers from the ACL of the bucket.'; FirstSeen = (T '2026-12-03T12:06:04Z'); Provider = 'Ceph' }
        New-Row S3Audit.S3AuditFinding @{ Target = 'rgw'; BucketName = 'i13-pub-0ac301'; Check = 'posture'; Rule = 'BlockPublicAccessIncomplete'; Severity = 'High'; Result = 'Fail'; Status = 'Unchanged'
            Detail = 'Block Public Access is not fully on: Off: BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets (Bucket: none; Account: not supported).'
            Remediation = 'Turn on all four Block Public Access flags, at the account level where possible.'; FirstSeen = (T '2026-11-14T02:00:00Z'); Provider = 'Ceph' }
        New-Row S3Audit.S3AuditFinding @{ Target = 'exo-gva'; BucketName = 'backup-prod-eu-central-archive'; Check = 'logging'; Rule = 'ServerAccessLoggingNotSupported'; Severity = 'Medium'; Result = 'Unknown'; Status = 'New'
            Detail = 'Exoscale does not support ServerAccessLogging, so this check cannot pass.'; Remediation = 'Exoscale SOS has no server access logging. Record access through a controlled client that logs its own calls.'; FirstSeen = (T '2026-12-03T12:06:04Z'); Provider = 'Exoscale' }
        New-Row S3Audit.S3AuditFinding @{ Target = 'aws-prod'; Check = 'credentials'; Rule = 'KeyNotRotated'; Resource = 'backup-writer (****WXYZ)'; Severity = 'Medium'; Result = 'Fail'; Status = 'NotRechecked'
            Detail = 'KeyNotRotated (120 days > 90)'; Remediation = 'Create a new access key, switch the clients to it, then deactivate and delete the old one.'; FirstSeen = (T '2026-10-01T02:00:00Z'); Provider = 'Aws' }
        New-Row S3Audit.S3AuditFinding @{ Target = 'aws-prod'; BucketName = 'media'; Check = 'logAnomalies'; Rule = 'AnonymousAccess'; Resource = 'anonymous'; Severity = 'High'; Result = 'Fail'; Status = 'Resolved'
            Detail = '3 successful anonymous request(s) in the last 24 hour(s), first GetObject public/logo.png from 2001:db8:1::20.'; Remediation = 'Find out why anonymous requests succeed (Test-S3PublicExposure).'; FirstSeen = (T '2026-11-20T02:00:00Z'); Provider = 'Aws' }
    )

    $samples['S3Audit.S3AuditRunSummary'] = @(
        New-Row S3Audit.S3AuditRunSummary @{ ConfigPath = '/srv/audit/audit.yml'; StartTime = (T '2026-12-03T02:00:00Z'); EndTime = (T '2026-12-03T02:00:41Z'); TargetCount = 3
            CompleteTargets = 'rgw; aws-prod'; IncompleteTargets = "exo-gva (Target 'exo-gva': The environment variable 'EXOSCALE_API_KEY' named by target 'exo-gva' is not set.)"
            BucketCount = 12; FindingCount = 14; CriticalCount = 1; HighCount = 4; MediumCount = 7; LowCount = 1; UnknownCount = 1; NewCount = 3; ResolvedCount = 1
            FailOn = 'High'; ThresholdExceeded = $true; OutputFiles = '/srv/audit/reports/s3audit-2026-12-03.csv; /srv/audit/reports/s3audit-2026-12-03.json'
            MinimumSeverity = 'Low'; BaselinePath = '/srv/audit/reports/s3audit-2026-12-02.json' }
    )

    $samples['S3Audit.S3AuditLogActivity'] = @(
        New-Row S3Audit.S3AuditLogActivity @{ Target = 'rgw'; BucketName = 'backup-prod-eu-central-archive'; StartTime = (T '2026-12-02T02:00:00Z'); EndTime = (T '2026-12-03T02:00:00Z')
            Requests = 184220; Errors = 312; RequestsPerHour = [int[]](1..24 | ForEach-Object { 7000 + $_ * 100 }); ErrorsPerHour = [int[]](1..24 | ForEach-Object { $_ % 3 * 4 }) }
        New-Row S3Audit.S3AuditLogActivity @{ Target = 'exoscale-gva'; BucketName = 'logs'; StartTime = (T '2026-12-02T20:00:00Z'); EndTime = (T '2026-12-03T02:00:00Z')
            Requests = 0; Errors = 0; RequestsPerHour = [int[]](0, 0, 0, 0, 0, 0); ErrorsPerHour = [int[]](0, 0, 0, 0, 0, 0) }
    )

    $samples['S3Audit.S3AuditCredential'] = @(
        New-Row S3Audit.S3AuditCredential @{ Provider = 'Ceph'; IdentityType = 'User'; UserName = 'backup-writer'; UserArn = 'arn:aws:iam::RGW12345678901234567:user/backup-writer'; UserCreated = (T '2026-06-01T09:00:00Z')
            PasswordEnabled = $false; MfaActive = $null; AccessKeyId = '****WXYZ'; KeyStatus = 'Active'; KeyCreated = (T '2026-08-05T09:00:00Z'); KeyAgeDays = 120; KeyLastUsed = (T '2026-12-02T23:10:00Z')
            KeyLastUsedService = 's3'; DaysSinceLastUse = 0; Groups = 'backup; ops'; S3Access = 's3:PutObject on backup-* [write]'; FullS3Access = $false; FullAdminAccess = $false
            Findings = 'KeyNotRotated (120 days > 90); TwoActiveKeys'; FindingCount = 2; Severity = 'Medium'; Source = 'IamApi' }
        New-Row S3Audit.S3AuditCredential @{ Provider = 'Aws'; IdentityType = 'Root'; UserName = '<root_account>'; UserArn = 'arn:aws:iam::111122223333:root'; PasswordEnabled = $true; MfaActive = $false
            AccessKeyId = '****7EXA'; KeyStatus = 'Active'; KeyCreated = (T '2024-01-10T09:00:00Z'); KeyAgeDays = 1058; KeyLastUsedService = 'N/A'; DaysSinceLastUse = 1058; S3Access = '[*:*]'
            FullS3Access = $true; FullAdminAccess = $true; Findings = 'RootAccessKey; ConsoleWithoutMfa; KeyNotRotated (1058 days > 90); KeyNeverUsed'; FindingCount = 4; Severity = 'Critical'; Source = 'CredentialReport' }
        New-Row S3Audit.S3AuditCredential @{ Provider = 'Lyve'; IdentityType = 'ServiceAccount'; UserName = 'web-reader'; UserArn = 'sa-7f3a9c'; KeyStatus = 'Enabled'; Severity = 'None'; FindingCount = 0
            S3Access = 's3:GetObject on mybucket'; Source = 'LyveAccountApi' }
    )

    $samples['S3Audit.S3PolicyDocument'] = @(
        New-Row S3Audit.S3PolicyDocument @{ Provider = 'Aws'; Name = 'S3ReadOnlyLog-central-logs'; Purpose = 'ReadOnlyLog'; BucketName = 'central-logs'; Prefix = 'AWSLogs/'; StatementCount = 4
            Document = "{`n  `"Version`": `"2012-10-17`",`n  `"Statement`": []`n}" }
        New-Row S3Audit.S3PolicyDocument @{ Provider = 'Lyve'; Name = 'S3LogStorage-backup-prod-eu-central-archive'; Purpose = 'LogStorage'; BucketName = 'backup-prod-eu-central-archive'; Prefix = 'logs/'; StatementCount = 1
            Document = "{`n  `"name`": `"S3LogStorage-backup-prod-eu-central-archive`"`n}"; Limitations = "Lyve permissions apply to whole buckets: the prefix 'logs/' is not enforced." }
    )

    $samples['S3Audit.S3AccessLoggingResult'] = @(
        New-Row S3Audit.S3AccessLoggingResult @{ BucketName = 'i13-plain-0ac301'; TargetBucketName = 'i13-logs-0ac301'; TargetPrefix = 'i13-plain-0ac301/'; KeyFormat = 'SimplePrefix'; Action = 'WhatIf'
            PermissionMethod = 'BucketPolicy'; PolicyStatementId = 'S3AuditLogDelivery'; Provider = 'Ceph' }
        New-Row S3Audit.S3AccessLoggingResult @{ BucketName = 'backup-prod-eu-central-archive'; TargetBucketName = 'central-logs'; TargetPrefix = 'backup-prod-eu-central-archive/'; KeyFormat = 'PartitionedPrefix(EventTime)'
            Action = 'Updated'; PermissionMethod = 'BucketPolicy'; PolicyStatementId = 'S3AuditLogDelivery'; PermissionChanged = $true; LoggingChanged = $true; PreviousTarget = 'old-logs/backup/'; Provider = 'Aws' }
        New-Row S3Audit.S3AccessLoggingResult @{ BucketName = 'i13-logged-0ac301'; Action = 'AlreadyDisabled'; PermissionMethod = 'None'; Provider = 'Ceph' }
    )

    $samples['S3Audit.LyveAuditTarget'] = @(
        New-Row S3Audit.LyveAuditTarget @{ BucketName = 'lyve-audit-logs'; EndpointUrl = 'https://s3.us-east-1.lyvecloud.seagate.com'; Region = 'us-east-1'; Eligible = $true; Exists = $true; Reachable = $true
            ObjectLockEnabled = $true; RetentionMode = 'COMPLIANCE'; RetentionDays = 3650; VersioningEnabled = $true; LogKinds = 'S3, IAM, Console'; Recorded = $true; RecordedAt = (T '2026-11-20T09:30:02Z')
            SettingsPath = '/home/audit/.config/S3Audit/lyve-targets.json'; RemainingStep = 'In the Lyve Cloud console, choose this bucket as the audit log target (Settings > Audit Logs).' }
        New-Row S3Audit.LyveAuditTarget @{ BucketName = 'lyve-plain-5c1e'; EndpointUrl = 'https://s3.us-east-1.lyvecloud.seagate.com'; Region = 'us-east-1'; Eligible = $false; Exists = $true; Reachable = $true
            ObjectLockEnabled = $false; VersioningEnabled = $false; LogKinds = 'S3, IAM, Console'
            Reasons = "Object lock is not enabled on 'lyve-plain-5c1e': Lyve Cloud needs an immutable target, and object lock can only be chosen when a bucket is created (create a new one with -Create).; Versioning is not enabled on 'lyve-plain-5c1e' (Off)." }
        New-Row S3Audit.LyveAuditTarget @{ BucketName = 'lyve-denied'; EndpointUrl = 'https://s3.us-east-1.lyvecloud.seagate.com'; Region = 'us-east-1'; Eligible = $false; Exists = $true; Reachable = $false
            LogKinds = 'S3, IAM, Console'; Reasons = "Bucket 'lyve-denied' is not reachable with these credentials: access denied." }
    )

    $samples['S3Audit.S3AuditLogEntry'] = @(
        New-Row S3Audit.S3AuditLogEntry @{ Time = (T '2019-02-06T00:00:38Z'); Source = 'AwsAccessLog'; Operation = 'GetBucketVersioning'; RawOperation = 'REST.GET.VERSIONING'; BucketName = 'DOC-EXAMPLE-BUCKET1'
            Requester = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'; RemoteIp = '192.0.2.3'; HttpStatus = 200; BytesSent = 113; TotalTimeMs = 7; UserAgent = 'S3Console/0.4'
            RequestId = '3E57427F3EXAMPLE'; SourceFile = 'examples/logs/aws-access/2019-02-06-00-00-38-EXAMPLE'; LineNumber = 1 }
        New-Row S3Audit.S3AuditLogEntry @{ Time = (T '2021-08-10T14:02:20Z'); Source = 'AwsAccessLog'; Operation = 'GetObject'; RawOperation = 'REST.GET.OBJECT'; BucketName = 'amzn-s3-demo-bucket'; Key = 'photos/cat on mat.jpg'
            Requester = 'arn:aws:iam::123456789012:user/alice'; AccessKeyId = 'AKIA****MPLE'; RemoteIp = '2001:db8::7'; HttpStatus = 200; BytesSent = 48211; ObjectSize = 48211; TotalTimeMs = 12.5
            UserAgent = 'aws-cli/2.15.0'; RequestId = '8E5A2C1B9D4F'; SourceFile = 'examples/logs/aws-access/2021-08-10-14-00-00-EXAMPLE'; LineNumber = 3 }
        New-Row S3Audit.S3AuditLogEntry @{ Time = (T '2021-08-10T14:02:21Z'); Source = 'AwsAccessLog'; Operation = 'GetObject'; RawOperation = 'REST.GET.OBJECT'; BucketName = 'amzn-s3-demo-bucket'; Key = 'index.html'
            RemoteIp = '198.51.100.23'; HttpStatus = 403; ErrorCode = 'AccessDenied'; BytesSent = 243; TotalTimeMs = 1; UserAgent = 'curl/8.5.0'; RequestId = '9F6B3D2C0E5A'
            SourceFile = 'examples/logs/aws-access/2021-08-10-14-00-00-EXAMPLE'; LineNumber = 4; Raw = '79a59df9 amzn-s3-demo-bucket [10/Aug/2021:14:02:21 +0000] 198.51.100.23 - 9F6B3D2C0E5A REST.GET.OBJECT index.html "GET /index.html HTTP/1.1" 403 AccessDenied 243 - 1 - "-" "curl/8.5.0" -' }
        New-Row S3Audit.S3AuditLogEntry @{ Time = (T '2026-11-20T09:52:30Z'); Source = 'LyveAccountApi'; Operation = 'authenticate-and-get-session-token'; RawOperation = 'authenticate-and-get-session-token'
            Requester = 'acme-prod'; RemoteIp = '198.51.100.77'; HttpStatus = 401; ErrorCode = 'Unauthorized'; SourceFile = 'examples/logs/lyve-account-api/2026-11-20.json'; LineNumber = 12 }
        New-Row S3Audit.S3AuditLogEntry @{ Time = (T '2026-11-21T13:15:04Z'); Source = 'CephOpsLog'; Operation = 'PutObject'; RawOperation = 'put_obj'; BucketName = 'logfault-0fe82e44d70a40f7'; Key = 'logs/2026-11-20-00-05-00-F04C8A'
            Requester = 'test'; RemoteIp = '127.0.0.1'; HttpStatus = 200; ObjectSize = 1024; TotalTimeMs = 35; UserAgent = 'aws-sdk-dotnet-coreclr/4.0'; RequestId = 'tx00000f04c8a'
            SourceFile = 'examples/logs/ceph-ops/ops.log'; LineNumber = 5 }
    )

    $samples['S3Audit.S3AuditLogSummary'] = @(
        New-Row S3Audit.S3AuditLogSummary @{ Group = 'GetObject'; Operation = 'GetObject'; Requests = 10; Errors = 5; BytesSent = 118808; DistinctRemoteIps = 7; FirstSeen = (T '2021-08-10T14:02:20Z'); LastSeen = (T '2026-11-21T13:19:25Z'); TotalTimeMsP50 = 3; TotalTimeMsP95 = 37.5 }
        New-Row S3Audit.S3AuditLogSummary @{ Group = 'CompleteMultipartUpload'; Operation = 'CompleteMultipartUpload'; Requests = 1250000; Errors = 0; BytesSent = 5497558138880; DistinctRemoteIps = 12; FirstSeen = (T '2026-11-01T00:00:03Z'); LastSeen = (T '2026-11-30T23:59:58Z'); TotalTimeMsP50 = 412; TotalTimeMsP95 = 2150 }
        New-Row S3Audit.S3AuditLogSummary @{ Group = 'authenticate-and-get-session-token'; Operation = 'authenticate-and-get-session-token'; Requests = 1; Errors = 1; BytesSent = 0; DistinctRemoteIps = 1; FirstSeen = (T '2026-11-20T09:52:30Z'); LastSeen = (T '2026-11-20T09:52:30Z') }
        New-Row S3Audit.S3AuditLogSummary @{ Group = 'arn:aws:iam::123456789012:user/alice, 2021-08-10 14:00'; Requester = 'arn:aws:iam::123456789012:user/alice'; Hour = (T '2021-08-10T14:00:00Z'); Requests = 2; Errors = 0; BytesSent = 96422; DistinctRemoteIps = 1; FirstSeen = (T '2021-08-10T14:02:20Z'); LastSeen = (T '2021-08-10T14:05:11Z'); TotalTimeMsP50 = 12.5; TotalTimeMsP95 = 14 }
        New-Row S3Audit.S3AuditLogSummary @{ Requests = 41; Errors = 9; BytesSent = 131577; DistinctRemoteIps = 16; FirstSeen = (T '2008-03-14T17:49:09Z'); LastSeen = (T '2026-11-21T13:19:29Z'); TotalTimeMsP50 = 1; TotalTimeMsP95 = 38 }
    )

    $samples['S3Audit.S3AuditLogExportFile'] = @(
        New-Row S3Audit.S3AuditLogExportFile @{ Path = '/srv/lake/source=aws_access_log/year=2026/month=11/day=20/20261203T023012Z-4a0dcca9-00001.parquet'; Partition = 'source=aws_access_log/year=2026/month=11/day=20'
            Source = 'AwsAccessLog'; Rows = 1048576; Bytes = 134217728; RowGroups = 11; FirstTime = (T '2026-11-20T00:00:03Z'); LastTime = (T '2026-11-20T23:59:58Z') }
        New-Row S3Audit.S3AuditLogExportFile @{ Path = 's3://my-lake/audit/source=lyve_account_api/year=2026/month=12/day=02/20261203T023012Z-4a0dcca9-00002.parquet'; Partition = 'source=lyve_account_api/year=2026/month=12/day=02'
            Source = 'LyveAccountApi'; Rows = 2; Bytes = 4811; RowGroups = 1; FirstTime = (T '2026-12-02T10:00:00Z'); LastTime = (T '2026-12-02T10:15:00Z') }
    )

    $samples['S3Audit.S3AuditLogExportSummary'] = @(
        New-Row S3Audit.S3AuditLogExportSummary @{ Destination = 's3://my-lake/audit/'; StartTime = (T '2026-12-03T02:30:00Z'); EndTime = (T '2026-12-03T02:41:12Z'); SourcesRead = 1440; SourcesSkipped = 28800; SourcesFailed = 1
            Rows = 12582912; Files = 14; Bytes = 1610612736; Partitions = 3; FirstTime = (T '2026-12-01T00:00:00Z'); LastTime = (T '2026-12-02T23:59:59Z'); Manifest = 's3://my-lake/audit/_s3audit/manifest.json' }
        New-Row S3Audit.S3AuditLogExportSummary @{ Destination = '/srv/lake'; StartTime = (T '2026-12-03T02:30:00Z'); EndTime = (T '2026-12-03T02:30:01Z'); SourcesRead = 0; SourcesSkipped = 3; SourcesFailed = 0
            Rows = 0; Files = 0; Bytes = 0; Partitions = 0; Manifest = '/srv/lake/_s3audit/manifest.json' }
    )

    $samples['S3Audit.S3AuditProxy'] = @(
        New-Row S3Audit.S3AuditProxy @{ Id = 1; Endpoint = 'http://127.0.0.1:9000'; Upstream = 'https://sos-ch-gva-2.exo.io'; LogPath = '/var/log/s3gateway'
            CurrentLogFile = '/var/log/s3gateway/2026-12-03-02-00-00-5F1C3A9B7D2E4F60'; State = 'Running'; Requests = 184220; Errors = 12; ActiveRequests = 3
            BytesIn = 53687091200; BytesOut = 1073741824; AccessKeyId = '****WXYZ'; StartTime = (T '2026-12-02T18:00:00Z') }
        New-Row S3Audit.S3AuditProxy @{ Id = 2; Endpoint = 'https://10.0.0.5:9443'; Upstream = 'http://rgw.backup.internal.example:7480'; LogPath = '/srv/s3audit/gateway-logs'
            CurrentLogFile = ''; State = 'Stopped'; Requests = 0; Errors = 0; LogLinesDropped = 2; LogError = "The log folder '/srv/s3audit/gateway-logs' is full."
            AccessKeyId = '****BKUP'; StartTime = (T '2026-12-03T01:00:00Z'); StopTime = (T '2026-12-03T01:05:00Z') }
    )

    $samples
}

Export-ModuleMember -Function Get-S3AuditViewSample
