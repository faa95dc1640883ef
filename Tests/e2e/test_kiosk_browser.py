"""A family registers at the kiosk in a real Chromium, by touch; the kiosk forgets them when left idle."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from family import Family
from family import register as register_by_touch


def register(browser, server):
    """A new family registered by touch on the kiosk screen; returns the family, on its member cards."""
    return register_by_touch(Family(browser, server))


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
    # No touch for the idle time (10 s, the countdown in its last seconds): the kiosk goes home by itself.
    WebDriverWait(browser, 30).until(lambda b: b.current_url.rstrip("/").endswith("/kiosk/DEMO")
                                     and "Đăng ký gia đình mới" in b.page_source)
    assert "Lý Gia Bảo" not in browser.page_source
    browser.back()
    time.sleep(1)
    assert "Lý Gia Bảo" not in browser.page_source
    browser.get(server.base + "/kiosk/DEMO/screen")
    assert "Lý Gia Bảo" not in browser.page_source
