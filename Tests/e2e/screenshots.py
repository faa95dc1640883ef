"""Takes the README's screenshots with headless Chromium against a demo server.

    make screenshots     (writes docs/screenshots/*.png)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from conftest import ROOT, Server, choose_activity, log_in, make_browser, scan  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

OUT = os.path.join(ROOT, "docs", "screenshots")


def tap(browser, xpath):
    """Clicks an element once the page shows it (a loaded machine renders late)."""
    WebDriverWait(browser, 10).until(EC.element_to_be_clickable((By.XPATH, xpath))).click()


def shot(browser, name):
    path = os.path.join(OUT, name + ".png")
    browser.save_screenshot(path)
    print("wrote", os.path.relpath(path, ROOT))


def main():
    os.makedirs(OUT, exist_ok=True)
    server = Server(idle_timeout=600)
    kiosk = make_browser(1080, 1500)
    try:
        kiosk.get(server.base + "/kiosk/DEMO")
        shot(kiosk, "kiosk-home")
        kiosk.find_element(By.CSS_SELECTOR, "a.tile[href$='/start/core/register']").click()
        kiosk.find_element(By.NAME, "guardianName").send_keys("Lý Thị Hạnh")
        kiosk.find_element(By.NAME, "phone").send_keys("0908765432")
        kiosk.find_element(By.CSS_SELECTOR, "input[name='relationship'][value='mother']").click()
        kiosk.find_element(By.CSS_SELECTOR, "button[value='guardian:']").click()
        tap(kiosk, "//input[@name='childName']")
        kiosk.find_element(By.NAME, "childName").send_keys("Lý Gia Bảo")
        shot(kiosk, "kiosk-register-child")
        Select(kiosk.find_element(By.NAME, "birthDate__d")).select_by_value("09")
        Select(kiosk.find_element(By.NAME, "birthDate__m")).select_by_value("09")
        Select(kiosk.find_element(By.NAME, "birthDate__y")).select_by_value("2017")
        kiosk.find_element(By.NAME, "school").send_keys("TH Nguyễn Bỉnh Khiêm")
        kiosk.find_element(By.CSS_SELECTOR, "input[name='grade'][value='3']").click()
        kiosk.find_element(By.CSS_SELECTOR, "button[value='child:']").click()
        shot(kiosk, "kiosk-consent")
        kiosk.find_element(By.NAME, "consent").click()
        kiosk.find_element(By.CSS_SELECTOR, "button[value='consent:']").click()
        kiosk.find_element(By.CSS_SELECTOR, "button[value='childConsent:yes']").click()
        shot(kiosk, "kiosk-member-card")
        card = kiosk.find_element(By.CSS_SELECTOR, ".ticket-code").text
        kiosk.get(server.base + "/kiosk/DEMO/start/classes/start")
        shot(kiosk, "kiosk-classes")
        tap(kiosk, "//button[.//*[contains(text(), 'Đàn organ')]]")
        WebDriverWait(kiosk, 10).until(EC.presence_of_element_located((By.NAME, "hardship")))
        shot(kiosk, "kiosk-class-enrol")
        kiosk.get(server.base + "/kiosk/DEMO/start/classes/start")
        tap(kiosk, "//button[.//*[contains(text(), 'Câu lạc bộ Cờ vua')]]")
        tap(kiosk, "//button[@value='enrol:']")
        WebDriverWait(kiosk, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".ticket-code")))
        shot(kiosk, "kiosk-class-ticket")
        kiosk.get(server.base + "/kiosk/DEMO/start/events/start")
        tap(kiosk, "//button[.//*[contains(text(), 'Vui hội trăng rằm')]]")
        tap(kiosk, "//input[@type='checkbox'][starts-with(@name, 'child')]")
        kiosk.find_element(By.CSS_SELECTOR, "button[value='register:']").click()
        event_ticket = WebDriverWait(kiosk, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".ticket-code"))).text
        shot(kiosk, "kiosk-event-ticket")

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
        kiosk.quit()
        server.stop()


if __name__ == "__main__":
    main()
