# Tab completion as AWS.Tools users expect it: -Region (Exoscale zones or AWS regions), -ProfileName (profiles of the
# credentials file) and -BucketName (the buckets the connection typed so far can list), through TabExpansion2 as the
# console calls it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
    function Complete([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }
}

Describe 'Argument completion' -Tag 'CI' {
    It 'completes -Region with AWS regions' {
        $matches = Complete 'Get-S3AuditBucket -Region eu-cen'
        $matches.CompletionText | Should -Contain 'eu-central-1'
        $matches.CompletionText | ForEach-Object { $_ | Should -BeLike 'eu-cen*' }
        ($matches | Where-Object CompletionText -eq 'eu-central-1').ToolTip | Should -Match 'Frankfurt'
    }

    It 'completes -Region with Exoscale zones when the endpoint is Exoscale' {
        $matches = Complete 'Get-S3AuditAcl -EndpointUrl https://sos-ch-gva-2.exo.io -Region ch-'
        @($matches.CompletionText) | Should -Be @('ch-dk-2', 'ch-gva-2')
    }

    It 'completes -ProfileName from -ProfileLocation' {
        $file = Join-Path $TestDrive 'credentials'
        "[audit-prod]`naws_access_key_id = AKIDPROD`naws_secret_access_key = x`n[audit-dr]`naws_access_key_id = AKIDDR`naws_secret_access_key = y`n[other]`naws_access_key_id = AKIDO`naws_secret_access_key = z" | Set-Content $file
        $matches = Complete "Get-S3AuditBucket -ProfileLocation '$file' -ProfileName audit"
        @($matches.CompletionText) | Should -Be @('audit-dr', 'audit-prod')
    }

    It 'offers nothing for -BucketName, quickly, when the endpoint cannot be reached' {
        $secret = 'x'
        $elapsed = Measure-Command { $matches = Complete "Get-S3AuditBucket -EndpointUrl http://127.0.0.1:1 -AccessKey a -SecretKey (ConvertTo-SecureString '$secret' -AsPlainText -Force) -BucketName b" }
        $matches | Should -BeNullOrEmpty
        Write-Host "Completion against a closed port answered in $([int]$elapsed.TotalMilliseconds) ms."
    }

    It 'declares the bucket completer on every storage cmdlet''s bucket parameters' {
        foreach ($command in Get-Command -Module S3Audit | Where-Object { $_.Parameters.ContainsKey('EndpointUrl') }) {
            foreach ($name in 'BucketName', 'TargetBucketName' | Where-Object { $command.Parameters.ContainsKey($_) }) {
                if ($command.Name -eq 'Get-LyveAuditTarget') { continue }   # recorded targets, not a listing
                $completer = $command.Parameters[$name].Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }
                $completer.Type.Name | Should -Be 'BucketNameCompleter' -Because "$($command.Name) -$name"
            }
        }
    }
}

Describe 'Argument completion against the test server' -Tag 'Server' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
        Assert-S3TestServer
        $bucket = New-S3FixtureBucket 'pester-complete'
        $global:CompletionSecret = ConvertTo-SecureString $env:S3_SECRET_KEY -AsPlainText -Force
        $connection = "-EndpointUrl $env:S3_ENDPOINT -AccessKey $env:S3_ACCESS_KEY -SecretKey `$CompletionSecret -Provider Ceph"
        # A session has already run a command, so the SDK's first-use cost is not part of the completion's few seconds.
        $splat = Get-S3TestConnection
        $null = Get-S3AuditBucket -BucketName $bucket @splat
    }
    AfterAll {
        Remove-Variable CompletionSecret -Scope Global
        Remove-S3Fixture
    }

    It 'completes -BucketName with the buckets the typed connection lists' {
        $matches = Complete "Get-S3AuditBucket $connection -BucketName pester-compl"
        $matches.CompletionText | Should -Contain $bucket
        $matches.CompletionText | ForEach-Object { $_ | Should -BeLike 'pester-compl*' }
    }

    It 'completes a piped cmdlet''s -TargetBucketName too' {
        $matches = Complete "Enable-S3AccessLogging $connection -BucketName x -TargetBucketName pester-compl"
        $matches.CompletionText | Should -Contain $bucket
    }
}
