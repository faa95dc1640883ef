"""Takes the README's screenshots with headless Chromium against a demo server.

    make screenshots     (writes docs/screenshots/*.png; SHOTS=DIR writes them elsewhere)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from conftest import ROOT, Server, choose_activity, log_in, make_browser, scan  # noqa: E402
from family import family_at, register, take_event_ticket  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from test_kiosk_touch import demo_card  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

OUT = os.environ.get("SHOTS", os.path.join(ROOT, "docs", "screenshots"))


def tap(browser, xpath):
    """Clicks an element once the page shows it (a loaded machine renders late)."""
    WebDriverWait(browser, 10).until(EC.element_to_be_clickable((By.XPATH, xpath))).click()


# The screens the README shows (committed); every other one goes to all/, which git ignores.
README_SHOTS = {
    "kiosk-home-portrait", "kiosk-guardian-name-landscape", "kiosk-child-birth-date-landscape", "kiosk-child-school-portrait",
    "kiosk-consent-portrait", "kiosk-member-card-portrait", "kiosk-classes-portrait", "kiosk-class-ticket-portrait",
    "kiosk-event-ticket-portrait", "station-verdict", "station-class-register", "station-event-already", "admin-site", "admin-class",
    "kiosk-library-checkout-portrait", "kiosk-library-return-portrait", "station-library-override", "admin-library-labels",
}


def shot(browser, name):
    folder = OUT if name in README_SHOTS else os.path.join(OUT, "all")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name + ".png")
    browser.save_screenshot(path)
    print("wrote", os.path.relpath(path, ROOT))


def kiosk_screens(server, orientation):
    """Every kiosk screen of a new family's visit, with the keyboard open where a field has it,
    driven by touch; returns the member card's and the event ticket's codes."""
    with family_at(server, orientation) as family:
        kiosk = family.browser
        phone = "0908765432" if orientation == "landscape" else "0908765431"
        def seen(step):
            shot(kiosk, f"kiosk-{step}-{orientation}")

        register(family, phone, seen)
        card = kiosk.find_element(By.CSS_SELECTOR, ".ticket-code").text
        family.open("/kiosk/DEMO/start/classes/start")
        seen("classes")
        family.tap(xpath="//button[.//*[contains(text(), 'Đàn organ')]]")
        WebDriverWait(kiosk, 10).until(EC.presence_of_element_located((By.NAME, "hardship")))
        seen("class-enrol")
        family.open("/kiosk/DEMO/start/classes/start")
        family.tap(xpath="//button[.//*[contains(text(), 'Câu lạc bộ Cờ vua')]]")
        family.tap("button[value='enrol:']")
        WebDriverWait(kiosk, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".ticket-code")))
        seen("class-ticket")
        event_ticket = take_event_ticket(family, "Vui hội trăng rằm")
        seen("event-ticket")
        kiosk.get(server.base + "/kiosk/DEMO/reset")
        family.tap("a.tile[href$='/start/core/identify']")
        family.wait_for_text("Nhận diện gia đình")
        seen("identify")
        family.tap("#f-card")
        seen("identify-card-code")
        family.open("/kiosk/DEMO/start/core/register")
        family.tap("button[value='guardian:']")
        family.wait_for_text("Vui lòng điền")
        seen("guardian-errors")
        return card, event_ticket


def as_admin(browser, server, path, shown):
    """The same browser, its staff session dropped, logged in as the demo administrator at `path`."""
    browser.get(server.base + "/login")
    browser.delete_all_cookies()
    log_in(browser, server, "admin", "demo-admin-2026", path)
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, shown)))


def library_screens(server, card):
    """The library's screens: the demo child borrows two books with their card (the only copy of one
    of them); the family of `card` finds that title all out and reserves it; the book comes back on
    the home screen, for the hold shelf; then the desks at a station and the librarian's pages."""
    with family_at(server, "portrait") as family:
        kiosk = family.browser
        demo = demo_card(family)
        family.tap("a.home-button")
        family.tap("a.tile[href$='/start/library/start']")
        family.wait_for_text("Mượn sách: Nguyễn Văn An")
        for code in ("LIB-0005", "LIB-0002"):
            family.scan(code)
            WebDriverWait(kiosk, 10).until(lambda b, n=code: len(b.find_elements(By.CSS_SELECTOR, ".scanned-item")) >= (1 if n == "LIB-0005" else 2))
        shot(kiosk, "kiosk-library-checkout-portrait")
        family.tap("button[value='done:']")
        family.wait_for_text("Phiếu mượn sách")
        shot(kiosk, "kiosk-library-slip-portrait")
        family.open("/kiosk/DEMO/reset")
        family.scan(card)
        family.wait_for_text("Xin chào")
        family.tap("a.home-button")
        family.tap("a.tile[href$='/start/library/start']")
        family.wait_for_text("Mượn sách: Lý Gia Bảo")
        shot(kiosk, "kiosk-library-checkout-empty-portrait")
        family.tap(xpath="//a[contains(@href, '/start/library/search')] | //button[contains(., 'Tìm sách')]")
        family.wait_for_text("Tên sách hoặc tác giả")
        family.type("muoi van")
        shot(kiosk, "kiosk-library-search-form-portrait")
        family.tap(xpath="//button[contains(., 'Tìm')]")
        family.wait_for_text("đầu sách cho")
        shot(kiosk, "kiosk-library-search-portrait")
        family.tap(xpath="//button[.//*[contains(text(), 'Mười vạn câu hỏi vì sao')]]")
        family.wait_for_text("Đã đặt giữ")
        shot(kiosk, "kiosk-library-hold-portrait")
        family.open("/kiosk/DEMO/start/library/mine")
        family.wait_for_text("Sách của con")
        shot(kiosk, "kiosk-library-mine-portrait")
        family.open("/kiosk/DEMO/reset")
        family.scan("LIB-0005")
        family.wait_for_text("kệ giữ sách")
        shot(kiosk, "kiosk-library-return-portrait")

    station = make_browser(1280, 800)
    log_in(station, server, "staff", "demo-staff-2026", "/staff/DEMO")
    choose_activity(station, "quầy cho mượn")
    scan(station, demo)
    shot(station, "station-library-reader")
    for code in ("LIB-0003", "LIB-0004"):
        scan(station, code)
    scan(station, "LIB-0006")
    WebDriverWait(station, 10).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".verdict-reason input")))
    shot(station, "station-library-override")
    ActionChains(station).send_keys("Bé đọc tại thư viện" + Keys.ENTER).perform()
    WebDriverWait(station, 10).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".verdict--warning")))
    shot(station, "station-library-lent")
    choose_activity(station, "quầy trả sách")
    scan(station, "LIB-0002")
    shot(station, "station-library-returned")
    choose_activity(station, "kiểm kê")
    scan(station, "LIB-0001")
    shot(station, "station-library-stocktake")
    as_admin(station, server, "/admin/DEMO/m/library/loans", "table.list")
    shot(station, "admin-library-loans")
    station.get(server.base + "/admin/DEMO/m/library/loans/print")
    shot(station, "admin-library-loans-print")
    for page in ("holds", "stocktakes", "rules", "settings", "titles"):
        station.get(f"{server.base}/admin/DEMO/m/library/{page}")
        shot(station, f"admin-library-{page}")
    tap(station, "//a[contains(@href, '/import')]")
    shot(station, "admin-library-import")
    station.get(server.base + "/admin/DEMO/m/library/stocktakes")
    tap(station, "//a[contains(@href, '/page')]")
    shot(station, "admin-library-stocktake")
    for _ in range(3):  # three copies that came with no label
        station.get(server.base + "/admin/DEMO/m/library/copies/new")
        WebDriverWait(station, 10).until(EC.presence_of_element_located((By.NAME, "titleId"))).send_keys("2")
        station.find_element(By.NAME, "shelf").send_keys("Kệ C")
        station.find_element(By.CSS_SELECTOR, "form.admin-form button.button--primary").click()
        WebDriverWait(station, 10).until(EC.url_matches(r"/m/library/copies$"))
    shot(station, "admin-library-copies")
    station.get(server.base + "/admin/DEMO/m/library/copies/labels?f.label=ours&f.added=today")
    shot(station, "admin-library-labels")
    station.quit()


