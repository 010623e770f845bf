#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
}

Describe 'Get-S3AuditCredential' {
    It 'is exported with its parameters and output type' {
        $command = Get-Command Get-S3AuditCredential -Module S3Audit
        foreach ($name in 'UserName', 'MaxKeyAgeDays', 'MaxUnusedDays', 'IncludeRoles', 'IamEndpointUrl', 'AccountId', 'AccountApiUrl', 'ThrottleLimit', 'EndpointUrl', 'Credential', 'Provider') {
            $command.Parameters.Keys | Should -Contain $name
        }
        $command.OutputType.Name | Should -Contain 'S3Audit.S3AuditCredential'
    }

    It 'binds UserName by property name' {
        $parameter = (Get-Command Get-S3AuditCredential).Parameters['UserName']
        $parameter.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipelineByPropertyName | Should -Contain $true
    }

    It 'defaults to the CIS thresholds' {
        $command = Get-Command Get-S3AuditCredential
        $command.ImplementingType::new().MaxKeyAgeDays | Should -Be 90
        $command.ImplementingType::new().MaxUnusedDays | Should -Be 45
    }

    It 'rejects a threshold below one day' {
        { Get-S3AuditCredential -MaxKeyAgeDays 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,S3Audit.Commands.Cmdlets.GetS3AuditCredentialCommand'
    }

    It 'refuses a provider without an IAM API, naming the alternative' {
        { Get-S3AuditCredential -EndpointUrl http://127.0.0.1:9 -Provider Minio -AccessKey minio -SecretKey (ConvertTo-SecureString x -AsPlainText -Force) -ErrorAction Stop } |
            Should -Throw -ErrorId 'FeatureNotSupported,S3Audit.Commands.Cmdlets.GetS3AuditCredentialCommand' -ExpectedMessage "Minio does not support IamApi. MinIO keeps its users, service accounts and policies behind its admin API*'mc admin user list'*"
    }

    Context 'against the test server as the plain RGW user "test" (outside any RGW account)' -Tag 'Server' {
        It 'is one IamNotAvailable saying why, not a 405 per call' {
            $connection = Get-S3TestConnection
            $run = Invoke-Counted { Get-S3AuditCredential @connection -IncludeRoles -ErrorAction Continue }
            $run.Errors.Count | Should -Be 1
            $run.Terminating.FullyQualifiedErrorId | Should -Be 'IamNotAvailable,S3Audit.Commands.Cmdlets.GetS3AuditCredentialCommand'
            $run.Terminating.CategoryInfo.Category | Should -Be 'NotImplemented'
            $run.Terminating.Exception.Message | Should -BeLike '*answered MethodNotAllowed to ListUsers: Ceph RGW serves the IAM API only to an RGW account''s root user and its IAM users*radosgw-admin user info*'
            $run.Output | Should -BeNullOrEmpty
        }
    }

    It 'asks for the Account API key on Lyve' {
        { Get-S3AuditCredential -Provider Lyve -ErrorAction Stop } | Should -Throw -ErrorId 'CredentialsNotFound,S3Audit.Commands.Cmdlets.GetS3AuditCredentialCommand'
    }

    It 'formats rows as a table with the masked key and findings' {
        $row = [S3Audit.S3AuditCredential]@{ UserName = 'alice'; IdentityType = 'User'; AccessKeyId = '****WXYZ'; KeyStatus = 'Active'; Findings = 'TwoActiveKeys'; Severity = 'Medium' }
        $text = $row | Format-Table | Out-String
        $text | Should -Match '\*\*\*\*WXYZ'
        $text | Should -Match 'TwoActiveKeys'
    }

    It 'writes flat rows that Export-Csv keeps whole' {
        $row = [S3Audit.S3AuditCredential]@{ UserName = 'alice'; Groups = 'admins; ops'; Findings = 'FullS3Access; KeyUnused (50 days > 45)' }
        $csv = $row | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $csv.Groups | Should -Be 'admins; ops'
        $csv.Findings | Should -Be 'FullS3Access; KeyUnused (50 days > 45)'
    }
}
