# Pester 5. Runs against the built module: dotnet build -c Release, then Invoke-Pester ./tests/pester
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
}

Describe 'New-S3AuditConfig' {
    It 'supports -WhatIf and -Confirm' {
        $command = Get-Command New-S3AuditConfig -Module S3Audit
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
    }

    It 'writes a commented starter file and returns it' {
        $path = Join-Path $TestDrive 'audit.yml'
        $file = New-S3AuditConfig -Path $path
        $file | Should -BeOfType ([System.IO.FileInfo])
        $file.FullName | Should -Be $path
        Get-Content $path -First 1 | Should -BeLike '# S3Audit audit profile*'
        Get-Content $path -Raw | Should -Match 'provider: Aws'
    }

    It 'shows the file as Get-Item does: its folder, mode and size (issue 13)' {
        $path = Join-Path $TestDrive 'shown.yml'
        $file = New-S3AuditConfig $path
        $file.PSParentPath | Should -Not -BeNullOrEmpty
        $file.Length | Should -BeGreaterThan 0
        $shown = $file | Out-String -Width 80
        $shown | Should -BeExactly (Get-Item $path | Out-String -Width 80)
        $shown | Should -Match "\s$($file.Length)\s+shown\.yml"
    }

    It 'writes a target of the chosen provider' {
        $path = Join-Path $TestDrive 'exo.yml'
        New-S3AuditConfig $path -Provider Exoscale | Out-Null
        Get-Content $path -Raw | Should -Match 'endpoint: https://sos-ch-gva-2.exo.io'
        Get-Content $path -Raw | Should -Match 'secretKeyVariable: EXOSCALE_API_SECRET'
    }

    It 'does not replace an existing file without -Force' {
        $path = Join-Path $TestDrive 'keep.yml'
        Set-Content $path 'mine'
        New-S3AuditConfig $path -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'ConfigFileExists,S3Audit.Commands.Cmdlets.NewS3AuditConfigCommand'
        Get-Content $path | Should -Be 'mine'
    }

    It 'replaces it with -Force' {
        $path = Join-Path $TestDrive 'replace.yml'
        Set-Content $path 'mine'
        New-S3AuditConfig $path -Provider Ceph -Force | Out-Null
        Get-Content $path -Raw | Should -Match 'provider: Ceph'
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.yml'
        New-S3AuditConfig $path -WhatIf
        Test-Path $path | Should -BeFalse
    }

    It 'writes a file that Invoke-S3Audit accepts as valid' {
        $path = Join-Path $TestDrive 'valid.yml'
        New-S3AuditConfig $path -Provider Minio | Out-Null
        # The keys are not set, so the target fails, but the file passes validation (no AuditConfigInvalid).
        { Invoke-S3Audit $path -ErrorAction SilentlyContinue -WarningAction SilentlyContinue } | Should -Not -Throw
    }
}
