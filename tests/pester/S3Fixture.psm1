# Test state on the RGW test server for the Pester suites: buckets, objects, ACLs, policies, Block Public Access,
# logging, IAM users. Requests go to one s3fixture process per PowerShell session (tests/S3Audit.Fixtures, built with
# the solution), which uses its own AWS SDK in its own process: nothing is loaded into this session besides S3Audit.
# Every bucket and user made here is remembered; Remove-S3Fixture (call it in AfterAll) removes them all.

$script:Process = $null
$script:Buckets = [System.Collections.Generic.List[object]]::new()
$script:Users = [System.Collections.Generic.List[string]]::new()

Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1')

function Start-FixtureProcess {
    $dll = Join-Path $PSScriptRoot '../S3Audit.Fixtures/bin/Release/net10.0/s3fixture.dll'
    if (-not (Test-Path $dll)) { throw "Build first (dotnet build -c Release S3Audit.sln): $dll is missing." }
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $info.ArgumentList.Add((Resolve-Path $dll).Path)
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.UseShellExecute = $false
    $script:Process = [System.Diagnostics.Process]::Start($info)
}

<#
.SYNOPSIS
    Sends one request to the fixture process and returns its answer; a failed request throws with the server's error.
.EXAMPLE
    Invoke-S3Fixture putPolicy @{ bucket = $b; policy = $json }
#>
function Invoke-S3Fixture {
    param(
        [Parameter(Mandatory)] [string] $Operation,
        [hashtable] $Parameters = @{}
    )
    Assert-S3TestServer
    if (-not $script:Process -or $script:Process.HasExited) { Start-FixtureProcess }
    $request = @{ op = $Operation } + $Parameters
    $script:Process.StandardInput.WriteLine(($request | ConvertTo-Json -Compress -Depth 5))
    $script:Process.StandardInput.Flush()
    $line = $script:Process.StandardOutput.ReadLine()
    if ($null -eq $line) { throw "The fixture process ended while answering '$Operation'." }
    $answer = $line | ConvertFrom-Json
    if (-not $answer.ok) { throw "Fixture '$Operation' failed: $($answer.error)" }
    $answer
}

<#
.SYNOPSIS
    Creates a uniquely named bucket (prefix + 16 hex digits) and remembers it for Remove-S3Fixture.
#>
function New-S3FixtureBucket {
    param(
        [Parameter(Mandatory)] [string] $Prefix,
        [string] $Acl,
        [switch] $ObjectLock,
        [switch] $Versioning,
        [switch] $AsRoot
    )
    $parameters = @{ prefix = $Prefix; objectLock = [bool]$ObjectLock; versioning = [bool]$Versioning; root = [bool]$AsRoot }
    if ($Acl) { $parameters.acl = $Acl }
    $bucket = (Invoke-S3Fixture newBucket $parameters).bucket
    $script:Buckets.Add([pscustomobject]@{ Name = $bucket; AsRoot = [bool]$AsRoot })
    $bucket
}

<#
.SYNOPSIS
    Remembers a bucket made by the module under test (Set-LyveAuditTarget, say) so Remove-S3Fixture removes it too.
#>
function Register-S3FixtureBucket {
    param([Parameter(Mandatory)] [string] $BucketName, [switch] $AsRoot)
    $script:Buckets.Add([pscustomobject]@{ Name = $BucketName; AsRoot = [bool]$AsRoot })
}

function Write-S3FixtureObject {
    param(
        [Parameter(Mandatory)] [string] $BucketName,
        [Parameter(Mandatory)] [string] $Key,
        [string] $Content = '',
        [string] $Path,
        [string] $Acl,
        [switch] $AsRoot
    )
    $parameters = @{ bucket = $BucketName; key = $Key; content = $Content; root = [bool]$AsRoot }
    if ($Path) { $parameters.path = (Resolve-Path $Path).Path }
    if ($Acl) { $parameters.acl = $Acl }
    $null = Invoke-S3Fixture putObject $parameters
}

<#
.SYNOPSIS
    Creates an IAM user of the test account with one access key (and an inline policy); returns user, accessKey,
    secretKey. Remembered for Remove-S3Fixture.
#>
function New-S3FixtureUser {
    param([Parameter(Mandatory)] [string] $UserName, [string] $Policy)
    $parameters = @{ user = $UserName }
    if ($Policy) { $parameters.policy = $Policy }
    $answer = Invoke-S3Fixture newUser $parameters
    $script:Users.Add($UserName)
    $answer
}

<#
.SYNOPSIS
    Removes every bucket (with all object versions) and IAM user this session's suites created. Call in AfterAll.
#>
function Remove-S3Fixture {
    foreach ($bucket in $script:Buckets) {
        try { $null = Invoke-S3Fixture removeBucket @{ bucket = $bucket.Name; root = $bucket.AsRoot } }
        catch { Write-Warning "Could not remove test bucket $($bucket.Name): $_" }
    }
    $script:Buckets.Clear()
    foreach ($user in $script:Users) {
        try { $null = Invoke-S3Fixture removeUser @{ user = $user } }
        catch { Write-Warning "Could not remove test user ${user}: $_" }
    }
    $script:Users.Clear()
}

function Get-RgwOpsLogLength { @(Get-Content $env:S3_OPS_LOG).Count }

<#
.SYNOPSIS
    The write requests (PUT, POST, DELETE) radosgw logged for the buckets after line $Since of its ops log, read once
    a sentinel request shows the log has caught up.
#>
function Get-RgwWrite {
    param([int] $Since, [string[]] $Bucket)
    if (-not $env:S3_OPS_LOG) { throw 'S3_OPS_LOG is not set: the Server tests read the RGW ops log (tests/run-tests.sh exports it).' }
    $sentinel = 'sentinel-' + [guid]::NewGuid().ToString('N')
    $null = Invoke-S3Fixture listObjects @{ bucket = $Bucket[0]; prefix = $sentinel }
    $deadline = [datetime]::UtcNow.AddSeconds(30)
    do {
        $all = @(Get-Content $env:S3_OPS_LOG)
        $lines = @($all | Select-Object -Last ([Math]::Max(0, $all.Count - $Since)))
        if ($lines -match $sentinel) { break }
        Start-Sleep -Milliseconds 200
    } while ([datetime]::UtcNow -lt $deadline)
    if (-not ($lines -match $sentinel)) { throw "The sentinel request never reached $env:S3_OPS_LOG." }
    # radosgw sometimes writes two records on one line ({...}{...}): one record per object.
    $lines | ForEach-Object { $_ -replace '\}\s*\{', "}`n{" -split "`n" } | Where-Object { $_ -like '{*}' } | ForEach-Object { $_ | ConvertFrom-Json } |
        Where-Object { $_.bucket -in $Bucket -and $_.uri -match '^(PUT|POST|DELETE) ' }
}

Export-ModuleMember -Function Invoke-S3Fixture, New-S3FixtureBucket, Register-S3FixtureBucket,
    Write-S3FixtureObject, New-S3FixtureUser, Remove-S3Fixture, Get-RgwOpsLogLength, Get-RgwWrite
