"""The service on a disk that fills up (a real tmpfs mounted for the test) or fails into read-only (an
ext4 loop device that meets an error), as root, as the kiosk box and CI run. /healthz tells the truth, a family is told what to do, the log says why without
personal data, staff still log in and their station says scans are not recorded (a ticket is still
judged at the gate, marked not recorded), and nothing is half saved."""
import os
import sqlite3
import subprocess
import tempfile
import urllib.error
import urllib.request

import pytest

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browserless import Browserless, festival_ticket, register_family
from conftest import Server, choose_activity, log_in, make_browser, scan


def health(server):
    try:
        with urllib.request.urlopen(server.base + "/healthz", timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def checked_in(server):
    with sqlite3.connect(f"file:{server.database}?mode=ro", uri=True) as db:
        return db.execute("SELECT COUNT(*) FROM events_registration WHERE checkedInAt IS NOT NULL").fetchone()[0]


def register(server, phone):
    return register_family(Browserless(server.base), phone, "Hồ Thị Lan", "Hồ Bảo Ngọc")


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
        # A family with a festival ticket, while the disk has room.
        family = Browserless(server.base)
        assert "Đã đăng ký Lê Minh Khôi" in register_family(family, "0933000222", "Lê Thị Thu", "Lê Minh Khôi")
        ticket = festival_ticket(family)
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
            # At the gate a ticket is still judged, and the verdict says it was not recorded.
            choose_activity(station, "Vui hội trăng rằm")
            verdict = scan(station, ticket)
            assert "verdict--accepted" in verdict.get_attribute("class")
            assert station.find_element(By.CSS_SELECTOR, ".verdict-unrecorded").text == "CHƯA LƯU ĐƯỢC: ghi lại trên giấy"
            assert checked_in(server) == 0
            # Room again: the banner goes, the same family registers, and /healthz is ok.
            os.remove(filler)
            WebDriverWait(station, 25).until(EC.invisibility_of_element_located((By.ID, "save-warning")))
            verdict = scan(station, ticket)
            assert "verdict--accepted" in verdict.get_attribute("class")
            assert not station.find_element(By.CSS_SELECTOR, ".verdict-unrecorded").is_displayed()
            assert checked_in(server) == 1
        finally:
            station.quit()
        assert health(server) == (200, "ok")
        assert "Đã đăng ký Hồ Bảo Ngọc" in register(server, "0933000111")
        assert children(server, "Hồ Bảo Ngọc") == 1
    finally:
        server.stop()



def test_a_disk_gone_read_only_still_judges_scans_and_says_they_are_not_recorded(loop_disk):
    log = os.path.join(tempfile.mkdtemp(), "server.log")
    server = Server(idle_timeout=60, state=os.path.join(loop_disk.mount, "state"), log=log)
    try:
        family = Browserless(server.base)
        assert "Đã đăng ký Đỗ Gia Huy" in register_family(family, "0933000333", "Đỗ Thị Hoa", "Đỗ Gia Huy")
        ticket = festival_ticket(family)
        # The disk fails, and ext4 turns it read-only under the running service.
        loop_disk.fail()
        status, text = health(server)
        assert status == 503 and text.startswith("not ok:"), text
        assert "không ghi được" in register_family(Browserless(server.base), "0933000444", "Vũ Thị Hà", "Vũ Minh Nhật")
        station = make_browser(1280, 800)
        try:
            log_in(station, server, "staff", "demo-staff-2026", "/staff/DEMO")
            WebDriverWait(station, 20).until(EC.visibility_of_element_located((By.ID, "save-warning")))
            choose_activity(station, "Vui hội trăng rằm")
            verdict = scan(station, ticket)
            assert "verdict--accepted" in verdict.get_attribute("class")
            assert station.find_element(By.CSS_SELECTOR, ".verdict-name").text == "Đỗ Gia Huy"
            assert station.find_element(By.CSS_SELECTOR, ".verdict-unrecorded").is_displayed()
        finally:
            station.quit()
        with open(log, encoding="utf-8", errors="replace") as file:
            logged = file.read()
        assert "kiosk step failed" in logged
        assert "Vũ Thị Hà" not in logged and "0933000444" not in logged and "Vũ Minh Nhật" not in logged
    finally:
        server.kill()
