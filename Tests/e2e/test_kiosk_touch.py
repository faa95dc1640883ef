"""The kiosk as a family meets it: a touch screen of 1280×800 or 1080×1920, every letter tapped on the
page's own keyboard, a parent who types slowly, and a USB card scanner typing into whatever has
the focus. The walk-through prints the taps, keys and screens a new family needs."""
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from family import TELEX, family_at, register, take_event_ticket

DEMO_PHONE, DEMO_BIRTH = "0912345678", "010615"  # the demo family: 01/06/2015
AIM_TAPS, AIM_KEYS = 15, 45


@pytest.fixture(params=["landscape", "portrait"])
def orientation(request):
    return request.param


def demo_card(family):
    """Identifies the demo family by phone and birth date on the pads, and returns its member card."""
    family.open("/kiosk/DEMO/start/core/identify")
    family.wait_for_text("Nhận diện gia đình")
    family.type(DEMO_PHONE)  # the phone pad is open, and moves on to the date when the number is whole
    family.type(DEMO_BIRTH)
    family.tap("button[value='phone:']")
    family.wait_for_text("Xin chào Trần Thị Mai")
    return family.browser.find_element(By.CSS_SELECTOR, ".ticket-code").text


def test_a_new_family_registers_by_touch_and_takes_an_event_ticket(server, orientation):
    with family_at(server, orientation) as family:
        register(family)
        # The hotline badge covers no printed code.
        for code in family.browser.find_elements(By.CSS_SELECTOR, ".ticket-code"):
            family.browser.execute_script("arguments[0].scrollIntoView({block: 'end', behavior: 'instant'})", code)
            hit = family.browser.execute_script("""
                const r = arguments[0].getBoundingClientRect();
                const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return arguments[0].contains(at);""", code)
            assert hit, "something lies over the card's printed code"
        ticket = take_event_ticket(family, "Vui hội trăng rằm")
        assert ticket.startswith("NTN1.DEMO.EV.")
        print(f"\nwalk-through ({orientation}): {family.taps} taps that are not letters or digits, {family.keys} character keys, "
              f"{len(family.screens)} screens: {' → '.join(family.screens)}")
        assert family.taps <= AIM_TAPS and family.keys <= AIM_KEYS


def test_shift_and_telex_keys_keep_the_keyboard_and_send_nothing(server):
    with family_at(server, "landscape") as family:
        family.open("/kiosk/DEMO/start/core/register")
        family.wait_for_text("Thông tin phụ huynh")
        for _ in range(3):
            family.key("shift")
            family.key("telex")
        time.sleep(0.5)
        assert family.keyboard_open(), "the keyboard closed under a key"
        assert not family.browser.find_elements(By.CSS_SELECTOR, ".field-error"), "a tap went through to the page"
        assert family.screens[-1] == "Thông tin phụ huynh"
        family.key("telex")  # Telex is on again (it was toggled an odd number of times)
        family.type(TELEX["Lý Thị Hạnh"])
        assert family.field_value("guardianName") == "Lý Thị Hạnh"


def test_a_scanned_card_identifies_the_family_wherever_the_focus_is(server):
    with family_at(server, "landscape") as family:
        card = demo_card(family)
        assert family.browser.execute_script("return Telex.type(arguments[0]) !== arguments[0]", card), \
            "the card has letters Telex would rewrite"
        # On the home screen, nothing focused: the family's cards open.
        family.open("/kiosk/DEMO/reset")
        family.scan(card)
        family.wait_for_text("Xin chào Trần Thị Mai")
        # On the identify screen after the classes tile (the phone pad has the focus): the classes open.
        family.open("/kiosk/DEMO/reset")
        family.tap("a.tile[href$='/start/classes/start']")
        family.wait_for_text("Nhận diện gia đình")
        assert family.browser.execute_script("return document.activeElement.name") == "phone"
        family.scan(card)
        family.wait_for_text("Các lớp cho Nguyễn Văn An")
        # Into a name field with Telex on, half typed: the server gets the code as scanned.
        family.open("/kiosk/DEMO/reset")
        family.tap("a.tile[href$='/start/core/register']")
        family.wait_for_text("Thông tin phụ huynh")
        family.type("ng")
        family.scan(card)
        family.wait_for_text("Xin chào Trần Thị Mai")


def test_a_scanned_stranger_code_is_refused_and_a_typed_name_is_kept(server):
    with family_at(server, "portrait") as family:
        family.open("/kiosk/DEMO/start/core/identify")
        family.scan("8935236401234")  # a book's barcode, not a card
        family.wait_for_text("Không nhận ra thẻ này")
        assert "Trần Thị Mai" not in family.browser.page_source


