@echo off
rem Windows build: runs build_windows.ps1 (bundle, self-tests, NSIS installer).
rem Usage: packaging\build_windows.bat [-SkipInstaller] [-MakeNsis C:\path\makensis.exe]
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build_windows.ps1" %*
exit /b %ERRORLEVEL%
