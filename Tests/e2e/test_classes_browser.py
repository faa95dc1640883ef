"""A family enrols a child in a talent class in a real Chromium; the place survives a kill -9."""
import sqlite3

from selenium.webdriver.common.by import By

from test_kiosk_browser import register


def test_an_enrolment_the_kiosk_showed_survives_the_process_being_killed(server, browser):
    family = register(browser, server)
    family.tap("a.home-button")
    family.tap("a.tile[href$='/start/classes/start']")
    family.wait_for_text("Các lớp cho Lý Gia Bảo")
    # The kiosk lists each class with its schedule, fee and seats.
    assert "Câu lạc bộ Cờ vua" in browser.page_source
    assert "600.000 đ" in browser.page_source
    family.tap(xpath="//button[.//*[contains(text(), 'Đàn organ')]]")
    family.wait_for_text("Xin miễn học phí vì hoàn cảnh khó khăn")
    hardship = browser.find_element(By.NAME, "hardship")
    assert not hardship.is_selected(), "the hardship box is never ticked in advance"
    family.tap("button[value='enrol:']")
    family.wait_for_text("Lý Gia Bảo đã được ghi danh")
    code = browser.find_element(By.CSS_SELECTOR, ".ticket-code").text
    assert code.startswith("NTN1.DEMO.CL.")
    image = browser.find_element(By.CSS_SELECTOR, "img.ticket-qr")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) > 100

    # The power goes the moment the ticket is on screen: the place is on disk.
    server.kill()
    with sqlite3.connect(server.database) as db:
        rows = db.execute("""
            SELECT e.status, c.titleVi FROM classes_enrolment e
            JOIN child ON child.id = e.childId JOIN classes_class c ON c.id = e.classId
            WHERE child.fullName = 'Lý Gia Bảo'""").fetchall()
        ticket = db.execute("SELECT COUNT(*) FROM ticket WHERE kind = 'CL' AND revokedAt IS NULL AND childId = "
                            "(SELECT id FROM child WHERE fullName = 'Lý Gia Bảo')").fetchone()[0]
    assert rows == [("enrolled", "Đàn organ")]
    assert ticket == 1
