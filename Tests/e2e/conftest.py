"""Browser tests: the real service (`kiosk serve`) on 127.0.0.1 and Debian's headless Chromium.

Run with `make test` (after `swift build`), or: python3 -m pytest -q Tests/e2e
"""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from disks import LoopDisk

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
KIOSK = os.environ.get("KIOSK_BIN", os.path.join(ROOT, ".build", "debug", "kiosk"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A kiosk server with the demo site, in a temporary state directory."""

    def __init__(self, idle_timeout, state=None, log=None):
        """`state`: the state directory (a new temporary one by default); `log`: a file for what the server logs."""
        self.state = state or tempfile.mkdtemp(prefix="kiosk-e2e-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        output = open(log, "wb") if log else subprocess.DEVNULL
        self.process = subprocess.Popen(
            [KIOSK, "serve", "--demo", "--state-dir", self.state, "--assets", os.path.join(ROOT, "kiosk-assets"),
             "--port", str(self.port), "--idle-timeout", str(idle_timeout)],
            stdout=output, stderr=output)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the kiosk server did not start")

    @property
    def database(self):
        return os.path.join(self.state, "kiosk.sqlite")

    def kill(self):
        """Kills the server without warning (SIGKILL), as a power cut would; the state stays."""
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.state, ignore_errors=True)


@pytest.fixture
def server():
    s = Server(idle_timeout=10)
    yield s
    s.stop()


@pytest.fixture
def loop_disk():
    """An ext4 file system of the test's own (root only): see `disks.LoopDisk`."""
    disk = LoopDisk()
    yield disk
    disk.remove()


@pytest.fixture
def slow_server():
    """A server that forgets a kiosk session after 20 s without a request."""
    s = Server(idle_timeout=20)
    yield s
    s.stop()


def make_browser(width=1080, height=1920):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=vi", "--no-first-run"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


ORIENTATIONS = {"landscape": (1280, 800), "portrait": (1080, 1920)}


def kiosk_browser(orientation):
    """Chromium as a kiosk screen of 1280×800 or 1080×1920: its window and viewport, touch events on."""
    width, height = ORIENTATIONS[orientation]
    driver = make_browser(width, height)
    driver.set_page_load_timeout(20)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    return driver


@pytest.fixture
def browser():
    """The kiosk's screen, upright (1080×1920)."""
    driver = kiosk_browser("portrait")
    yield driver
    driver.quit()


def log_in(browser, server, username, password, next_path):
    """Logs a staff member in on the login page and follows on to `next_path`."""
    browser.get(f"{server.base}/login?next={next_path}")
    browser.find_element(By.NAME, "username").send_keys(username)
    browser.find_element(By.NAME, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "form button").click()


def choose_activity(station, name):
    """Sets the station to the activity whose label contains `name` and waits for the page to show it."""
    activity = Select(WebDriverWait(station, 10).until(EC.presence_of_element_located((By.ID, "activity"))))
    option = [o for o in activity.options if name in o.text][0]
    activity.select_by_value(option.get_attribute("value"))
    WebDriverWait(station, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".station-activity-label")))


def scanner_burst(browser, code):
    """A USB scanner: each character as a real key event (down, up) right after the other, then
    Enter, into whatever the page has focused; the test picks no field. The keys go in one W3C
    action sequence, so chromedriver types them back to back as a scanner does (a round trip per
    key could leave more than the 50 ms between two keys that tells a person's typing from a scan)."""
    actions = ActionChains(browser, duration=0)
    for ch in code + Keys.ENTER:
        actions.key_down(ch).key_up(ch)
    actions.perform()


def scan(station, code):
    """Scans the code at a station (a scanner's burst of keys ending in Enter) and waits for the new
    verdict. Waits first for the station's script (it sets `window.Station`): before it runs, Enter
    would post the form as a page."""
    WebDriverWait(station, 10).until(lambda s: s.execute_script("return !!window.Station"))
    station.execute_script("document.getElementById('verdict').hidden = true")
    scanner_burst(station, code)
    return WebDriverWait(station, 10).until(EC.visibility_of_element_located((By.ID, "verdict")))
