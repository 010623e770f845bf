# Every documented example runs as written (see ExampleRunner.psm1 for what is substituted): the help examples of
# every cmdlet, the README's PowerShell blocks and about_S3Audit's. Each is first checked without running it (it
# parses, and every S3Audit cmdlet it calls has the parameters it names), then run against the test RGW.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ExampleRunner.psm1') -Force
    Import-S3AuditModule
    $examples = @(Get-S3AuditExample)
    $cannotRun = Get-S3AuditExampleExemption
    $runnable = @($examples | Where-Object { -not $cannotRun.ContainsKey($_.Name) })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ExampleRunner.psm1') -Force
    Import-S3AuditModule
}

Describe 'Documented examples' -Tag 'CI' {
    BeforeAll {
        $examples = @(Get-S3AuditExample)
        $cannotRun = Get-S3AuditExampleExemption
    }

    It 'found the examples of every cmdlet, the README and about_S3Audit' {
        $examples.Count | Should -BeGreaterThan 40
        @($examples | Where-Object { $_.Source -eq 'README.md' }).Count | Should -BeGreaterThan 5
    }

    It 'names only existing examples among those that cannot run here' {
        foreach ($name in $cannotRun.Keys) { @($examples | ForEach-Object { $_.Name }) | Should -Contain $name }
    }

    It '<Name> parses and names only parameters its cmdlets have' -ForEach $examples {
        Test-S3AuditExampleSyntax $Code | Should -BeNullOrEmpty
    }
}

Describe 'Documented examples against the test server' -Tag 'Server' {
    BeforeAll {
        Assert-S3TestServer
        $world = Join-Path $TestDrive 'world'
        New-S3AuditExampleWorld -Path $world
    }
    AfterAll { Remove-S3Fixture }

    It '<Name> runs as written' -ForEach $runnable {
        $work = Join-Path $TestDrive ('run-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        $run = Invoke-S3AuditExample -Code $Code -World $world -WorkPath $work -Files $(if ($Files) { $Files } else { @{} })
        $run.Errors | Should -BeNullOrEmpty
        if (-not (Test-S3AuditExampleMayBeSilent $Code)) {
            $run.Output.Trim() | Should -Not -BeNullOrEmpty -Because 'an example that shows nothing passed nothing along'
        }
    }
}

# The sample profiles of examples/providers are valid profiles: Invoke-S3Audit reads each without a validation error
# (their endpoints become the test server's; a target whose profile or key variables are not set here fails on its
# own, which is not what this checks).
Describe 'Sample profiles' -Tag 'Server' {
    BeforeDiscovery { $profiles = Get-ChildItem (Join-Path $PSScriptRoot '../../examples/providers') -Filter '*.yml' | ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } } }
    BeforeAll { Assert-S3TestServer }

    It 'examples/providers/<Name> is a valid profile' -ForEach $profiles {
        $copy = Join-Path $TestDrive $Name
        (Get-Content $Path -Raw) -replace '(?m)^(\s*endpoint:\s*)\S+', "`${1}$env:S3_ENDPOINT" | Set-Content $copy
        $null = Invoke-S3Audit $copy -ErrorVariable runErrors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -InformationVariable info
        @($runErrors | Where-Object { $_.FullyQualifiedErrorId -like 'AuditConfig*' }) | Should -BeNullOrEmpty
        ($info | Where-Object Tags -contains 'S3AuditSummary') | Should -Not -BeNullOrEmpty
    }
}
