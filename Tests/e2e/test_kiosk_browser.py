"""A family registers at the kiosk in a real Chromium; the kiosk forgets them when left idle."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait


def tap(browser, css):
    browser.find_element(By.CSS_SELECTOR, css).click()


def wait_for_text(browser, text, timeout=10):
    WebDriverWait(browser, timeout).until(EC.text_to_be_present_in_element((By.TAG_NAME, "body"), text))


def register(browser, server):
    browser.get(server.base + "/kiosk/DEMO")
    wait_for_text(browser, "Đăng ký gia đình mới")
    tap(browser, "a.tile[href$='/start/core/register']")
    wait_for_text(browser, "Thông tin phụ huynh")
    browser.find_element(By.NAME, "guardianName").send_keys("Lý Thị Hạnh")
    browser.find_element(By.NAME, "phone").send_keys("0908765432")
    tap(browser, "input[name='relationship'][value='mother']")
    tap(browser, "button[value='guardian:']")
    wait_for_text(browser, "Thông tin của con")
    browser.find_element(By.NAME, "childName").send_keys("Lý Gia Bảo")
    Select(browser.find_element(By.NAME, "birthDate__d")).select_by_value("09")
    Select(browser.find_element(By.NAME, "birthDate__m")).select_by_value("09")
    Select(browser.find_element(By.NAME, "birthDate__y")).select_by_value("2017")
    browser.find_element(By.NAME, "school").send_keys("TH Nguyễn Bỉnh Khiêm")
    tap(browser, "input[name='grade'][value='3']")
    tap(browser, "button[value='child:']")
    wait_for_text(browser, "Đồng ý của phụ huynh")
    box = browser.find_element(By.NAME, "consent")
    assert not box.is_selected(), "consent must never be ticked in advance"
    box.click()
    tap(browser, "button[value='consent:']")
    wait_for_text(browser, "Chào Bảo!")
    tap(browser, "button[value='childConsent:yes']")
    wait_for_text(browser, "Đã đăng ký Lý Gia Bảo")


def test_a_family_registers_and_sees_the_member_card(server, browser):
    register(browser, server)
    cards = browser.find_elements(By.CSS_SELECTOR, ".ticket")
    assert len(cards) == 2  # the child's member card and the guardian's card
    names = [c.find_element(By.CSS_SELECTOR, ".ticket-name").text for c in cards]
    assert names == ["Lý Gia Bảo", "Lý Thị Hạnh"]
    image = cards[0].find_element(By.CSS_SELECTOR, "img.ticket-qr")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) > 100
    code = cards[0].find_element(By.CSS_SELECTOR, ".ticket-code").text
    assert code.startswith("NTN1.DEMO.MC.")


def test_the_idle_reset_forgets_the_family_and_back_shows_nothing(server, browser):
    register(browser, server)
    # No touch for the idle time (10 s) and the countdown (10 s): the kiosk goes home by itself.
    WebDriverWait(browser, 40).until(lambda b: b.current_url.rstrip("/").endswith("/kiosk/DEMO")
                                     and "Đăng ký gia đình mới" in b.page_source)
    assert "Lý Gia Bảo" not in browser.page_source
    browser.back()
    time.sleep(1)
    assert "Lý Gia Bảo" not in browser.page_source
    browser.get(server.base + "/kiosk/DEMO/screen")
    assert "Lý Gia Bảo" not in browser.page_source
