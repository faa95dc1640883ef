"""Takes the README's screenshots with headless Chromium against a demo server.

    make screenshots     (writes docs/screenshots/*.png; SHOTS=DIR writes them elsewhere)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from conftest import ROOT, Server, choose_activity, log_in, make_browser, scan  # noqa: E402
from family import family_at, register, take_event_ticket  # noqa: E402
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


def main():
    os.makedirs(OUT, exist_ok=True)
    server = Server(idle_timeout=600)
    try:
        kiosk_screens(server, "portrait")
        card, event_ticket = kiosk_screens(server, "landscape")

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
        station.get(server.base + "/login")
        station.delete_all_cookies()
        log_in(station, server, "admin", "demo-admin-2026", "/admin/DEMO")
        WebDriverWait(station, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "nav.site-nav")))
        shot(station, "admin-site")
        station.get(server.base + "/admin/DEMO/m/classes/classes")
        tap(station, "//a[contains(@href, '/page')]")
        shot(station, "admin-class")
        station.quit()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