def test_the_keyboard_types_a_card_code(server):
    with family_at(server, "portrait") as family:
        card = demo_card(family)
        family.open("/kiosk/DEMO/reset")
        family.tap("a.tile[href$='/start/core/identify']")
        family.tap("#f-card")
        family.type(card)
        assert family.field_value("card") == card, "no Telex on a code"
        family.tap("button[value='phone:']")
        family.wait_for_text("Xin chào Trần Thị Mai")


def test_a_slow_parent_is_kept_and_a_parent_who_walks_away_is_forgotten(slow_server):
    with family_at(slow_server, "landscape") as family:
        family.open("/kiosk/DEMO")
        family.tap("a.tile[href$='/start/core/register']")
        family.wait_for_text("Thông tin phụ huynh")
        # One key every two seconds: 28 s of typing, longer than the server's 20 s, with no request of the page's own.
        family.type(TELEX["Lý Thị Hạnh"], pause=2)
        assert not family.browser.find_elements(By.CSS_SELECTOR, ".idle-overlay"), "no countdown while the parent types"
        family.next()
        family.type("0908765432")
        family.tap("input[name='relationship'][value='mother'] + span")
        family.tap("button[value='guardian:']")
        family.wait_for_text("Thông tin của con")
        # Nobody touches the screen: a countdown, then home, and the server has forgotten them too.
        WebDriverWait(family.browser, 25).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".idle-overlay")))
        WebDriverWait(family.browser, 15).until(lambda b: "Đăng ký gia đình mới" in b.page_source)
        family.browser.get(slow_server.base + "/kiosk/DEMO/screen")
        assert "Thông tin của con" not in family.browser.page_source
        assert "Lý Thị Hạnh" not in family.browser.page_source


def test_a_double_tap_as_the_keys_move_on_does_nothing_more(server):
    with family_at(server, "landscape") as family:
        family.open("/kiosk/DEMO/start/core/register")
        family.type(TELEX["Lý Thị Hạnh"])
        family.next()
        # The last digit of the phone, tapped twice: the pad goes away under the second tap, which must not send the form.
        family.type("090876543")
        family.double_tap(family.browser.find_element(By.CSS_SELECTOR, ".osk .osk-key--char[data-char='2']"))
        time.sleep(1)
        assert family.screens[-1] == "Thông tin phụ huynh" and not family.browser.find_elements(By.CSS_SELECTOR, ".field-error")
        assert family.field_value("phone") == "0908765432"
        family.tap("input[name='relationship'][value='mother'] + span")
        family.tap("button[value='guardian:']")
        family.wait_for_text("Thông tin của con")
        family.type(TELEX["Lý Gia Bảo"])
        family.next()
        # The last digit of the date, twice: the letters replace the pad, and the second tap types nothing.
        family.type("09091")
        family.double_tap(family.browser.find_element(By.CSS_SELECTOR, ".osk .osk-key--char[data-char='7']"))
        assert family.field_value("birthDate") == "09/09/2017" and family.field_value("school") == ""
        # A school picked with a double tap: the grade below stays unticked.
        family.type("ng")
        chip = family.browser.find_element(By.XPATH, "//button[contains(@class, 'osk-chip')][contains(., 'Nguyễn Bỉnh Khiêm')]")
        family.double_tap(chip)
        assert family.field_value("school") == "Trường Tiểu học Nguyễn Bỉnh Khiêm"
        assert not family.browser.find_elements(By.CSS_SELECTOR, "input[name='grade']:checked")


def test_adding_an_adult_waits_for_the_familys_guardian_card(server):
    with family_at(server, "portrait") as family:
        demo_card(family)
        guardian_card = family.browser.find_elements(By.CSS_SELECTOR, ".ticket-code")[-1].text
        assert ".GC." in guardian_card
        family.tap("a[href$='/start/core/guardian']")
        family.wait_for_text("quét thẻ phụ huynh của mình trước")
        # A phone and a birth date were enough to get here, not to add a collecting adult: a card of another kind is refused.
        family.scan("NTN1.DEMO.GC.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA")  # forged
        family.wait_for_text("Đây không phải thẻ phụ huynh của gia đình này")
        family.scan(guardian_card)
        family.wait_for_text("Họ và tên phụ huynh")
        assert family.browser.find_elements(By.NAME, "guardianName")
