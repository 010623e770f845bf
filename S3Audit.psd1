@{
    RootModule           = 'S3Audit.Commands.dll'
    ModuleVersion        = '{{ModuleVersion}}'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '5f0c2b8e-8a4e-4a57-9d0b-3f7f6c1e2a41'
    Author               = 'S3Audit contributors'
    CompanyName          = 'S3Audit contributors'
    Copyright            = '(c) S3Audit contributors. MIT License.'
    Description          = 'Audits S3-compatible backup storage (AWS S3, Exoscale SOS, Seagate Lyve Cloud, MinIO and Ceph): ACLs and public exposure, bucket posture, access logging, audit logs, least-privilege policies and credentials.'
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @(
        'formats/S3Audit.Acl.Format.ps1xml',
        'formats/S3Audit.Audit.Format.ps1xml',
        'formats/S3Audit.Credentials.Format.ps1xml',
        'formats/S3Audit.Policies.Format.ps1xml',
        'formats/S3Audit.AccessLogging.Format.ps1xml',
        'formats/S3Audit.Lyve.Format.ps1xml',
        'formats/S3Audit.Exposure.Format.ps1xml',
        'formats/S3Audit.Bucket.Format.ps1xml',
        'formats/S3Audit.Logs.Format.ps1xml',
        'formats/S3Audit.Proxy.Format.ps1xml'
    )
    CmdletsToExport      = @(
        'Get-S3AuditAcl',
        'Get-S3AuditBucket',
        'Get-S3AuditCredential',
        'Get-S3AuditLogEntry',
        'Invoke-S3Audit',
        'Export-S3AuditReport',
        'New-S3AuditConfig',
        'New-S3LogStoragePolicy',
        'New-S3ReadOnlyLogPolicy',
        'Enable-S3AccessLogging',
        'Disable-S3AccessLogging',
        'Set-LyveAuditTarget',
        'Get-LyveAuditTarget',
        'Measure-S3AuditLog',
        'Export-S3AuditLog',
        'Get-S3AuditLogTable',
        'Test-S3PublicExposure',
        'Start-S3AuditProxy',
        'Get-S3AuditProxy',
        'Stop-S3AuditProxy'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('S3', 'Audit', 'Security', 'AWS', 'Exoscale', 'LyveCloud', 'MinIO', 'Ceph', 'Backup',
                             'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/s3audit/S3Audit'
            LicenseUri   = 'https://github.com/s3audit/S3Audit/blob/main/LICENSE'
            ReleaseNotes = 'See https://github.com/s3audit/S3Audit/blob/main/CHANGELOG.md'
        }
    }
}
