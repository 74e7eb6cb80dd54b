; Setup program of Youlin Desk (友邻前台), wrapping the PyInstaller one-folder bundle.
; Built by installer/build.sh:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION_NUMERIC=0.1.0.0 \
;            -DSOURCE_DIR=/path/YoulinDesk -DOUTFILE=/path/setup.exe -DICON=/path/youlin-desk.ico \
;            installer/YoulinDesk.nsi
; Silent: setup.exe /S [/D=C:\path]   ·   Uninstall.exe /S
; Installing over an older version replaces the program files in place (one uninstall entry).
; Installing, upgrading and uninstalling never touch the user's data folder
; (%LOCALAPPDATA%\YoulinDesk: database, backups, logs, settings).

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel admin
; LZMA for the setup program people download; build.sh makes its throwaway upgrade-test build
; with -DCOMPRESSOR=zlib (seconds instead of minutes).
!ifndef COMPRESSOR
  !define COMPRESSOR lzma
!endif
SetCompressor /SOLID /FINAL ${COMPRESSOR}
!if "${COMPRESSOR}" == "lzma"
  SetCompressorDictSize 16
!endif

!macro _Require NAME
  !ifndef ${NAME}
    !error "define ${NAME} on makensis' command line (see the header of this file)"
  !endif
!macroend
!insertmacro _Require VERSION
!insertmacro _Require VERSION_NUMERIC
!insertmacro _Require SOURCE_DIR
!insertmacro _Require OUTFILE
!insertmacro _Require ICON

!define APP_ID "YoulinDesk"
!define APP_EXE "YoulinDesk.exe"
!define APP_NAME "友邻前台 Youlin Desk"
!define PUBLISHER "Youlin Desk"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define SHORTCUT_NAME "友邻前台"
!define SM_FOLDER "友邻前台"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_ID}"
; An upgrade goes where the older version is.
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION_NUMERIC}"
VIFileVersion "${VERSION_NUMERIC}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} 安装程序 (setup)"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${UNINST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "$(LicenseText)"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LicenseLangString LicenseText ${LANG_SIMPCHINESE} "license-zh.txt"
LicenseLangString LicenseText ${LANG_ENGLISH} "license-en.txt"

LangString UninstallName ${LANG_SIMPCHINESE} "卸载友邻前台"
LangString UninstallName ${LANG_ENGLISH} "Uninstall Youlin Desk"
LangString DataKept ${LANG_SIMPCHINESE} "您的数据（数据库、备份、日志、设置）保留在 %LOCALAPPDATA%\${APP_ID}，未被改动。"
LangString DataKept ${LANG_ENGLISH} "Your data (database, backups, logs, settings) stay untouched in %LOCALAPPDATA%\${APP_ID}."
LangString Upgrading ${LANG_SIMPCHINESE} "正在升级已安装的版本 "
LangString Upgrading ${LANG_ENGLISH} "Upgrading the installed version "

Function .onInit
  SetRegView 64
  SetShellVarContext all
  ; Chinese is preselected in the language dialog whatever the machine's language;
  ; a silent install skips the dialog.
  StrCpy $LANGUAGE ${LANG_SIMPCHINESE}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"

  ; In-place upgrade: drop the older version's program files first, so nothing stale from it
  ; (a module that moved, a Qt plugin no longer shipped) is loaded by the new version.
  ReadRegStr $0 HKLM "${UNINST_KEY}" "DisplayVersion"
  ${If} $0 != ""
    DetailPrint "$(Upgrading)$0 → ${VERSION}"
  ${EndIf}
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    RMDir /r "$INSTDIR\_internal"
    Delete "$INSTDIR\${APP_EXE}"
  ${EndIf}

  File "${SOURCE_DIR}\${APP_EXE}"
  File /r "${SOURCE_DIR}\_internal"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${SM_FOLDER}"
  CreateShortCut "$SMPROGRAMS\${SM_FOLDER}\${SHORTCUT_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortCut "$SMPROGRAMS\${SM_FOLDER}\$(UninstallName).lnk" "$INSTDIR\Uninstall.exe"
  CreateShortCut "$DESKTOP\${SHORTCUT_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
  DetailPrint "$(DataKept)"
SectionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  ; Only what the setup program put here: never $INSTDIR as a whole (the user may have chosen a
  ; folder holding other files) and never the data folder.
  Delete "$DESKTOP\${SHORTCUT_NAME}.lnk"
  Delete "$SMPROGRAMS\${SM_FOLDER}\${SHORTCUT_NAME}.lnk"
  Delete "$SMPROGRAMS\${SM_FOLDER}\卸载友邻前台.lnk"
  Delete "$SMPROGRAMS\${SM_FOLDER}\Uninstall Youlin Desk.lnk"
  RMDir "$SMPROGRAMS\${SM_FOLDER}"

  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegKey HKLM "${UNINST_KEY}"
  DetailPrint "$(DataKept)"
SectionEnd
