# Runs the module's documented examples as a user would type them: every cmdlet help example, the README's
# PowerShell blocks and about_S3Audit's. Each example runs in its own runspace (the module imported, its own copy of a
# small "world" folder as the current location) against the test RGW, with only the endpoint and credentials
# substituted: endpoint URLs in the text become the test server's, connection parameters default to its keys, and
# Get-Credential / Read-Host answer with them instead of prompting.

$script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

<#
.SYNOPSIS
    Every documented example, as a hashtable (Pester's -ForEach makes its keys variables): Source (help of a
    cmdlet, README.md, about_S3Audit), Name and Code.
#>
function Get-S3AuditExample {
    $module = Get-Module S3Audit
    foreach ($name in $module.ExportedCmdlets.Keys | Sort-Object) {
        $index = 0
        foreach ($example in @((Get-Help $name -Full).Examples.Example)) {
            $index++
            @{ Source = "Get-Help $name"; Name = "$name example $index"; Code = $example.Code.Trim() }
        }
    }

    $readme = Get-Content (Join-Path $script:Root 'README.md') -Raw
    $block = 0
    foreach ($match in [regex]::Matches($readme, '(?ms)^```powershell\r?\n(.*?)^```')) {
        $block++
        @{ Source = 'README.md'; Name = "README.md block $block"; Code = $match.Groups[1].Value.Trim() }
    }

    # A YAML profile in the README runs as a profile: written to a file, then Invoke-S3Audit.
    $block = 0
    foreach ($match in [regex]::Matches($readme, '(?ms)^```yaml\r?\n(.*?)^```')) {
        $block++
        @{ Source = 'README.md'; Name = "README.md profile $block"; Code = 'Invoke-S3Audit ./readme-profile.yml'; Files = @{ 'readme-profile.yml' = $match.Groups[1].Value } }
    }

    # about_S3Audit: indented lines starting with PS> (continued by deeper-indented lines) are examples.
    $about = Get-Content (Join-Path $script:Root 'docs/en-US/about_S3Audit.help.txt')
    $current = $null; $index = 0
    foreach ($line in $about + '') {
        if ($line -match '^\s+PS> (.*)$') {
            if ($current) { $current }
            $index++
            $current = @{ Source = 'about_S3Audit'; Name = "about_S3Audit example $index"; Code = $Matches[1] }
        }
        elseif ($current -and $line -match '^\s{8,}(\S.*)$') { $current.Code += "`n" + $Matches[1] }
        elseif ($current) { $current; $current = $null }
    }
}

<#
.SYNOPSIS
    The examples that cannot run on this machine, by name, with the reason. Keep it short: every other example runs.
#>
function Get-S3AuditExampleExemption {
    @{
        'README.md block 1' = 'Install-Module reaches the PowerShell Gallery; installing by name is tested from a local repository (Packaging.Tests.ps1).'
        'Start-S3AuditProxy example 3' = 'Registers a Windows scheduled task (a systemd unit on Linux); -Wait itself is tested in Start-S3AuditProxy.Tests.ps1.'
        'Start-S3AuditProxy example 4' = 'Needs a PFX certificate file and listens on every address; HTTPS is tested in ProxyTlsRgwTests.'
    }
}

<#
.SYNOPSIS
    Whether an example may show nothing when it works: its last statement writes a file (Export-Csv,
    Export-S3AuditReport, Set-Content, Out-File), assigns, decides (if), imports a module, previews (-WhatIf) or
    changes state without -PassThru. Any other example that shows nothing is a failure: a pipeline that silently
    passed nothing along.
#>
function Test-S3AuditExampleMayBeSilent {
    param([Parameter(Mandatory)] [string] $Code)
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$null, [ref]$null)
    $last = $ast.EndBlock.Statements | Select-Object -Last 1
    if ($last -isnot [System.Management.Automation.Language.PipelineAst]) { return $true }
    $command = $last.PipelineElements[-1]
    if ($command -isnot [System.Management.Automation.Language.CommandAst]) { return $false }
    $name = $command.GetCommandName()
    $parameters = @($last.PipelineElements | ForEach-Object { $_.CommandElements } | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] } | ForEach-Object ParameterName)
    if ($name -in 'Export-Csv', 'Export-S3AuditReport', 'Set-Content', 'Out-File', 'Out-Null', 'Import-Module' -or $parameters -contains 'WhatIf') { return $true }
    $verb = ($name -split '-')[0]
    $verb -in 'Enable', 'Disable', 'Set', 'Remove' -and $parameters -notcontains 'PassThru'
}

<#
.SYNOPSIS
    Problems an example has without running it: parse errors, S3Audit cmdlets called with parameters they lack.