def main():
    os.makedirs(OUT, exist_ok=True)
    server = Server(idle_timeout=600)
    try:
        kiosk_screens(server, "portrait")
        card, event_ticket = kiosk_screens(server, "landscape")
        library_screens(server, card)

        station = make_browser(1280, 800)
        log_in(station, server, "staff", "demo-staff-2026", "/staff/DEMO")
        scan(station, card)
        WebDriverWait(station, 10).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".verdict--accepted")))
        shot(station, "station-verdict")
        choose_activity(station, "Cờ vua")
        # A forgotten card: found by name without tone marks and marked by hand (a scan works only
        # while the session runs, and this script runs at any hour).
        station.find_element(By.ID, "search-input").send_keys("ly gia bao\n")
        WebDriverWait(station, 10).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#search-results button"))).click()
        WebDriverWait(station, 10).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".verdict--accepted")))
        shot(station, "station-class-register")
        choose_activity(station, "Vui hội trăng rằm")
        for verdict in ("accepted", "warning"):  # the ticket twice: in, then already in at HH:mm
            scan(station, event_ticket)
            WebDriverWait(station, 10).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".verdict--" + verdict)))
        shot(station, "station-event-already")
        as_admin(station, server, "/admin/DEMO", "nav.site-nav")
        shot(station, "admin-site")
        station.get(server.base + "/admin/DEMO/m/classes/classes")
        tap(station, "//a[contains(@href, '/page')]")
        shot(station, "admin-class")
        station.quit()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
