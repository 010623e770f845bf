# Pester 5. Start-, Get-, Stop-S3AuditProxy as a user runs them: start the gateway in the session, use it with the
# module's own cmdlets against RGW, stop it, and read its log back with Get-S3AuditLogEntry.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
    Import-S3AuditModule
    function New-LogFolder { Join-Path ([IO.Path]::GetTempPath()) "s3audit-gw-$([guid]::NewGuid().ToString('N').Substring(0, 8))" }
    # The gateway is tested on PowerShell 7 only; on Windows PowerShell it stops with FeatureNotSupported (first test).
    $desktop = $PSVersionTable.PSEdition -eq 'Desktop'
}

Describe 'Start-S3AuditProxy' {
    Context 'without a server' {
        It 'starts on PowerShell 7 and stops with FeatureNotSupported on Windows PowerShell' {
            $secret = ConvertTo-SecureString x -AsPlainText -Force
            if ($desktop) {
                { Start-S3AuditProxy -Upstream http://127.0.0.1:9 -LogPath (New-LogFolder) -AccessKey AK -SecretKey $secret -ErrorAction Stop } |
                    Should -Throw -ErrorId 'FeatureNotSupported,S3Audit.Commands.Cmdlets.StartS3AuditProxyCommand'
            }
            else {
                $gw = Start-S3AuditProxy -Upstream http://127.0.0.1:9 -LogPath (New-LogFolder) -AccessKey AK -SecretKey $secret
                $gw.State | Should -Be 'Running'
                Stop-S3AuditProxy -Id $gw.Id -PassThru | Select-Object -ExpandProperty State | Should -Be 'Stopped'
            }
        }

        It 'refuses to listen on another address without TLS, before binding anything' {
            if ($desktop) { return }
            { Start-S3AuditProxy -Upstream http://127.0.0.1:1 -LogPath (New-LogFolder) -ListenAddress 0.0.0.0 -AccessKey AK -SecretKey (ConvertTo-SecureString x -AsPlainText -Force) -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidArgument,S3Audit.Commands.Cmdlets.StartS3AuditProxyCommand' -ExpectedMessage '*-AllowPlainHttp*'
            Get-S3AuditProxy | Should -BeNullOrEmpty
        }

        It 'starts nothing with -WhatIf' {
            if ($desktop) { return }
            $logs = New-LogFolder
            Start-S3AuditProxy -Upstream http://127.0.0.1:9 -LogPath $logs -AccessKey AK -SecretKey (ConvertTo-SecureString x -AsPlainText -Force) -WhatIf | Should -BeNullOrEmpty
            Get-S3AuditProxy | Should -BeNullOrEmpty
            Test-Path $logs | Should -BeFalse
        }

        It 'rejects an upstream that is not an http or https URL' {
            if ($desktop) { return }
            { Start-S3AuditProxy -Upstream 'ftp://example' -LogPath (New-LogFolder) -AccessKey AK -SecretKey (ConvertTo-SecureString x -AsPlainText -Force) -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidEndpoint,S3Audit.Commands.Cmdlets.StartS3AuditProxyCommand'
        }

        It 'logs a 503 for an upstream that cannot be reached, and Get-/Stop- work by pipeline' {
            if ($desktop) { return }
            $logs = New-LogFolder
            $secret = ConvertTo-SecureString 'gateway-test-secret' -AsPlainText -Force
            $gw = Start-S3AuditProxy -Upstream "http://127.0.0.1:9" -LogPath $logs -AccessKey AKIDGATEWAYTEST -SecretKey $secret -Region us-east-1
            $gw.State | Should -Be 'Running'
            $gw.Endpoint | Should -Match '^http://127\.0\.0\.1:\d+$'
            { Get-S3AuditBucket -BucketName nowhere -EndpointUrl $gw.Endpoint -AccessKey AKIDGATEWAYTEST -SecretKey $secret -Provider Ceph -ErrorAction Stop } | Should -Throw
            (Get-S3AuditProxy -Id $gw.Id).Errors | Should -BeGreaterThan 0
            Get-S3AuditProxy -Id $gw.Id | Stop-S3AuditProxy -WhatIf
            (Get-S3AuditProxy -Id $gw.Id).State | Should -Be 'Running'
            $stopped = Get-S3AuditProxy -Id $gw.Id | Stop-S3AuditProxy -PassThru
            $stopped.State | Should -Be 'Stopped'
            $stopped.StopTime | Should -Not -BeNullOrEmpty
            Get-S3AuditProxy -Id $gw.Id -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
            $missing[0].FullyQualifiedErrorId | Should -BeLike 'ProxyNotFound,*'

            $entries = Get-S3AuditLogEntry -Path $logs
            $entries.Count | Should -Be $stopped.Requests
            $entries | ForEach-Object { $_.HttpStatus | Should -Be 503; $_.ErrorCode | Should -Be 'ServiceUnavailable'; $_.Requester | Should -Be 'AKIDGATEWAYTEST' }
            Get-Content (Get-ChildItem $logs).FullName | Should -Not -Match 'gateway-test-secret'
            (Get-ChildItem $logs).Name | Should -Match '^\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9A-F]{16}$'
        }

        It 'runs in the foreground with -Wait and stops cleanly when the pipeline is stopped (as Ctrl+C does)' {
            if ($desktop) { return }
            $logs = New-LogFolder
            $ps = [powershell]::Create()
            $null = $ps.AddScript({
                param($module, $logs)
                Import-Module $module
                Start-S3AuditProxy -Upstream http://127.0.0.1:9 -LogPath $logs -AccessKey AKIDWAIT -SecretKey (ConvertTo-SecureString x -AsPlainText -Force) -Wait
            }).AddArgument((Get-S3AuditManifestPath)).AddArgument($logs)
            $async = $ps.BeginInvoke()
            $deadline = (Get-Date).AddSeconds(30)
            while (-not ($gw = Get-S3AuditProxy | Where-Object AccessKeyId -eq 'AKIDWAIT') -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $gw | Should -Not -BeNullOrEmpty
            $ps.InvocationStateInfo.State | Should -Be 'Running'
            { Invoke-WebRequest "$($gw.Endpoint)/bucket/key" -SkipHttpErrorCheck -TimeoutSec 10 } | Should -Not -Throw
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            Get-S3AuditProxy | Where-Object AccessKeyId -eq 'AKIDWAIT' | Should -BeNullOrEmpty
            { Invoke-WebRequest "$($gw.Endpoint)/bucket/key" -TimeoutSec 5 } | Should -Throw
            $entry = Get-S3AuditLogEntry -Path $logs
            $entry.Operation | Should -Be 'GetObject'
            $entry.HttpStatus | Should -Be 503
            $ps.Dispose()
        }

        It 'shows a table at 80 and 120 columns and a list' {
            if ($desktop) { return }
            $gw = Start-S3AuditProxy -Upstream http://127.0.0.1:9 -LogPath (New-LogFolder) -AccessKey AK -SecretKey (ConvertTo-SecureString x -AsPlainText -Force)
            try {
                $table80 = $gw | Format-Table | Out-String -Width 80
                $table80 | Should -Match 'Endpoint'
                $table80 | Should -Match 'Running'
                ($table80 -split "`n" | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
                $gw | Format-Table | Out-String -Width 120 | Should -Match 'Upstream'
                $gw | Format-List | Out-String -Width 80 | Should -Match 'LogPath'
                ($gw | ConvertTo-Csv | Select-Object -First 1) | Should -Match '"Endpoint"'
            }
            finally {
                Stop-S3AuditProxy -All
            }
        }
    }

    Context 'in front of the test server (bash tests/run-tests.sh exports S3_ENDPOINT)' -Tag 'Server' {
        BeforeAll {
            $connection = Get-S3TestConnection
            $upstream = $connection.EndpointUrl
            $connection.Remove('EndpointUrl')
            $bucket = New-S3FixtureBucket 'pester-gateway'
        }

        AfterEach { Stop-S3AuditProxy -All }
        AfterAll { Remove-S3Fixture }

        It 'forwards the module''s own requests and Get-S3AuditLogEntry reads every one back' {
            $logs = New-LogFolder
            $gw = Start-S3AuditProxy -Upstream $upstream -LogPath $logs @connection -Requester 'pester-agent'
            $buckets = Get-S3AuditBucket -EndpointUrl $gw.Endpoint @connection -ForcePathStyle
            $buckets.BucketName | Should -Contain $bucket
            $acl = Get-S3AuditAcl -BucketName $bucket -EndpointUrl $gw.Endpoint @connection
            $acl | Should -Not -BeNullOrEmpty
            $final = Stop-S3AuditProxy -Id $gw.Id -PassThru
            $final.Requests | Should -BeGreaterThan 2

            $entries = Get-S3AuditLogEntry -Path $logs
            $entries.Count | Should -Be $final.Requests
            ($entries | Where-Object HttpStatus -ge 400).Count | Should -Be $final.Errors
            $entries | ForEach-Object { $_.Source | Should -Be 'AwsAccessLog'; $_.Requester | Should -Be 'pester-agent'; $_.RequestId | Should -Not -BeNullOrEmpty }
            $entries.Operation | Should -Contain 'ListBuckets'
            $entries.Operation | Should -Contain 'GetBucketAcl'
            ($entries | Where-Object { $_.Operation -eq 'GetBucketAcl' -and $_.BucketName -eq $bucket }).HttpStatus | Should -Contain 200
            $summary = Get-S3AuditLogEntry -Path $logs | Measure-S3AuditLog -GroupBy Operation
            ($summary | Measure-Object Requests -Sum).Sum | Should -Be $final.Requests
            Get-ChildItem $logs | Get-Content | Should -Not -Match ([regex]::Escape($env:S3_SECRET_KEY))
        }

        It 'refuses a wrong secret with SignatureDoesNotMatch and logs it' {
            $logs = New-LogFolder
            $gw = Start-S3AuditProxy -Upstream $upstream -LogPath $logs @connection
            $wrong = ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force
            { Get-S3AuditBucket -BucketName any-bucket -EndpointUrl $gw.Endpoint -AccessKey $env:S3_ACCESS_KEY -SecretKey $wrong -Provider Ceph -ErrorAction Stop } | Should -Throw
            Stop-S3AuditProxy -Id $gw.Id
            $refused = Get-S3AuditLogEntry -Path $logs | Where-Object ErrorCode -eq 'SignatureDoesNotMatch'
            $refused | Should -Not -BeNullOrEmpty
            $refused | ForEach-Object { $_.HttpStatus | Should -Be 403 }
        }

        It 'runs help example 1 as written (the upstream and keys come from the test server)' {
            $code = (Get-Help Start-S3AuditProxy -Full).Examples.Example[0].Code
            $code | Should -Match 'Start-S3AuditProxy'
            $folder = New-LogFolder
            New-Item -ItemType Directory $folder | Out-Null
            Push-Location $folder
            $saved = $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY, $env:AWS_REGION
            try {
                $env:AWS_ACCESS_KEY_ID = $env:S3_ACCESS_KEY; $env:AWS_SECRET_ACCESS_KEY = $env:S3_SECRET_KEY; $env:AWS_REGION = 'us-east-1'
                $output = & ([scriptblock]::Create($code.Replace('https://sos-ch-gva-2.exo.io', $upstream))) | Out-String -Width 120
                $output | Should -Match 'REST|ListBuckets|HeadBucket|GetBucketVersioning'
                (Get-S3AuditLogEntry -Path ./gateway-logs).Count | Should -BeGreaterThan 0
            }
            finally {
                $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY, $env:AWS_REGION = $saved
                Pop-Location
            }
        }
    }
}
