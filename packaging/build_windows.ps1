<#
.SYNOPSIS
  Windows build of hallsupervisor: one-folder bundle, frozen smoke tests, NSIS installer.

.DESCRIPTION
  The Windows counterpart of packaging/build_linux.sh, followed by makensis.

  Assumes a checkout with a virtual environment in .venv at the repository top:
      py -3 -m venv .venv
      .venv\Scripts\python -m pip install -e ".[build]"
  (done here automatically when .venv or PyInstaller is missing), and NSIS 3 installed
  (https://nsis.sourceforge.io, or: winget install NSIS.NSIS) unless -SkipInstaller.

  Steps:
    1. compile translations (tools\i18n.py release)
    2. PyInstaller with packaging\hallsupervisor.spec -> packaging\dist\hallsupervisor
       (work files in packaging\build)
    3. frozen smoke tests: hallsupervisor-cli.exe --version and --self-test (offscreen),
       and the windowed hallsupervisor.exe --self-test (exit code only)
    4. bundle size
    5. makensis packaging\installer.nsi -> packaging\dist\hallsupervisor-<version>-setup.exe
  Stops with a non-zero exit code when any step fails.

.EXAMPLE
  powershell -NoProfile -ExecutionPolicy Bypass -File packaging\build_windows.ps1
.EXAMPLE
  packaging\build_windows.bat -SkipInstaller
#>
[CmdletBinding()]
param(
    # Interpreter used only to create .venv when it does not exist.
    [string]$Python = "py",
    # Path to makensis.exe; found on PATH or in the default NSIS folders when empty.
    [string]$MakeNsis = "",
    # Build and test the bundle only.
    [switch]$SkipInstaller,
    # Seconds allowed for each self-test run.
    [int]$SelfTestTimeout = 300
)

Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"

$Here = $PSScriptRoot
$Root = Split-Path -Parent $Here
$Venv = Join-Path $Root ".venv"
$Py = Join-Path $Venv "Scripts\python.exe"
$Dist = Join-Path $Here "dist"
$Work = Join-Path $Here "build"
$Bundle = Join-Path $Dist "hallsupervisor"
$GuiExe = Join-Path $Bundle "hallsupervisor.exe"
$CliExe = Join-Path $Bundle "hallsupervisor-cli.exe"

function Write-Step([string]$Text) { Write-Host ""; Write-Host "==> $Text" -ForegroundColor Cyan }

# Runs a native program; throws when it exits non-zero. Native stderr (PyInstaller logs
# there) must not be turned into PowerShell errors, hence the local "Continue".
function Invoke-Native {
    param([Parameter(Mandatory)][string]$Exe, [string[]]$Arguments = @())
    $ErrorActionPreference = "Continue"
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

Push-Location $Root
try {
    # 1. Virtual environment --------------------------------------------------------------
    if (-not (Test-Path $Py)) {
        Write-Step "Creating $Venv"
        if ($Python -eq "py") { Invoke-Native "py" @("-3", "-m", "venv", $Venv) }
        else { Invoke-Native $Python @("-m", "venv", $Venv) }
        Invoke-Native $Py @("-m", "pip", "install", "--upgrade", "pip")
        Invoke-Native $Py @("-m", "pip", "install", "-e", ".[build]")
    } else {
        $ErrorActionPreference = "Continue"
        & $Py -c "import PyInstaller, PySide6, hallsupervisor" 2>$null
        $ok = ($LASTEXITCODE -eq 0)
        $ErrorActionPreference = "Stop"
        if (-not $ok) {
            Write-Step "Installing the app and its build requirements into $Venv"
            Invoke-Native $Py @("-m", "pip", "install", "-e", ".[build]")
        }
    }
    $Version = (& $Py -c "import hallsupervisor; print(hallsupervisor.__version__)").Trim()
    Write-Host "hallsupervisor $Version"

    # 2. Translations ------------------------------------------------------------------------
    Write-Step "Compiling translations"
    Invoke-Native (Join-Path $Venv "Scripts\python.exe") @((Join-Path $Root "tools\i18n.py"), "release")
    $qm = Join-Path $Root "resources\translations\hallsupervisor_en.qm"
    if (-not (Test-Path $qm)) { throw "$qm was not produced" }

    # 3. PyInstaller -----------------------------------------------------------------------------
    Write-Step "Running PyInstaller"
    if (Test-Path $Bundle) { Remove-Item -Recurse -Force $Bundle }
    Invoke-Native (Join-Path $Venv "Scripts\pyinstaller.exe") @(
        "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", $Dist, "--workpath", $Work, (Join-Path $Here "hallsupervisor.spec"))
    foreach ($exe in @($GuiExe, $CliExe)) {
        if (-not (Test-Path $exe)) { throw "$exe was not built" }
    }

    # 4. Smoke tests of the frozen app (throw-away data folder: never the real user's data) --
    $testHome = Join-Path ([IO.Path]::GetTempPath()) ("hallsupervisor-build-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $testHome | Out-Null
    $env:HALLSUPERVISOR_HOME = $testHome
    $env:QT_QPA_PLATFORM = "offscreen"
    try {
        Write-Step "Frozen: hallsupervisor-cli.exe --version"
        $ErrorActionPreference = "Continue"
        $versionOut = (& $CliExe --version 2>&1 | ForEach-Object { "$_" }) -join "`n"
        $rc = $LASTEXITCODE
        $ErrorActionPreference = "Stop"
        Write-Host $versionOut
        if ($rc -ne 0) { throw "--version failed with exit code $rc" }
        if ($versionOut -notmatch [regex]::Escape($Version)) { throw "--version printed '$versionOut', expected $Version" }

        Write-Step "Frozen: hallsupervisor-cli.exe --self-test (offscreen)"
        $p = Start-Process -FilePath $CliExe -ArgumentList "--self-test" -NoNewWindow -PassThru
        $null = $p.Handle   # keeps ExitCode available after exit
        if (-not $p.WaitForExit($SelfTestTimeout * 1000)) { $p.Kill(); throw "--self-test timed out" }
        if ($p.ExitCode -ne 0) { throw "hallsupervisor-cli.exe --self-test failed with exit code $($p.ExitCode)" }
        Write-Host "console self-test passed"

        Write-Step "Frozen: hallsupervisor.exe (windowed) --self-test"
        $p = Start-Process -FilePath $GuiExe -ArgumentList "--self-test" -PassThru
        $null = $p.Handle
        if (-not $p.WaitForExit($SelfTestTimeout * 1000)) { $p.Kill(); throw "windowed --self-test timed out" }
        if ($p.ExitCode -ne 0) { throw "hallsupervisor.exe --self-test failed with exit code $($p.ExitCode) (see $testHome\logs)" }
        Write-Host "windowed self-test passed"
    } finally {
        Remove-Item Env:\HALLSUPERVISOR_HOME -ErrorAction SilentlyContinue
        Remove-Item Env:\QT_QPA_PLATFORM -ErrorAction SilentlyContinue
        $ErrorActionPreference = "Stop"
    }
    Remove-Item -Recurse -Force $testHome -ErrorAction SilentlyContinue

    # 5. Size ------------------------------------------------------------------------------------
    Write-Step "Bundle size"
    $bytes = (Get-ChildItem -Recurse -File $Bundle | Measure-Object -Property Length -Sum).Sum
    Write-Host ("{0}: {1:N1} MB" -f $Bundle, ($bytes / 1MB))
    Get-ChildItem (Join-Path $Bundle "_internal") | ForEach-Object {
        $size = if ($_.PSIsContainer) { (Get-ChildItem -Recurse -File $_.FullName | Measure-Object Length -Sum).Sum } else { $_.Length }
        [pscustomobject]@{ MB = [math]::Round($size / 1MB, 1); Name = $_.Name }
    } | Sort-Object MB -Descending | Select-Object -First 12 | Format-Table -AutoSize | Out-String | Write-Host

    if ($SkipInstaller) { Write-Host "OK (installer skipped): $Bundle"; return }

    # 6. Installer ---------------------------------------------------------------------------------
    Write-Step "Building the installer with NSIS"
    if (-not $MakeNsis) {
        $cmd = Get-Command makensis.exe -ErrorAction SilentlyContinue
        $candidates = @()
        if ($cmd) { $candidates += $cmd.Source }
        $candidates += @((Join-Path ${env:ProgramFiles(x86)} "NSIS\makensis.exe"),
                         (Join-Path $env:ProgramFiles "NSIS\makensis.exe"))
        $MakeNsis = $candidates | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
        if (-not $MakeNsis) { throw "makensis.exe not found: install NSIS 3 (winget install NSIS.NSIS) or pass -MakeNsis" }
    }
    $m = [regex]::Match($Version, '^(\d+)(?:\.(\d+))?(?:\.(\d+))?')
    $parts = 1..3 | ForEach-Object { if ($m.Groups[$_].Success) { $m.Groups[$_].Value } else { "0" } }
    $viVersion = ($parts -join ".") + ".0"
    $setup = Join-Path $Dist "hallsupervisor-$Version-setup.exe"
    Invoke-Native $MakeNsis @("/V3", "/DVERSION=$Version", "/DVI_VERSION=$viVersion",
        "/DDIST_DIR=$Bundle", "/DOUTFILE=$setup", (Join-Path $Here "installer.nsi"))
    if (-not (Test-Path $setup)) { throw "$setup was not written" }
    Write-Host ("OK: {0} ({1:N1} MB)" -f $setup, ((Get-Item $setup).Length / 1MB))
}
finally {
    Pop-Location
}
