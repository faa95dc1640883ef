"""Takes the README's screenshots with headless Chromium against a demo server.

    make screenshots     (writes docs/screenshots/*.png)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from conftest import ROOT, Server, make_browser  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

OUT = os.path.join(ROOT, "docs", "screenshots")


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
        kiosk.find_element(By.NAME, "childName").click()
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

        station = make_browser(1280, 800)
        station.get(server.base + "/login?next=/staff/DEMO")
        station.find_element(By.NAME, "username").send_keys("staff")
        station.find_element(By.NAME, "password").send_keys("demo-staff-2026")
        station.find_element(By.CSS_SELECTOR, "form button").click()
        scan = station.find_element(By.ID, "scan-input")
        scan.send_keys(card + "\n")
        WebDriverWait(station, 10).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".verdict--accepted")))
        shot(station, "station-verdict")
        station.get(server.base + "/login")
        station.delete_all_cookies()
        station.get(server.base + "/login?next=/admin/DEMO")
        station.find_element(By.NAME, "username").send_keys("admin")
        station.find_element(By.NAME, "password").send_keys("demo-admin-2026")
        station.find_element(By.CSS_SELECTOR, "form button").click()
        WebDriverWait(station, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "nav.site-nav")))
        shot(station, "admin-site")
        station.quit()
    finally:
        kiosk.quit()
        server.stop()


if __name__ == "__main__":
    main()