#>
function Test-S3AuditExampleSyntax {
    param([Parameter(Mandatory)] [string] $Code)
    $tokens = $null; $parseErrors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$parseErrors)
    foreach ($e in $parseErrors) { "parse error at $($e.Extent.StartLineNumber):$($e.Extent.StartColumnNumber): $($e.Message)" }
    foreach ($commandAst in $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true)) {
        $name = $commandAst.GetCommandName()
        $command = if ($name) { Get-Command $name -Module S3Audit -ErrorAction SilentlyContinue }
        if (-not $command) { continue }
        $known = @($command.Parameters.Values | ForEach-Object { $_.Name; $_.Aliases })
        foreach ($parameter in $commandAst.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
            $matching = @($known | Where-Object { $_ -like "$($parameter.ParameterName)*" } | Select-Object -Unique)
            if ($parameter.ParameterName -notin $known -and $matching.Count -ne 1) { "$name has no parameter -$($parameter.ParameterName)" }
        }
    }
}

<#
.SYNOPSIS
    The world the examples assume: buckets on the test RGW with the names they use, and a folder laid out like the
    repository (examples/, out/S3Audit, logs/, cloudtrail/, policy files, an audit profile for the test server).
#>
function New-S3AuditExampleWorld {
    param([Parameter(Mandatory)] [string] $Path)
    $buckets = 'backups', 'backup-daily', 'archive', 'backups-eu', 'archive-eu', 'audit-logs', 'audit-logs-eu',
               'access-logs', 'my-log-bucket', 'old-logs', 'my-lake'
    foreach ($bucket in $buckets) {
        $null = Invoke-S3Fixture newBucket @{ bucket = $bucket }
        Register-S3FixtureBucket $bucket
    }
    # Something to find: a public bucket, and IAM users with more access and keys than they should have.
    $null = Invoke-S3Fixture newBucket @{ bucket = 'prod-data'; acl = 'public-read' }
    Register-S3FixtureBucket 'prod-data'
    $admin = New-S3FixtureUser ('example-admin-' + [guid]::NewGuid().ToString('N').Substring(0, 6)) -Policy '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'
    $null = Invoke-S3Fixture iam @{ action = 'CreateAccessKey'; params = @{ UserName = $admin.user } }

    # Backups under 2026/, one of them readable by anyone.
    Write-S3FixtureObject -BucketName 'backups' -Key '2026/01/db.dump' -Content 'dump'
    Write-S3FixtureObject -BucketName 'backups' -Key '2026/01/report.pdf' -Content 'report' -Acl 'public-read'

    # Access logs of the last hours: the sample logs with their times moved to an hour ago.
    $recent = [datetime]::UtcNow.AddHours(-1)
    foreach ($file in Get-ChildItem (Join-Path $script:Root 'examples/logs/aws-access') -File) {
        $key = 'logs/{0:yyyy-MM-dd-HH-mm-ss}-{1}' -f $recent, ($file.Name -split '-')[-1]
        Write-S3FixtureObject -BucketName 'my-log-bucket' -Key $key -Content (Update-LogTime (Get-Content $file.FullName -Raw) $recent)
    }

    $null = New-Item -ItemType Directory -Force $Path
    Copy-Item (Join-Path $script:Root 'examples') $Path -Recurse
    $null = New-Item -ItemType Directory (Join-Path $Path 'out')
    $null = New-Item -ItemType SymbolicLink -Path (Join-Path $Path 'out/S3Audit') -Target (Join-Path $script:Root 'out/S3Audit')
    Copy-Item (Join-Path $script:Root 'examples/logs') (Join-Path $Path 'logs') -Recurse
    Copy-Item (Join-Path $script:Root 'examples/logs/cloudtrail') (Join-Path $Path 'cloudtrail') -Recurse
    $policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::backups/*"}]}'
    Set-Content (Join-Path $Path 'policy.json') $policy
    Set-Content (Join-Path $Path 'bucket-policy.json') $policy
    (Get-Content (Join-Path $script:Root 'examples/audit.yml') -Raw) -replace "include: \['\`$\{S3AUDIT_BUCKETS:-\*\}'\]", "include: ['backup*', 'archive*']" |
        Set-Content (Join-Path $Path 'audit.yml')
    $null = New-Item -ItemType Directory (Join-Path $Path 'reports')

    # A nightly run happened before: an earlier report for -BaselinePath, and a recorded Lyve Cloud audit target.
    Use-ExampleEnvironment -WorkPath $Path {
        $connection = @{ EndpointUrl = $env:S3_ENDPOINT; AccessKey = $env:S3_ACCESS_KEY; SecretKey = (ConvertTo-SecureString $env:S3_SECRET_KEY -AsPlainText -Force); Region = 'us-east-1' }
        $null = Invoke-S3Audit (Join-Path $Path 'audit.yml') -WarningAction SilentlyContinue -ErrorAction Stop
        $null = Set-LyveAuditTarget 'lyve-audit-logs' -Create -RetentionMode Governance -RetentionDays 1 -Provider Lyve @connection -Confirm:$false -ErrorAction Stop
        Register-S3FixtureBucket 'lyve-audit-logs'
    }
    foreach ($file in Get-ChildItem (Join-Path $script:Root 'examples/logs/lyve') -File | Where-Object Extension -ne '.gz') {
        $key = $file.Name -replace '\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}', $recent.ToString('yyyy-MM-dd-HH-mm-ss')
        Write-S3FixtureObject -BucketName 'lyve-audit-logs' -Key $key -Content (Update-LogTime (Get-Content $file.FullName -Raw) $recent)
    }
}

# The sample logs' times (AWS access log [dd/MMM/yyyy:HH:mm:ss +0000], ISO 8601) all become $Time.
function Update-LogTime([string] $Text, [datetime] $Time) {
    $aws = $Time.ToString('dd/MMM/yyyy:HH:mm:ss', [Globalization.CultureInfo]::InvariantCulture)
    $Text = $Text -replace '\[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} ([+-]\d{4})\]', "[$aws +0000]"
    $Text -replace '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z', $Time.ToString('yyyy-MM-ddTHH:mm:ss.fffZ')
}

# The environment variables an example run sees: the settings file of its world copy, the key variables the sample
# profiles name (filled with the test server's keys), restored afterwards.
function Use-ExampleEnvironment {
    param([Parameter(Mandatory)] [string] $WorkPath, [Parameter(Mandatory)] [scriptblock] $Script)
    $values = @{
        S3AUDIT_CONFIG = Join-Path $WorkPath 'settings/settings.yml'
        S3AUDIT_ENDPOINT = $env:S3_ENDPOINT; S3AUDIT_ACCESS_KEY = $env:S3_ACCESS_KEY; S3AUDIT_SECRET_KEY = $env:S3_SECRET_KEY
        EXOSCALE_API_KEY = $env:S3_ACCESS_KEY; EXOSCALE_API_SECRET = $env:S3_SECRET_KEY
    }
    $saved = @{}
    foreach ($name in $values.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $values[$name]) }
    try { & $Script }
    finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
}

# Endpoint URLs of the examples (and the logging gateway's -Upstream) become the test server's (a Lyve Cloud endpoint
# keeps its provider), and the key placeholders the test server's access key.
function ConvertTo-TestConnection([string] $Code) {
    $Code = [regex]::Replace($Code, '(-EndpointUrl\s+|-Upstream\s+)(https?://\S+)', {
        param($m)
        $provider = if ($m.Groups[2].Value -match 'lyve') { ' -Provider Lyve' } else { '' }
        "$($m.Groups[1].Value)'$env:S3_ENDPOINT'$provider"
    })
    $Code -replace "'EXO\.\.\.'", "'$env:S3_ACCESS_KEY'"
}

# A profile's endpoints become the test server's (the edit the user makes to a starter profile).
function ConvertTo-TestProfile([string] $Yaml) {
    $Yaml -replace '(?m)^(\s*endpoint:\s*)\S+', "`${1}$env:S3_ENDPOINT"
}

<#
.SYNOPSIS
    Runs one example in a fresh runspace in a copy of the world. Returns Errors (what it wrote or threw; none: it
    ran) and Output (the text a 120-column console shows).
#>
function Invoke-S3AuditExample {
    param(
        [Parameter(Mandatory)] [string] $Code,
        [Parameter(Mandatory)] [string] $World,
        [Parameter(Mandatory)] [string] $WorkPath,
        # Files the example reads (a profile from the README), written into its copy of the world.
        [hashtable] $Files = @{}
    )
    Copy-Item $World $WorkPath -Recurse
    foreach ($name in $Files.Keys) { Set-Content (Join-Path $WorkPath $name) (ConvertTo-TestProfile $Files[$name]) }
    # An example that makes the profile starts where there is none yet.
    if ($Code -match 'New-S3AuditConfig') { Remove-Item (Join-Path $WorkPath '*.yml') }
    # Server state an earlier example may have changed: only 'backups' logs, into 'audit-logs' (RGW wants the delivery
    # permission on the target, which the module's own cmdlet grants).
    foreach ($bucket in 'archive', 'backups-eu', 'archive-eu', 'backup-daily') { $null = Invoke-S3Fixture deleteLogging @{ bucket = $bucket } }
    $null = Enable-S3AccessLogging backups audit-logs -Confirm:$false -EndpointUrl $env:S3_ENDPOINT -AccessKey $env:S3_ACCESS_KEY -SecretKey (ConvertTo-SecureString $env:S3_SECRET_KEY -AsPlainText -Force) -Region us-east-1 -Provider Ceph -ErrorAction Stop
    $lyveAccountApi = (Invoke-S3Fixture lyveAccountApi).url

    $prelude = {
        param($Manifest, $Location, $Endpoint, $AccessKey, $SecretKey, $RootAccessKey, $RootSecretKey, $LyveAccountApi)
        Import-Module $Manifest
        Set-Location $Location
        # The user answers Yes where a cmdlet asks for confirmation.
        $global:ConfirmPreference = 'None'
        $secret = ConvertTo-SecureString $SecretKey -AsPlainText -Force
        $connection = @{ EndpointUrl = $Endpoint; AccessKey = $AccessKey; SecretKey = $secret; Region = 'us-east-1'; Provider = 'Ceph' }
        foreach ($command in (Get-Module S3Audit).ExportedCmdlets.Values | Where-Object { $_.Parameters.ContainsKey('EndpointUrl') }) {
            # The Lyve target cmdlets only work with Lyve Cloud: the test server stands in for it.
            $connection.Provider = if ($command.Name -like '*-LyveAuditTarget') { 'Lyve' } else { 'Ceph' }
            foreach ($name in $connection.Keys) { $global:PSDefaultParameterValues["$($command.Name):$name"] = $connection[$name] }
        }
        # Credential reviews need an identity with IAM rights: the test account's root. Lyve's Account API is a stub.
        $global:PSDefaultParameterValues['Get-S3AuditCredential:AccessKey'] = $RootAccessKey
        $global:PSDefaultParameterValues['Get-S3AuditCredential:SecretKey'] = ConvertTo-SecureString $RootSecretKey -AsPlainText -Force
        $global:PSDefaultParameterValues['Get-S3AuditCredential:AccountApiUrl'] = $LyveAccountApi

        $global:ExampleCredential = [pscredential]::new($AccessKey, $secret)
        function global:Get-Credential { $global:ExampleCredential }
        function global:Read-Host {
            param([switch] $MaskInput, [switch] $AsSecureString)
            if ($AsSecureString) { $global:ExampleCredential.Password } else { $global:ExampleCredential.GetNetworkCredential().Password }
        }
        # The user edits the starter profile's target: its endpoint becomes the test server.
        function global:New-S3AuditConfig {
            $result = S3Audit\New-S3AuditConfig @args
            foreach ($file in @($result) | Where-Object { $_ -is [IO.FileInfo] }) {
                (Get-Content $file.FullName -Raw) -replace '(?m)^(\s*endpoint:\s*)\S+', "`${1}$Endpoint" | Set-Content $file.FullName
            }
            $result
        }
        # The AWS CLI is not installed here: the stand-in checks that the policy file it is given is JSON and answers
        # as the CLI does.
        function global:aws {
            $file = ($args | Where-Object { "$_" -like 'file://*' }) -replace '^file://', ''
            if ($file) { $null = Get-Content $file -Raw | ConvertFrom-Json -ErrorAction Stop }
            '{ "Policy": { "PolicyName": "' + $args[($args.IndexOf('--policy-name') + 1)] + '" } }'
        }
        $global:cred = $global:lyve = $global:accountApiKey = $global:ExampleCredential
        $global:keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'
    }

    Use-ExampleEnvironment -WorkPath $WorkPath {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript($prelude.ToString())
            foreach ($argument in (Get-S3AuditManifestPath), $WorkPath, $env:S3_ENDPOINT, $env:S3_ACCESS_KEY, $env:S3_SECRET_KEY, $env:S3_ROOT_ACCESS_KEY, $env:S3_ROOT_SECRET_KEY, $lyveAccountApi) {
                $null = $ps.AddArgument($argument)
            }
            $null = $ps.Invoke()
            if ($ps.HadErrors) { return [pscustomobject]@{ Errors = @($ps.Streams.Error | ForEach-Object { "prelude: $_" }); Output = '' } }
            $ps.Commands.Clear()
            # Rendered as a console would show it, so formatting errors count too.
            $null = $ps.AddScript("& {`n$(ConvertTo-TestConnection $Code)`n} | Out-String -Width 120")
            try { $output = $ps.Invoke() -join '' }
            catch {
                $cause = if ($_.Exception.InnerException) { $_.Exception.InnerException } else { $_.Exception }
                return [pscustomobject]@{ Errors = @("threw: $($cause.Message)"); Output = '' }
            }
            [pscustomobject]@{ Errors = @($ps.Streams.Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" }); Output = $output }
        }
        finally { $ps.Dispose() }
    }
}

Export-ModuleMember -Function Get-S3AuditExample, Get-S3AuditExampleExemption, Test-S3AuditExampleMayBeSilent, Test-S3AuditExampleSyntax, New-S3AuditExampleWorld, Invoke-S3AuditExample
