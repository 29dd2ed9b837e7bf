; 营业厅现场管理助手 (hallsupervisor) — Windows installer (NSIS 3, Modern UI 2).
;
; Packs the PyInstaller one-folder build (packaging\dist\hallsupervisor, made by
; build_windows.ps1) into a per-machine installer:
;   * installs into "$PROGRAMFILES64\hallsupervisor" (needs administrator rights);
;   * Start-menu and (optional) desktop shortcuts named 营业厅现场管理助手;
;   * an uninstaller (also in "Apps & features") that removes the program files and
;     shortcuts but NEVER the user's data in %APPDATA%\hallsupervisor.
;
; Compile (makensis changes into this file's folder, so relative paths are relative to
; packaging\; pass absolute paths to be safe):
;   makensis /DVERSION=0.1.0 packaging\installer.nsi
;   makensis -DVERSION=0.1.0 -DDIST_DIR=/abs/dist/hallsupervisor -DOUTFILE=/tmp/x.exe packaging/installer.nsi
; Defines (all optional):
;   VERSION     product version shown to users                 (default 0.1.0)
;   VI_VERSION  numeric X.X.X.X for the file-properties block  (default: from VERSION)
;   DIST_DIR    the one-folder build to pack                   (default dist\hallsupervisor)
;   OUTFILE     installer to write                  (default dist\hallsupervisor-VERSION-setup.exe)
;
; This file is UTF-8 with a byte-order mark; keep the BOM (makensis needs it to read the
; Chinese text correctly on every system).

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

;--------------------------------------------------------------------------------------------
; Defines
;--------------------------------------------------------------------------------------------
!define APP_ID       "hallsupervisor"
!define APP_NAME     "营业厅现场管理助手"
!define APP_NAME_EN  "Hall Supervisor"
!define APP_EXE      "hallsupervisor.exe"
!define APP_CLI_EXE  "hallsupervisor-cli.exe"
!define PUBLISHER    "hallsupervisor"
!define UNINST_EXE   "uninstall.exe"
!define UNINST_KEY   "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define APP_KEY      "Software\${APP_ID}"

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef DIST_DIR
  !define DIST_DIR "dist\hallsupervisor"
!endif
!ifndef OUTFILE
  !define OUTFILE "dist\${APP_ID}-${VERSION}-setup.exe"
!endif

; Numeric version for VIProductVersion: "1.2.3" -> "1.2.3.0". Pass /DVI_VERSION=1.2.3.0 for
; versions such as "1.2.3rc1" that are not purely numeric.
!ifndef VI_VERSION
  !searchparse /noerrors "${VERSION}" "" _VI_MAJOR "." _VI_MINOR "." _VI_PATCH
  !ifndef _VI_MAJOR
    !define _VI_MAJOR 0
  !endif
  !ifndef _VI_MINOR
    !define _VI_MINOR 0
  !endif
  !ifndef _VI_PATCH
    !define _VI_PATCH 0
  !endif
  !define VI_VERSION "${_VI_MAJOR}.${_VI_MINOR}.${_VI_PATCH}.0"
!endif

; Fail at compile time, not at install time, when the build is missing.
!if /FileExists "${DIST_DIR}\${APP_EXE}"
!else
  !error "No ${APP_EXE} in DIST_DIR='${DIST_DIR}'. Build it first (packaging\build_windows.ps1) or pass -DDIST_DIR=..."
!endif

;--------------------------------------------------------------------------------------------
; General
;--------------------------------------------------------------------------------------------
Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_ID}"
InstallDirRegKey HKLM "${APP_KEY}" "InstallDir"
RequestExecutionLevel admin
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

;--------------------------------------------------------------------------------------------
; Interface
;--------------------------------------------------------------------------------------------
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!if /FileExists "..\resources\icons\hallsupervisor.ico"
  !define MUI_ICON   "..\resources\icons\hallsupervisor.ico"
  !define MUI_UNICON "..\resources\icons\hallsupervisor.ico"
!endif

; Remember the language chosen at install time for the uninstaller.
!define MUI_LANGDLL_REGISTRY_ROOT      "HKLM"
!define MUI_LANGDLL_REGISTRY_KEY       "${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

