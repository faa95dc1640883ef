"""A family at the kiosk, as a person uses it: a touch screen of kiosk size, every letter tapped on
the page's own keyboard, and a card scanner that types a burst of keys ending in Enter into
whatever has the focus. Counts the taps, the character keys and the screens it went through."""
import time
from contextlib import contextmanager

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import kiosk_browser, scanner_burst

# The Telex keys a parent taps for each name the tests use (the keyboard capitalises each word).
TELEX = {"Lý Thị Hạnh": "lys thij hanhj", "Lý Gia Bảo": "lys gia baor"}


@contextmanager
def family_at(server, orientation):
    """A family in front of a kiosk screen of that orientation; the browser closes afterwards."""
    browser = kiosk_browser(orientation)
    try:
        yield Family(browser, server)
    finally:
        browser.quit()


class Family:
    """Drives the kiosk by touch. `taps` counts touches that are not a letter, digit or space key;
    `keys` counts those; `screens` lists the screen titles seen, in order."""

    def __init__(self, browser, server):
        self.browser = browser
        self.server = server
        self.taps = 0
        self.keys = 0
        self.screens = []
        self.last_touch = 0.0

    # ---- Seeing.
    def open(self, path):
        self.browser.get(self.server.base + path)
        self.note_screen()

    def wait_for_text(self, text, timeout=10):
        WebDriverWait(self.browser, timeout).until(
            lambda b: b.execute_script("return !!document.body && document.body.innerText.includes(arguments[0])", text))
        self.note_screen()

    def note_screen(self):
        title = self.browser.execute_script("const h = document.querySelector('h1'); return h ? h.textContent.trim() : ''")
        if title and (not self.screens or self.screens[-1] != title):
            self.screens.append(title)

    def keyboard_open(self):
        return self.browser.execute_script("return !!document.querySelector('.osk')")

    def focused_field_visible(self):
        """Whether the focused field lies whole between the header and the on-screen keyboard."""
        return self.browser.execute_script("""
            const field = document.activeElement, keys = document.querySelector('.osk');
            if (!field || !keys || !field.matches('input, textarea')) return false;
            const r = field.getBoundingClientRect(), top = document.querySelector('.kiosk-header').getBoundingClientRect().bottom;
            return r.top >= top && r.bottom <= innerHeight - keys.offsetHeight && r.height > 0;""")

    # ---- Touching.
    def touch(self, element):
        """One finger down and up at the element's centre: the page's own hit testing decides what
        it lands on, as on a real screen. A part of the page out of view is first scrolled to, as a
        person swipes to it."""
        visible = self.browser.execute_script("""
            const r = arguments[0].getBoundingClientRect(), keys = document.querySelector('.osk');
            const bottom = innerHeight - (keys && !keys.contains(arguments[0]) ? keys.offsetHeight : 0);
            return r.top >= 0 && r.bottom <= bottom;""", element)
        if not visible:
            self.browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        x, y = self.browser.execute_script("""
            const r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];""", element)
        point = {"x": x, "y": y, "radiusX": 4, "radiusY": 4, "force": 1, "id": 1}
        self.browser.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]})
        self.browser.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        self.last_touch = time.monotonic()

    def look(self):
        """A person's moment between one touch and a touch elsewhere: the eyes find the next target."""
        time.sleep(max(0.0, self.last_touch + 0.6 - time.monotonic()))

    def double_tap(self, element, gap=0.15):
        """Two quick touches at the same spot, the second wherever the first left the page."""
        x, y = self.browser.execute_script("""
            const r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];""", element)
        for _ in range(2):
            point = {"x": x, "y": y, "radiusX": 4, "radiusY": 4, "force": 1, "id": 1}
            self.browser.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]})
            self.browser.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
            time.sleep(gap)
        self.last_touch = time.monotonic()

    def tap(self, css=None, xpath=None):
        """Taps a button, tile, choice or field (counted as a tap), as a person does: a moment after
        the last touch, having looked where the finger goes."""
        self.look()
        locator = (By.XPATH, xpath) if xpath else (By.CSS_SELECTOR, css)
        element = WebDriverWait(self.browser, 10).until(EC.element_to_be_clickable(locator)
                                                        if not css or "input" not in css else EC.presence_of_element_located(locator))
        self.touch(element)
        self.taps += 1

    def key(self, kind):
        """Taps a keyboard key that types no character: shift, telex, next, backspace (a tap)."""
        self.look()
        self.touch(self.browser.find_element(By.CSS_SELECTOR, f".osk .osk-key--{kind}"))
        self.taps += 1

    def type(self, keys, pause=0.0):
        """Taps each key on the page's keyboard, `pause` seconds apart (a slow parent). The field
        being typed into must be in sight, between the header and the keys."""
        assert self.focused_field_visible(), "the field typed into is hidden behind the keyboard or the header"
        self.look()
        for ch in keys:
            if ch == " ":
                element = self.browser.find_element(By.CSS_SELECTOR, ".osk .osk-key--space")
            else:
                element = self.browser.find_element(By.CSS_SELECTOR, f".osk .osk-key--char[data-char='{ch}']")
            self.touch(element)
            self.keys += 1
            if pause:
                time.sleep(pause)

    def next(self):
        """The keyboard's Next key: on to the following field."""
        self.key("next")

    def choose(self, text):
        """Taps a suggestion above the keys."""
        self.look()
        chip = WebDriverWait(self.browser, 10).until(
            EC.element_to_be_clickable((By.XPATH, f"//button[contains(@class, 'osk-chip')][contains(., '{text}')]")))
        self.touch(chip)
        self.taps += 1

    def scan(self, code):
        """A USB scanner: the code as a fast burst of key events, then Enter, into whatever has the focus."""
        scanner_burst(self.browser, code)

    def field_value(self, name):
        return self.browser.find_element(By.NAME, name).get_attribute("value")


