# Shared by the Pester tests that talk to the Ceph RGW started by tests/run-tests.sh: connection parameters
# from the environment (or the s3.env file the server script writes). A missing server fails the test.
function Get-RgwConnection {
    $envFile = if ($env:S3_ENV_FILE) { $env:S3_ENV_FILE } else {
        $root = if ($env:CEPH_ROOT) { $env:CEPH_ROOT } else { '/tmp/ceph-root' }
        $dir = if ($env:CEPH_DIR) { $env:CEPH_DIR } else { '/srv/ceph' }
        Join-Path $root ($dir.TrimStart('/') + '/s3.env')
    }
    $values = @{}
    if (Test-Path $envFile) {
        foreach ($line in Get-Content $envFile) {
            $name, $value = $line -split '=', 2
            if ($value) { $values[$name.Trim()] = $value.Trim() }
        }
    }
    foreach ($name in 'S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_OPS_LOG') {
        $fromEnv = [Environment]::GetEnvironmentVariable($name)
        if ($fromEnv) { $values[$name] = $fromEnv }
    }
    if (-not $values['S3_ENDPOINT']) { throw 'The test S3 server is not available: run bash tests/run-tests.sh or tests/server/s3-ceph.sh start.' }
    @{
        EndpointUrl = $values['S3_ENDPOINT']
        AccessKey   = $values['S3_ACCESS_KEY']
        SecretKey   = ConvertTo-SecureString $values['S3_SECRET_KEY'] -AsPlainText -Force
        Region      = 'us-east-1'
        Provider    = 'Ceph'
        OpsLog      = $values['S3_OPS_LOG']
    }
}

function New-RgwBucketName([string] $Prefix) { ($Prefix + '-' + [guid]::NewGuid().ToString('N')).Substring(0, $Prefix.Length + 17) }

# Test arrangement goes through the AWS SDK the module ships (loaded into the default context, apart from the module's own).
function Get-RgwClient($Rgw) {
    $dependencies = Join-Path (Resolve-Path (Join-Path $PSScriptRoot '../..')) 'out/S3Audit/Dependencies'
    foreach ($dll in 'AWSSDK.Core.dll', 'AWSSDK.S3.dll') { Add-Type -Path (Join-Path $dependencies $dll) -ErrorAction SilentlyContinue }
    $config = [Amazon.S3.AmazonS3Config]::new()
    $config.ServiceURL = $Rgw.EndpointUrl
    $config.ForcePathStyle = $true
    $config.AuthenticationRegion = 'us-east-1'
    $secret = [System.Net.NetworkCredential]::new('', $Rgw.SecretKey).Password
    [Amazon.S3.AmazonS3Client]::new([Amazon.Runtime.BasicAWSCredentials]::new($Rgw.AccessKey, $secret), $config)
}

function New-RgwBucket($Client, [string] $Prefix) {
    $name = New-RgwBucketName $Prefix
    $null = $Client.PutBucketAsync($name).GetAwaiter().GetResult()
    $name
}

# The write requests (PUT, POST, DELETE) radosgw logged for the buckets since line $Since, once a sentinel request shows the log caught up.
function Get-RgwWrite($Rgw, $Client, [int] $Since, [string[]] $Bucket) {
    $sentinel = 'sentinel-' + [guid]::NewGuid().ToString('N')
    $request = [Amazon.S3.Model.ListObjectsV2Request]@{ BucketName = $Bucket[0]; Prefix = $sentinel }
    $null = $Client.ListObjectsV2Async($request).GetAwaiter().GetResult()
    $deadline = [datetime]::UtcNow.AddSeconds(30)
    do {
        $lines = @(Get-Content $Rgw.OpsLog | Select-Object -Skip $Since)
        if ($lines -match $sentinel) { break }
        Start-Sleep -Milliseconds 200
    } while ([datetime]::UtcNow -lt $deadline)
    $lines | Where-Object { $_ -like '{*}' } | ForEach-Object { $_ | ConvertFrom-Json } |
        Where-Object { $_.bucket -in $Bucket -and $_.uri -match '^(PUT|POST|DELETE) ' }
}