;--------------------------------------------------------------------------------------------
; Pages
;--------------------------------------------------------------------------------------------
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
; "Run now" starts the app as the signed-in user (via Explorer), not elevated: its data
; belongs in that user's %APPDATA%, not in the administrator's.
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT     "$(RUN_NOW)"
!define MUI_FINISHPAGE_RUN_FUNCTION LaunchAsUser
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UN_CONFIRM_TOP)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "$(UN_FINISH_TITLE)"
!define MUI_FINISHPAGE_TEXT  "$(UN_FINISH_TEXT)"
!insertmacro MUI_UNPAGE_FINISH

;--------------------------------------------------------------------------------------------
; Languages: Simplified Chinese first (the default), English second.
;--------------------------------------------------------------------------------------------
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SEC_APP_NAME    ${LANG_SIMPCHINESE} "程序文件"
LangString SEC_APP_NAME    ${LANG_ENGLISH}     "Program files"
LangString SEC_APP_DESC    ${LANG_SIMPCHINESE} "${APP_NAME} 的程序文件和开始菜单快捷方式（必需）。"
LangString SEC_APP_DESC    ${LANG_ENGLISH}     "The program files and the Start-menu shortcut (required)."
LangString SEC_DESK_NAME   ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SEC_DESK_NAME   ${LANG_ENGLISH}     "Desktop shortcut"
LangString SEC_DESK_DESC   ${LANG_SIMPCHINESE} "在桌面上放一个 ${APP_NAME} 的快捷方式。"
LangString SEC_DESK_DESC   ${LANG_ENGLISH}     "Put a shortcut to ${APP_NAME} on the desktop."
LangString RUN_NOW         ${LANG_SIMPCHINESE} "立即运行 ${APP_NAME}"
LangString RUN_NOW         ${LANG_ENGLISH}     "Run ${APP_NAME} now"
LangString MSG_NEED_X64    ${LANG_SIMPCHINESE} "${APP_NAME} 需要 64 位 Windows 10 或更新版本。"
LangString MSG_NEED_X64    ${LANG_ENGLISH}     "${APP_NAME} needs 64-bit Windows 10 or later."
LangString MSG_RUNNING     ${LANG_SIMPCHINESE} "${APP_NAME} 正在运行。$\r$\n请先关闭它（包括命令行窗口），然后点“重试”。"
LangString MSG_RUNNING     ${LANG_ENGLISH}     "${APP_NAME} is running.$\r$\nPlease close it (including any command windows), then click Retry."
LangString DATA_KEPT       ${LANG_SIMPCHINESE} "用户数据保留在 %APPDATA%\${APP_ID}，未被删除。"
LangString DATA_KEPT       ${LANG_ENGLISH}     "User data in %APPDATA%\${APP_ID} was kept, not deleted."
LangString UN_CONFIRM_TOP  ${LANG_SIMPCHINESE} "将卸载 ${APP_NAME} 的程序文件和快捷方式。$\r$\n您的数据（数据库、备份、日志）在 %APPDATA%\${APP_ID}，卸载不会删除它们；重新安装后可继续使用。"
LangString UN_CONFIRM_TOP  ${LANG_ENGLISH}     "This removes the program files and shortcuts of ${APP_NAME}.$\r$\nYour data (database, backups, logs) in %APPDATA%\${APP_ID} is NOT deleted; a reinstall picks it up again."
LangString UN_FINISH_TITLE ${LANG_SIMPCHINESE} "${APP_NAME} 已卸载"
LangString UN_FINISH_TITLE ${LANG_ENGLISH}     "${APP_NAME} has been uninstalled"
LangString UN_FINISH_TEXT  ${LANG_SIMPCHINESE} "程序文件和快捷方式已删除。$\r$\n$\r$\n您的数据仍保存在 %APPDATA%\${APP_ID}（数据库、备份和日志）。如确定不再需要，可以手动删除这个文件夹。"
LangString UN_FINISH_TEXT  ${LANG_ENGLISH}     "The program files and shortcuts have been removed.$\r$\n$\r$\nYour data is still in %APPDATA%\${APP_ID} (database, backups and logs). Delete that folder by hand only if you are sure you no longer need it."

