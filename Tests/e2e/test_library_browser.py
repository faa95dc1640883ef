"""The library at the kiosk as a child meets it, by touch and with a USB scanner: the member card,
two books, the slip; then a book brought back with no card."""
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from family import family_at
from test_kiosk_touch import demo_card

SHOTS = os.environ.get("LIBRARY_SHOTS")  # a folder to keep the screens in, to look at them


def scanned_items(family, count):
    return WebDriverWait(family.browser, 10).until(
        lambda browser: (items := browser.find_elements(By.CSS_SELECTOR, ".scanned-item")) and len(items) >= count and items)


def test_a_child_borrows_two_books_with_their_card_and_brings_one_back(server):
    with family_at(server, "portrait") as family:
        card = demo_card(family)
        family.open("/kiosk/DEMO/reset")
        family.scan(card)
        family.wait_for_text("Xin chào Trần Thị Mai")
        family.tap("a.home-button")
        family.tap("a.tile[href$='/start/library/start']")
        family.wait_for_text("Mượn sách: Nguyễn Văn An")
        family.scan("LIB-0001")
        scanned_items(family, 1)
        family.scan("LIB-0003")
        items = scanned_items(family, 2)
        texts = [item.text for item in items]
        assert "Thần đồng đất Việt" in texts[0] and "Trả trước ngày" in texts[0], texts
        assert "Dế Mèn phiêu lưu ký" in texts[1], texts
        if SHOTS:
            family.browser.save_screenshot(os.path.join(SHOTS, "library-checkout.png"))
        family.tap("button[value='done:']")
        family.wait_for_text("Phiếu mượn sách")
        slip = family.browser.find_element(By.CSS_SELECTOR, ".summary").text
        assert "Dế Mèn phiêu lưu ký" in slip and "Thần đồng đất Việt" in slip, slip
        if SHOTS:
            family.browser.save_screenshot(os.path.join(SHOTS, "library-slip.png"))

        # Anyone brings a book back: no card, the book scanned on the home screen.
        family.open("/kiosk/DEMO/reset")
        family.scan("LIB-0003")
        family.wait_for_text("Trả sách")
        returned = scanned_items(family, 1)[0].text
        assert "Thần đồng đất Việt" in returned and "Đã trả" in returned, returned
        assert "Trần Thị Mai" not in family.browser.page_source
        if SHOTS:
            family.browser.save_screenshot(os.path.join(SHOTS, "library-return.png"))
