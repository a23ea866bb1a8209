# Debian's chromium and chromedriver for the browser tests (tests/browser), installed from
# Debian's packages when missing. The tests drive them through Selenium; nothing downloads
# a browser of its own.

install_browser() {
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
        echo "installing chromium and chromium-driver from Debian packages"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq chromium chromium-driver >/dev/null
    fi
}
