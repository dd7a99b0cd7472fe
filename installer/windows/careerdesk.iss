; Inno Setup script for careerdesk on Windows (Inno Setup 6.3 or newer).
;
;     python installer\build.py               (on Windows: builds and smoke-tests dist\careerdesk)
;     iscc installer\windows\careerdesk.iss   (writes dist\careerdesk-<version>-setup.exe)
;
; A per-user install: no administrator rights are asked for, the program goes to the
; user's own Programs folder ({autopf} is {userpf} when PrivilegesRequired=lowest), the
; Start-menu shortcut to the user's Start menu, and the uninstaller is registered under
; Apps & features for this user. The journal lives in the user's data folder, never in
; {app}, so uninstalling leaves it alone.

#define AppName "careerdesk"
; Keep in step with careerdesk/__init__.py (a test checks it).
#define AppVersion "0.1.0"
#define AppExe "careerdesk-gui.exe"
#define Root "..\.."

[Setup]
; The AppId identifies the installation for updates and the uninstaller: never change it.
AppId={{A861B823-FA28-4387-8501-CE6CE73D661F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The careerdesk developers
AppCopyright=GPL-3.0-or-later
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=careerdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Uninstallable=yes
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: both programs (careerdesk.exe for the command line,
; careerdesk-gui.exe for the window) and everything they load.
Source: "{#Root}\dist\careerdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "A private, offline career journal and planner"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
