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

    It 'reads -ThrottleLimit buckets at once (1 to 64, default 4)' {
        $command.Parameters['ThrottleLimit'].ParameterType | Should -Be ([int])
        { Get-S3AuditBucket -ThrottleLimit 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,S3Audit.Commands.Cmdlets.GetS3AuditBucketCommand'
    }

    Context 'when the endpoint cannot be reached at all' {
        BeforeAll {
            $keys = @{ AccessKey = 'AKIDPESTER'; SecretKey = (ConvertTo-SecureString 'pester-secret' -AsPlainText -Force); Region = 'us-east-1'; Provider = 'Ceph' }
            $port = Get-RefusedPort
        }

        It 'a refused port: Get-S3AuditBucket -EndpointUrl http://127.0.0.1:<port> -BucketName a,b is one terminating EndpointUnreachable and no row' {
            $run = Invoke-Counted { Get-S3AuditBucket -EndpointUrl "http://127.0.0.1:$port" -BucketName a, b @keys }
            Write-Host ("    measured: {0:N2} s, {1} error(s)" -f $run.Seconds, $run.Errors.Count)
            $run.Errors.Count | Should -Be 1
            $run.Terminating.FullyQualifiedErrorId | Should -Be 'EndpointUnreachable,S3Audit.Commands.Cmdlets.GetS3AuditBucketCommand'
            $run.Terminating.CategoryInfo.Category | Should -Be 'ConnectionError'
            $run.Terminating.TargetObject | Should -Be "http://127.0.0.1:$port"
            $run.Terminating.Exception.Message | Should -Be "Cannot connect to http://127.0.0.1:$($port): 127.0.0.1:$port refused the connection: nothing listens on that port, or a firewall rejects it. Nothing was read from it."
            $run.Output | Should -BeNullOrEmpty
            $run.Warnings | Should -BeNullOrEmpty
        }

        It 'an unresolvable host: Get-S3AuditBucket -EndpointUrl http://s3audit.invalid -BucketName a,b names the DNS failure' {
            $run = Invoke-Counted { Get-S3AuditBucket -EndpointUrl http://s3audit.invalid -BucketName a, b @keys }
            Write-Host ("    measured: {0:N2} s, {1} error(s)" -f $run.Seconds, $run.Errors.Count)
            $run.Errors.Count | Should -Be 1
            $run.Terminating.FullyQualifiedErrorId | Should -BeLike 'EndpointUnreachable,*'
            $run.Terminating.Exception.Message | Should -BeLike "Cannot connect to http://s3audit.invalid: the host name 's3audit.invalid' could not be resolved (DNS: *"
        }

        It 'a malformed -EndpointUrl, or -Provider Ceph without one, is InvalidEndpoint without a .NET parameter name' {
            $err = { Get-S3AuditBucket -EndpointUrl 'ftp:/x' @keys -ErrorAction Stop } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -Be 'InvalidEndpoint,S3Audit.Commands.Cmdlets.GetS3AuditBucketCommand'
            $err.Exception.Message | Should -Be "-EndpointUrl 'ftp:/x' is not an absolute http or https URL, for example https://sos-ch-gva-2.exo.io."
            $err = { Get-S3AuditBucket @keys -ErrorAction Stop } | Should -Throw -PassThru
            $err.Exception.Message | Should -BeLike '-Provider Ceph needs -EndpointUrl (for example http://rgw.example.com:7480)*'
        }

        It 'never says "see inner exception" and never prints the secret' {
            $run = Invoke-Counted { Get-S3AuditBucket -EndpointUrl "http://127.0.0.1:$port" @keys }
            ($run.Errors | Out-String -Width 200) | Should -Not -BeLike '*inner exception*'
            ($run.Errors | Out-String -Width 200) | Should -Not -BeLike '*pester-secret*'
        }
    }

    Context 'against the test server (bash tests/run-tests.sh exports S3_ENDPOINT)' -Tag 'Server' {
        BeforeAll {
            $connection = Get-S3TestConnection
            Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
        }
        AfterAll {
            Remove-S3Fixture
        }

        It 'reads each piped bucket once and reports a missing one as BucketNotFound without a row' {
            $bucket = "pester-pos-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
            $rows = [pscustomobject]@{ BucketName = $bucket }, [pscustomobject]@{ BucketName = $bucket }
            $results = $rows | Get-S3AuditBucket @connection -ErrorAction SilentlyContinue -ErrorVariable errors
            $results | Should -BeNullOrEmpty
            @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'BucketNotFound*' }).Count | Should -Be 1
            $errors[0].TargetObject | Should -Be $bucket
        }

        It 'an https URL at the plain-HTTP port is one EndpointUnreachable naming the TLS handshake' {
            $https = $env:S3_ENDPOINT -replace '^http:', 'https:'
            $run = Invoke-Counted { Get-S3AuditBucket -BucketName a, b @connection -EndpointUrl $https }
            Write-Host ("    measured: {0:N2} s, {1} error(s)" -f $run.Seconds, $run.Errors.Count)
            $run.Errors.Count | Should -Be 1
            $run.Terminating.FullyQualifiedErrorId | Should -BeLike 'EndpointUnreachable,*'
            $run.Terminating.Exception.Message | Should -BeLike "*the TLS handshake with * failed (*); if the endpoint serves plain HTTP on this port, use $($env:S3_ENDPOINT.TrimEnd('/'))*"
        }

        It 'a wrong secret is one CredentialsRejected for the run, not one error per call' {
            $mine = New-S3FixtureBucket -Prefix 'pester-mine'
            $wrong = $connection.Clone()
            $wrong.SecretKey = ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force
            $run = Invoke-Counted { Get-S3AuditBucket -BucketName $mine, other-bucket @wrong }
            Write-Host ("    measured: {0:N2} s, {1} error(s)" -f $run.Seconds, $run.Errors.Count)
            $run.Errors.Count | Should -Be 1
            $run.Terminating.FullyQualifiedErrorId | Should -Be 'CredentialsRejected,S3Audit.Commands.Cmdlets.GetS3AuditBucketCommand'
            $run.Terminating.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $run.Terminating.Exception.Message | Should -BeLike '*rejected the credentials*'
            $run.Terminating.Exception.Message | Should -Not -BeLike '*not-the-secret*'
            $run.Output | Should -BeNullOrEmpty
            $run.Warnings | Should -BeNullOrEmpty
        }

        It 'a denied bucket (another user''s) is one BucketAccessDenied naming its calls, and its row is still written' {
            $mine = New-S3FixtureBucket -Prefix 'pester-mine'
            $theirs = New-S3FixtureBucket -Prefix 'pester-theirs' -AsRoot

            $run = Invoke-Counted { Get-S3AuditBucket -BucketName $theirs, $mine @connection -ErrorAction Continue }
            Write-Host ("    measured: {0:N2} s, {1} error(s)" -f $run.Seconds, $run.Errors.Count)
            $run.Terminating | Should -BeNullOrEmpty
            $run.Errors.Count | Should -Be 1
            $run.Errors[0].FullyQualifiedErrorId | Should -Be 'BucketAccessDenied,S3Audit.Commands.Cmdlets.GetS3AuditBucketCommand'
            $run.Errors[0].TargetObject | Should -Be $theirs
            $run.Errors[0].Exception.Message | Should -BeLike "9 calls on bucket '$theirs' failed (GetBucketPolicy, *): access denied: AccessDenied (HTTP 403)*"
            $run.Output.BucketName | Should -Be @($theirs, $mine)
        }

        It 'keeps the order of the buckets with -ThrottleLimit and writes progress per bucket' {
            $buckets = 1..6 | ForEach-Object { New-S3FixtureBucket -Prefix "pester-thr$_" }
            # Progress cannot be redirected: a second PowerShell in this process runs the command line and keeps its streams.
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddCommand('Import-Module').AddParameter('Name', (Get-S3AuditManifestPath)).AddStatement()
                $null = $ps.AddCommand('Get-S3AuditBucket').AddParameters($connection).AddParameter('BucketName', $buckets).AddParameter('ThrottleLimit', 3)
                $rows = $ps.Invoke()
                $ps.Streams.Error | Should -BeNullOrEmpty
                $rows.BucketName | Should -Be $buckets
                $progress = @($ps.Streams.Progress | Where-Object Activity -eq 'Get-S3AuditBucket')
                $progress.StatusDescription | Should -Contain '1 of 6 bucket(s) read'
                $progress.StatusDescription | Should -Contain '6 of 6 bucket(s) read'
                $progress[-1].RecordType | Should -Be 'Completed'
            }
            finally {
                $ps.Dispose()
            }
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