def register(family, phone="0908765432", seen=lambda step: None):
    """A new family at the kiosk: a mother and a child of 9, by touch only, ending on the member cards.
    `seen(step)` is called where a screen is worth a look (the screenshots take it there)."""
    family.open("/kiosk/DEMO")
    family.wait_for_text("Đăng ký gia đình mới")
    seen("home")
    family.tap("a.tile[href$='/start/core/register']")
    family.wait_for_text("Thông tin phụ huynh")
    # The name field has the keyboard already; each word gets its capital by itself.
    family.type(TELEX["Lý Thị Hạnh"])
    assert family.field_value("guardianName") == "Lý Thị Hạnh"
    seen("guardian-name")
    family.next()
    family.type(phone[:5])
    seen("guardian-phone")
    family.type(phone[5:])  # a whole phone number moves on by itself
    family.tap("input[name='relationship'][value='mother'] + span")
    family.tap("button[value='guardian:']")
    family.wait_for_text("Thông tin của con")
    family.type(TELEX["Lý Gia Bảo"])
    family.next()
    family.type("0909")
    seen("child-birth-date")
    family.type("17")  # 09/09/2017: the century is printed already
    assert family.field_value("birthDate") == "09/09/2017"
    family.type("ng")
    seen("child-school")
    family.choose("Nguyễn Bỉnh Khiêm")
    family.tap("input[name='grade'][value='3'] + span")
    seen("child-grade")
    family.tap("button[value='child:']")
    family.wait_for_text("Đồng ý của phụ huynh")
    seen("consent")
    box = family.browser.find_element(By.NAME, "consent")
    assert not box.is_selected(), "consent must never be ticked in advance"
    family.tap("label.checkbox-big")
    family.tap("button[value='consent:']")
    family.wait_for_text("Chào Bảo!")
    seen("child-consent")
    family.tap("button[value='childConsent:yes']")
    family.wait_for_text("Đã đăng ký Lý Gia Bảo")
    seen("member-card")
    return family


def take_event_ticket(family, event):
    """From the member cards: home, the events tile, the event, the child (ticked when alone), register."""
    family.tap("a.home-button")
    family.tap("a.tile[href$='/start/events/start']")
    family.wait_for_text(event)
    family.tap(xpath=f"//button[.//*[contains(text(), '{event}')]]")
    child = WebDriverWait(family.browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "input[type='checkbox'][name^='child']")))
    family.note_screen()
    assert child.is_selected(), "the only child who may go is ticked already"
    family.tap("button[value='register:']")
    code = WebDriverWait(family.browser, 10).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".ticket-code"))).text
    family.note_screen()
    return code
