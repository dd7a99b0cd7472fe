#!/bin/sh
# Installs careerdesk for the current user, without root: the program folder, the two
# commands, the menu entry, the icon and the AppStream file, all under ~/.local.
#
#     ./install.sh               install (or update) into ~/.local
#     ./install.sh --uninstall   remove what install.sh put there; the journal stays
#
# PREFIX=/some/where ./install.sh installs under another folder instead of ~/.local.
# Your journal is not in these folders (see Preferences in the app), so neither
# installing nor uninstalling touches it.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-"$HOME/.local"}
APP_DIR="$PREFIX/lib/careerdesk"
BIN_DIR="$PREFIX/bin"
SHARE="$PREFIX/share"
SIZES="16 24 32 48 64 128 256 512"

refresh_caches() {
    # Optional: menus and icon themes notice new files sooner where these tools exist.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$SHARE/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
    fi
}

uninstall() {
    rm -rf "$APP_DIR"
    rm -f "$BIN_DIR/careerdesk" "$BIN_DIR/careerdesk-gui"
    rm -f "$SHARE/applications/careerdesk.desktop"
    rm -f "$SHARE/metainfo/org.careerdesk.careerdesk.metainfo.xml"
    rm -f "$SHARE/icons/hicolor/scalable/apps/careerdesk.svg"
    for size in $SIZES; do
        rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/careerdesk.png"
    done
    refresh_caches
    echo "careerdesk removed from $PREFIX (your journal was left where it is)"
}

install_all() {
    if [ ! -x "$HERE/careerdesk/careerdesk" ]; then
        echo "install.sh: no careerdesk program next to this script" >&2
        exit 1
    fi
    mkdir -p "$PREFIX/lib" "$BIN_DIR" "$SHARE/applications" "$SHARE/metainfo" \
        "$SHARE/icons/hicolor/scalable/apps"
    # Copy next to the old version first, then swap: an interrupted update keeps a whole one.
    rm -rf "$APP_DIR.new"
    cp -R "$HERE/careerdesk" "$APP_DIR.new"
    rm -rf "$APP_DIR"
    mv "$APP_DIR.new" "$APP_DIR"
    ln -sf "$APP_DIR/careerdesk" "$BIN_DIR/careerdesk"
    ln -sf "$APP_DIR/careerdesk-gui" "$BIN_DIR/careerdesk-gui"
    # The menu entry names the program by its full path: ~/.local/bin is not always on the
    # PATH a desktop session starts programs with.
    sed -e "s|^Exec=careerdesk-gui|Exec=$BIN_DIR/careerdesk-gui|" \
        -e "s|^TryExec=careerdesk-gui|TryExec=$BIN_DIR/careerdesk-gui|" \
        "$HERE/careerdesk.desktop" > "$SHARE/applications/careerdesk.desktop"
    cp "$HERE/org.careerdesk.careerdesk.metainfo.xml" "$SHARE/metainfo/"
    cp "$HERE/icons/careerdesk.svg" "$SHARE/icons/hicolor/scalable/apps/careerdesk.svg"
    for size in $SIZES; do
        mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
        cp "$HERE/icons/careerdesk-$size.png" "$SHARE/icons/hicolor/${size}x${size}/apps/careerdesk.png"
    done
    refresh_caches
    echo "careerdesk installed in $APP_DIR"
    case ":$PATH:" in
        *":$BIN_DIR:"*) ;;
        *) echo "note: $BIN_DIR is not on your PATH; the menu entry works all the same" ;;
    esac
}

case "${1:-}" in
    --uninstall) uninstall ;;
    "") install_all ;;
    *) echo "usage: $0 [--uninstall]" >&2; exit 2 ;;
esac
