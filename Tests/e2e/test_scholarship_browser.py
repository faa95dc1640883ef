"""A scholarship application at the kiosk as a family makes it, by touch: the child and the round,
two circumstances ticked, a few words typed on the page's keyboard, the guardian's consent, the
child's own, the receipt with its QR code; then, once the committee decided, the status."""
import os
import sqlite3

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from conftest import log_in, make_browser
from family import family_at
from test_kiosk_touch import demo_card

SHOTS = os.environ.get("SCHOLARSHIP_SHOTS")  # a folder to keep the screens in, to look at them
DOCUMENTS = '["Đơn xin học bổng","Giấy chứng nhận hộ nghèo hoặc cận nghèo","Học bạ năm học trước","Giấy khai sinh","Ảnh 3×4"]'


def seen(family, name):
    if SHOTS:
        family.browser.save_screenshot(os.path.join(SHOTS, f"kiosk-scholarship-{name}.png"))


def test_a_family_applies_by_touch_and_reads_the_decision_at_the_kiosk(server):
    with family_at(server, "portrait") as family:
        demo_card(family)
        family.tap("a.home-button")
        family.tap("a.tile[href$='/start/scholarships/start']")
        family.wait_for_text("Chọn con và đợt học bổng")
        seen(family, "pick")
        family.tap(xpath="//button[.//*[contains(text(), 'Nguyễn Văn An')]]")
        family.wait_for_text("Đánh dấu các hoàn cảnh")
        family.tap("input[name='circumstances'][value='Hộ nghèo'] + span")
        family.tap("input[name='circumstances'][value='Mồ côi cha hoặc mẹ'] + span")
        seen(family, "circumstances")
        family.tap("button[value='circumstances:']")
        family.wait_for_text("Vài dòng về hoàn cảnh")
        family.tap("#f-note")
        family.type("mej bans hangf rong", pause=0.05)  # Telex, as a parent types it, slowly
        seen(family, "details")
        family.tap("button[value='details:']")
        family.wait_for_text("Đồng ý của phụ huynh")
        box = family.browser.find_element(By.NAME, "consent")
        assert not box.is_selected(), "the consent is never ticked in advance"
        seen(family, "consent")
        family.tap("label.checkbox-big")
        family.tap("button[value='consent:']")
        family.wait_for_text("An ơi, con có đồng ý không?")
        seen(family, "child-consent")
        family.tap("button[value='childConsent:yes']")
        family.wait_for_text("Biên nhận hồ sơ học bổng")
        receipt = family.browser.find_element(By.CSS_SELECTOR, ".ticket-code").text
        assert receipt.startswith("NTN1.DEMO.SR."), receipt
        assert "Giấy khai sinh" in family.browser.find_element(By.TAG_NAME, "main").text
        seen(family, "receipt")

    with sqlite3.connect(server.database) as database:
        row = database.execute("SELECT id, circumstances, note FROM scholarships_application").fetchone()
        assert row[1:] == ('["Hộ nghèo","Mồ côi cha hoặc mẹ"]', "mẹ bán hàng rong"), row
        database.execute("UPDATE scholarships_application SET documentsReceived = ?", (DOCUMENTS,))
    # The committee decides on the admin page.
    admin = make_browser(1280, 900)
    try:
        log_in(admin, server, "admin", "demo-admin-2026", f"/admin/DEMO/m/scholarships/applications/{row[0]}")
        decision = Select(WebDriverWait(admin, 10).until(EC.presence_of_element_located((By.NAME, "decision"))))
        decision.select_by_value("awarded")
        admin.find_element(By.NAME, "reason").send_keys("Mồ côi cha, học lực khá")
        admin.find_element(By.CSS_SELECTOR, "form.admin-form button.button--primary").click()
        WebDriverWait(admin, 10).until(EC.url_matches(r"/m/scholarships/applications$"))
        assert "Được nhận học bổng" in admin.find_element(By.TAG_NAME, "main").text
    finally:
        admin.quit()

    with family_at(server, "landscape") as family:
        demo_card(family)
        family.open("/kiosk/DEMO/start/scholarships/status")
        family.wait_for_text("Tình trạng hồ sơ học bổng")
        text = family.browser.find_element(By.TAG_NAME, "main").text
        assert "Được nhận học bổng" in text and "mẹ bán hàng rong" not in text and "Hộ nghèo" not in text, text
        seen(family, "status")
