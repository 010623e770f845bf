#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The PowerShell surface of Get-S3AuditBucket.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
    Import-S3AuditModule
    $command = Get-Command Get-S3AuditBucket
}

Describe 'Get-S3AuditBucket' {
    It 'is exported with its output types' {
        $command.CommandType | Should -Be 'Cmdlet'
        $command.OutputType.Name | Should -Contain 'S3Audit.S3AuditBucket'
        $command.OutputType.Name | Should -Contain 'S3Audit.S3AuditBucketFinding'
    }

    It 'declares its own parameters and the common connection parameters' {
        foreach ($name in 'BucketName', 'RequireKms', 'RequireObjectLock', 'Detailed', 'EndpointUrl', 'Credential', 'Provider') {
            $command.Parameters.Keys | Should -Contain $name
        }

        $command.Parameters['RequireKms'].ParameterType | Should -Be ([switch])
    }

    It 'binds BucketName from the pipeline by value and by property name' {
        $attribute = $command.Parameters['BucketName'].Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | Select-Object -First 1
        $attribute.ValueFromPipeline | Should -BeTrue
        $attribute.ValueFromPipelineByPropertyName | Should -BeTrue
    }

    It 'changes nothing, so it does not offer -WhatIf' {
        $command.Parameters.Keys | Should -Not -Contain 'WhatIf'
    }

    It 'has table views and help' {
        (Get-FormatData -TypeName S3Audit.S3AuditBucket).FormatViewDefinition.Control | ForEach-Object { $_.GetType().Name } | Should -Contain 'TableControl'
        (Get-FormatData -TypeName S3Audit.S3AuditBucketFinding) | Should -Not -BeNullOrEmpty
        @((Get-Help Get-S3AuditBucket -Full).Examples.Example).Count | Should -BeGreaterOrEqual 2
    }

    Context 'against the test server (bash tests/run-tests.sh exports S3_ENDPOINT)' -Tag 'Server' {
        BeforeAll {
            $connection = Get-S3TestConnection
        }

        It 'reads each piped bucket once and reports a missing one as BucketNotFound without a row' {
            $bucket = "pester-pos-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
            $rows = [pscustomobject]@{ BucketName = $bucket }, [pscustomobject]@{ BucketName = $bucket }
            $results = $rows | Get-S3AuditBucket @connection -ErrorAction SilentlyContinue -ErrorVariable errors
            $results | Should -BeNullOrEmpty
            @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'BucketNotFound*' }).Count | Should -Be 1
            $errors[0].TargetObject | Should -Be $bucket
        }
    }
    # Issue 13, as an admin composes a review: rows that filter and sort right, yes/no values that are booleans.
    Context 'filtering and sorting the rows of the test server' -Tag 'Server' {
        BeforeAll {
            $connection = Get-S3TestConnection
            $writable = New-S3FixtureBucket 'pester-sev-pubw' -Acl 'public-read-write'
            $readable = New-S3FixtureBucket 'pester-sev-pub' -Acl 'public-read'
            $logs = New-S3FixtureBucket 'pester-sev-logs'
            $logged = New-S3FixtureBucket 'pester-sev-logged'
            $null = Enable-S3AccessLogging @connection -BucketName $logged -TargetBucketName $logs -Confirm:$false
            $plain = New-S3FixtureBucket 'pester-sev-plain'
            # Owned by the account root: the plain user "test" can read none of its settings.
            $foreign = New-S3FixtureBucket 'pester-sev-foreign' -AsRoot
            $findings = Get-S3AuditBucket @connection $writable -Detailed
            $rows = Get-S3AuditBucket @connection $logged, $plain, $foreign -ErrorAction SilentlyContinue
        }
        AfterAll { Remove-S3Fixture }

        It 'Where-Object Severity -ge High keeps exactly the High and Critical findings' {
            $findings | ForEach-Object { $_.Severity | Should -BeOfType ([S3Audit.S3AuditSeverity]) }
            $high = @($findings | Where-Object Severity -ge High)
            $high.CheckId | Sort-Object | Should -Be @('BlockPublicAccessIncomplete', 'PublicExposure')
            ($findings | Where-Object CheckId -eq PublicExposure).Severity | Should -Be 'Critical'
            @($findings | Where-Object Severity -eq Medium).Count | Should -Be ($findings.Count - 2)
        }

        It 'Sort-Object Severity -Descending puts Critical first and Medium last' {
            $sorted = @($findings | Sort-Object Severity -Descending)
            $sorted[0].CheckId | Should -Be 'PublicExposure'
            $sorted[1].CheckId | Should -Be 'BlockPublicAccessIncomplete'
            $sorted[-1].Severity | Should -Be 'Medium'
        }

        It 'rates a public-read bucket High, as Test-S3PublicExposure rates its cause' {
            $public = Get-S3AuditBucket @connection $readable -Detailed | Where-Object CheckId -eq PublicExposure
            $public.Severity | Should -Be 'High'
            (Test-S3PublicExposure @connection $readable -Detailed | Sort-Object Severity -Descending | Select-Object -First 1).Severity | Should -Be 'High'
        }

        It 'gives a check that could not be made Result Unknown and its own severity, never a pass' {
            $unknown = @(Get-S3AuditBucket @connection $foreign -Detailed -ErrorAction SilentlyContinue)
            $unknown | Should -Not -BeNullOrEmpty
            $unknown | ForEach-Object { $_.Result | Should -Be 'Unknown' }
            ($unknown | Where-Object CheckId -eq LoggingOff).Severity | Should -Be 'Medium'
            ($unknown | Where-Object CheckId -eq PublicExposure).Severity | Should -Be 'High'
            @($unknown | Where-Object Severity -ge High).CheckId | Should -Contain 'PublicExposure'
        }

        It 'has booleans for yes/no settings, null where the setting could not be read' {
            foreach ($name in 'MfaDelete', 'ObjectLockEnabled', 'BucketKeyEnabled', 'LoggingEnabled', 'BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets', 'HasPolicy', 'SecureTransportEnforced', 'WebsiteEnabled') {
                [S3Audit.S3AuditBucket].GetProperty($name).PropertyType | Should -Be ([Nullable[bool]]) -Because $name
            }
            [S3Audit.LyveAuditTarget].GetProperty('ObjectLockEnabled').PropertyType | Should -Be ([Nullable[bool]])
            ($rows | Where-Object BucketName -eq $logged).LoggingEnabled | Should -BeExactly $true
            ($rows | Where-Object BucketName -eq $plain).LoggingEnabled | Should -BeExactly $false
            ($rows | Where-Object BucketName -eq $foreign).LoggingEnabled | Should -BeNullOrEmpty
            ($rows | Where-Object BucketName -eq $foreign).Unreadable | Should -Match 'LoggingEnabled: '
        }

        It 'Where-Object { -not $_.LoggingEnabled } takes the buckets without logging and the unread one; -eq $false only those known off' {
            @($rows | Where-Object { -not $_.LoggingEnabled }).BucketName | Sort-Object | Should -Be (@($plain, $foreign) | Sort-Object)
            @($rows | Where-Object LoggingEnabled -eq $false).BucketName | Should -Be @($plain)
            @($rows | Where-Object LoggingEnabled -eq $null).BucketName | Should -Be @($foreign)
        }

        It '... | Enable-S3AccessLogging -WhatIf previews the bucket without logging and reports the unread one, writing nothing' {
            $policyBefore = (Invoke-S3Fixture getPolicy @{ bucket = $logs }).policy
            $preview = $rows | Where-Object { -not $_.LoggingEnabled } |
                Enable-S3AccessLogging @connection -TargetBucketName $logs -WhatIf -PassThru -ErrorVariable refused -ErrorAction SilentlyContinue 6>$null
            @($preview).BucketName | Should -Be @($plain)
            $preview.Action | Should -Be 'WhatIf'
            @($refused).Count | Should -Be 1
            $refused[0].TargetObject | Should -Be $foreign
            # Nothing was written: the plain bucket still logs nowhere, the log bucket's policy is as it was.
            (Get-S3AuditBucket @connection $plain).LoggingEnabled | Should -BeExactly $false
            (Invoke-S3Fixture getPolicy @{ bucket = $logs }).policy | Should -BeExactly $policyBefore
        }

        It 'counts its findings in FindingCount, the name every output type uses' {
            $row = Get-S3AuditBucket @connection $writable
            $row.FindingCount | Should -Be $findings.Count
            (Test-S3PublicExposure @connection $writable).FindingCount | Should -BeOfType ([int])
            [S3Audit.S3AuditCredential].GetProperty('FindingCount').PropertyType | Should -Be ([int])
        }

        It 'gives a bucket the Region Get-S3AuditAcl gives it' {
            $region = (Get-S3AuditBucket @connection $plain).Region
            $region | Should -Not -BeNullOrEmpty
            (Get-S3AuditAcl @connection $plain).Region | Sort-Object -Unique | Should -Be $region
        }

        It 'says once, with -Verbose, which region it uses when none was given' {
            $noRegion = $connection.Clone()
            $noRegion.Remove('Region')
            $saved = $env:AWS_REGION, $env:AWS_DEFAULT_REGION
            $env:AWS_REGION = $null; $env:AWS_DEFAULT_REGION = $null
            try { $verbose = Get-S3AuditBucket @noRegion $plain -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } }
            finally { $env:AWS_REGION, $env:AWS_DEFAULT_REGION = $saved }
            $said = @($verbose.Message | Where-Object { $_ -match 'region' })
            $said | Should -Be @('No region was given; using us-east-1.')
        }
    }
}
