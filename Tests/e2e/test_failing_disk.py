"""The service on a disk that fills up: a real tmpfs mounted for the test (as root, as the kiosk box
and CI run). /healthz tells the truth, a family is told what to do, the log says why without
personal data, staff still log in and their station says scans are not recorded, and nothing is
half saved."""
import http.cookiejar
import os
import re
import sqlite3
import subprocess
import tempfile
import urllib.error
import urllib.parse
import urllib.request

import pytest

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import Server, log_in, make_browser


class Browserless:
    """A visitor over plain HTTP that keeps cookies and sends each page's CSRF token and step."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.page = ""

    def get(self, path):
        with self.opener.open(self.base + path, timeout=10) as response:
            self.page = response.read().decode()
        return self.page

    def post(self, path, fields):
        fields = dict(fields)
        for name in ("_csrf", "_step"):
            match = re.search(f'name="{name}" value="([0-9a-f]+)"', self.page)
            if match and name not in fields:
                fields[name] = match.group(1)
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.base + path, data=data, timeout=10) as response:
            self.page = response.read().decode()
        return self.page


def health(server):
    try:
        with urllib.request.urlopen(server.base + "/healthz", timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def register(server, phone):
    family = Browserless(server.base)
    family.get("/kiosk/DEMO/start/core/register")
    family.post("/kiosk/DEMO/screen", {"_action": "guardian:", "guardianName": "Hồ Thị Lan", "phone": phone, "relationship": "mother"})
    family.post("/kiosk/DEMO/screen", {"_action": "child:", "childName": "Hồ Bảo Ngọc", "birthDate": "09/09/2017",
                                       "school": "TH Kim Đồng", "grade": "3"})
    family.post("/kiosk/DEMO/screen", {"_action": "consent:", "consent": "yes"})
    return family.post("/kiosk/DEMO/screen", {"_action": "childConsent:yes"})


def children(server, name):
    with sqlite3.connect(f"file:{server.database}?mode=ro", uri=True) as db:
        return db.execute("SELECT COUNT(*) FROM child WHERE fullName = ?", (name,)).fetchone()[0]


@pytest.fixture
def small_disk():
    """A 24 MB tmpfs of the test's own."""
    mount = tempfile.mkdtemp(prefix="kiosk-disk-")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount], check=True)
    yield mount
    subprocess.run(["umount", "-l", mount], check=False)
    os.rmdir(mount)


def test_a_full_disk_is_told_to_the_family_the_log_and_healthz(small_disk):
    log = os.path.join(tempfile.mkdtemp(), "server.log")
    server = Server(idle_timeout=60, state=os.path.join(small_disk, "state"), log=log)
    try:
        assert health(server) == (200, "ok")
        # The disk fills up (another program's file).
        filler = os.path.join(small_disk, "filler")
        subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=1M", "count=64"], capture_output=True)
        status, text = health(server)
        assert status == 503 and text.startswith("not ok:"), text
        page = register(server, "0933000111")
        assert "bộ nhớ đã đầy" in page or "không ghi được" in page
        assert children(server, "Hồ Bảo Ngọc") == 0, "nothing is half saved"
        with open(log, encoding="utf-8", errors="replace") as file:
            logged = file.read()
        assert "kiosk step failed" in logged and "database or disk is full" in logged
        assert "Hồ Thị Lan" not in logged and "0933000111" not in logged and "Hồ Bảo Ngọc" not in logged
        # Staff still log in (the audit entry cannot be written), and the station says scans are not recorded.
        station = make_browser(1280, 800)
        try:
            log_in(station, server, "staff", "demo-staff-2026", "/staff/DEMO")
            warning = WebDriverWait(station, 20).until(EC.visibility_of_element_located((By.ID, "save-warning")))
            assert "không được ghi lại" in warning.text
            # Room again: the banner goes, the same family registers, and /healthz is ok.
            os.remove(filler)
            WebDriverWait(station, 25).until(EC.invisibility_of_element_located((By.ID, "save-warning")))
        finally:
            station.quit()
        assert health(server) == (200, "ok")
        assert "Đã đăng ký Hồ Bảo Ngọc" in register(server, "0933000111")
        assert children(server, "Hồ Bảo Ngọc") == 1
    finally:
        server.stop()

