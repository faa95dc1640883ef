"""The librarian's side in a real Chromium: the lending desk at a staff station (a reader's card,
then books from a USB scanner, a block overridden with a reason typed at the desk), and a sheet of
our own code labels for copies that came without one, whose QR codes zbarimg reads off the screen."""
import os
import sqlite3
import subprocess
import tempfile

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import choose_activity, log_in, make_browser, scan
from family import family_at
from test_kiosk_touch import demo_card

SHOTS = os.environ.get("LIBRARY_SHOTS")


def query(server, sql):
    with sqlite3.connect(server.database) as database:
        return database.execute(sql).fetchall()


def verdict_text(station):
    return station.find_element(By.ID, "verdict").text


def test_the_lending_desk_lends_to_the_card_scanned_and_a_block_is_overridden_with_a_reason(server):
    with family_at(server, "landscape") as family:
        card = demo_card(family)
    station = make_browser(1280, 800)
    try:
        log_in(station, server, "staff", "demo-staff-2026", "/staff/DEMO")
        choose_activity(station, "quầy cho mượn")
        assert "Quét thẻ bạn đọc trước" in scan(station, "LIB-0001").text
        assert "Nguyễn Văn An" in scan(station, card).text
        for code in ("LIB-0001", "LIB-0003", "LIB-0006"):
            answer = scan(station, code)
            assert "Đã cho mượn" in answer.text, answer.text
        # The fourth book is over the limit: the desk asks why before it lends anyway.
        blocked = scan(station, "LIB-0005")
        assert "verdict--refused" in blocked.get_attribute("class")
        reason = WebDriverWait(station, 10).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".verdict-reason input")))
        assert station.switch_to.active_element == reason, "the reason field has the focus"
        if SHOTS:
            station.save_screenshot(os.path.join(SHOTS, "station-library-override.png"))
        # The librarian types at the desk's keyboard, into whatever has the focus, and presses Enter.
        ActionChains(station).send_keys("Bé làm bài tập ở thư viện" + Keys.ENTER).perform()
        WebDriverWait(station, 10).until(lambda s: "Cho mượn ngoại lệ" in verdict_text(s))
        assert "verdict--warning" in station.find_element(By.ID, "verdict").get_attribute("class")
        assert station.switch_to.active_element == station.find_element(By.ID, "scan-input"), "ready for the next scan"
        if SHOTS:
            station.save_screenshot(os.path.join(SHOTS, "station-library-lent.png"))
    finally:
        station.quit()
    loans = query(server, """
        SELECT c.barcode, l.overriddenBy, l.overrideReason FROM library_loan l JOIN library_copy c ON c.id = l.copyId
        WHERE l.returnedAt IS NULL ORDER BY l.id""")
    assert loans == [("LIB-0001", None, None), ("LIB-0003", None, None), ("LIB-0006", None, None),
                     ("LIB-0005", "staff", "Bé làm bài tập ở thư viện")], loans


def test_a_copy_without_a_label_gets_one_of_ours_on_an_a4_sheet_the_scanner_reads(server):
    admin = make_browser(1280, 1600)
    try:
        log_in(admin, server, "admin", "demo-admin-2026", "/admin/DEMO/m/library/copies/new")
        WebDriverWait(admin, 10).until(EC.presence_of_element_located((By.NAME, "titleId")))
        title_id = query(server, "SELECT id FROM library_title WHERE title = 'Dế Mèn phiêu lưu ký'")[0][0]
        for _ in range(2):  # two copies that came with no barcode: the barcode field left empty
            admin.get(f"{server.base}/admin/DEMO/m/library/copies/new")
            form = WebDriverWait(admin, 10).until(EC.presence_of_element_located((By.NAME, "titleId")))
            form.send_keys(str(title_id))
            admin.find_element(By.NAME, "shelf").send_keys("Kệ L")
            admin.find_element(By.CSS_SELECTOR, "form.admin-form button.button--primary").click()
            WebDriverWait(admin, 10).until(EC.url_matches(r"/m/library/copies$"))
        admin.get(f"{server.base}/admin/DEMO/m/library/copies/labels?f.label=ours&f.added=today")
        WebDriverWait(admin, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".label svg")))
        texts = [label.text for label in admin.find_elements(By.CSS_SELECTOR, ".label")]
        assert len(texts) == 2 and all("Dế Mèn phiêu lưu ký" in text and "Kệ L" in text for text in texts), texts
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(SHOTS or folder, "admin-library-labels.png")
            admin.save_screenshot(path)
            decoded = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", path],
                                     capture_output=True, text=True, timeout=60).stdout.split()
        assert sorted(decoded) == ["LIB-0007", "LIB-0008"], decoded
    finally:
        admin.quit()