;--------------------------------------------------------------------------------------------
; File properties of the installer itself
;--------------------------------------------------------------------------------------------
VIProductVersion "${VI_VERSION}"
VIFileVersion    "${VI_VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName"     "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion"  "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion"     "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName"     "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright"  "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH}     "ProductName"     "${APP_NAME} (${APP_NAME_EN})"
VIAddVersionKey /LANG=${LANG_ENGLISH}     "FileDescription" "${APP_NAME_EN} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH}     "ProductVersion"  "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH}     "FileVersion"     "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH}     "CompanyName"     "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH}     "LegalCopyright"  "${PUBLISHER}"

;--------------------------------------------------------------------------------------------
; Helpers
;--------------------------------------------------------------------------------------------
; A running exe cannot be deleted on Windows: use that to detect a running app before
; files are replaced or removed. Defined twice (installer / uninstaller) as NSIS requires.
!macro DEFINE_ENSURE_NOT_RUNNING PREFIX
Function ${PREFIX}EnsureNotRunning
  retry:
  ClearErrors
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    Delete "$INSTDIR\${APP_EXE}"
  ${EndIf}
  ${If} ${FileExists} "$INSTDIR\${APP_CLI_EXE}"
    Delete "$INSTDIR\${APP_CLI_EXE}"
  ${EndIf}
  ${If} ${Errors}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MSG_RUNNING)" /SD IDCANCEL IDRETRY retry
    Abort
  ${EndIf}
FunctionEnd
!macroend
!insertmacro DEFINE_ENSURE_NOT_RUNNING ""
!insertmacro DEFINE_ENSURE_NOT_RUNNING "un."

Function LaunchAsUser
  Exec '"$WINDIR\explorer.exe" "$INSTDIR\${APP_EXE}"'
FunctionEnd

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(MSG_NEED_X64)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

;--------------------------------------------------------------------------------------------
; Install
;--------------------------------------------------------------------------------------------
Section "!$(SEC_APP_NAME)" SecApp
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  Call EnsureNotRunning
  ; Upgrade in place: drop the previous version's libraries so no stale files linger.
  ; (Only our own sub-folder; user data never lives under Program Files.)
  RMDir /r "$INSTDIR\_internal"

  File /r "${DIST_DIR}\*"

  WriteUninstaller "$INSTDIR\${UNINST_EXE}"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKLM "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${APP_KEY}" "Version"    "${VERSION}"

  WriteRegStr   HKLM "${UNINST_KEY}" "DisplayName"          "${APP_NAME}"
  WriteRegStr   HKLM "${UNINST_KEY}" "DisplayVersion"       "${VERSION}"
  WriteRegStr   HKLM "${UNINST_KEY}" "Publisher"            "${PUBLISHER}"
  WriteRegStr   HKLM "${UNINST_KEY}" "DisplayIcon"          "$INSTDIR\${APP_EXE},0"
  WriteRegStr   HKLM "${UNINST_KEY}" "InstallLocation"      "$INSTDIR"
  WriteRegStr   HKLM "${UNINST_KEY}" "UninstallString"      '"$INSTDIR\${UNINST_EXE}"'
  WriteRegStr   HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINST_EXE}" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SEC_DESK_NAME)" SecDesktop
  SetShellVarContext all
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp}     "$(SEC_APP_DESC)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SEC_DESK_DESC)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

;--------------------------------------------------------------------------------------------
; Uninstall: program files, shortcuts and registry entries only.
; %APPDATA%\hallsupervisor (database, backups, logs, settings) is deliberately left alone.
;--------------------------------------------------------------------------------------------
Section "Uninstall"
  SetShellVarContext all
  Call un.EnsureNotRunning

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"

  ; Remove exactly what the installer put here; never "RMDir /r $INSTDIR", which would
  ; wipe unrelated files if someone installed into a shared folder.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${APP_CLI_EXE}"
  Delete "$INSTDIR\${UNINST_EXE}"
  RMDir "$INSTDIR"

  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${APP_KEY}"

  DetailPrint "$(DATA_KEPT)"
SectionEnd
