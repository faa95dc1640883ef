"""The event gate in two real Chromium windows, the kiosk and a staff station: a ticket from the
kiosk is green, then amber with the time, and the live counter moves without a reload; a child
with only a member card is registered on the spot (walk-in) and let in."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import choose_activity, log_in, make_browser, scan
from family import take_event_ticket
from test_kiosk_browser import register

FESTIVAL = "Vui hội trăng rằm"


def counter_values(station):
    """The station's counter as {label: value}, e.g. {"đã vào": "0", "đã đăng ký": "1", ...}, read in
    one go in the page: the counter replaces its items every few seconds."""
    return station.execute_script("""
        const values = {};
        for (const item of document.querySelectorAll('#counter .counter-item')) {
          values[item.lastChild.textContent.trim()] = item.querySelector('b').textContent;
        }
        return values;""")


def gate_station(server):
    """A second browser: the demo staff member's station, set to the festival's gate."""
    station = make_browser(1280, 800)
    log_in(station, server, "staff", "demo-staff-2026", "/staff/DEMO")
    choose_activity(station, FESTIVAL)
    return station


def test_an_event_ticket_from_the_kiosk_is_green_at_the_gate_then_amber(server, browser):
    code = take_event_ticket(register(browser, server), FESTIVAL)
    assert code.startswith("NTN1.DEMO.EV.")
    assert browser.find_element(By.CSS_SELECTOR, ".ticket-name").text == "Lý Gia Bảo"
    image = browser.find_element(By.CSS_SELECTOR, "img.ticket-qr")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) > 100

    station = gate_station(server)
    try:
        WebDriverWait(station, 10).until(lambda s: counter_values(s).get("đã đăng ký") == "1")
        assert counter_values(station)["đã vào"] == "0"

        verdict = scan(station, code)
        assert "verdict--accepted" in verdict.get_attribute("class")
        assert station.find_element(By.CSS_SELECTOR, ".verdict-name").text == "Lý Gia Bảo"
        # The counter polls: the entry shows up without a reload.
        WebDriverWait(station, 10).until(lambda s: counter_values(s).get("đã vào") == "1")

        verdict = scan(station, code)
        assert "verdict--warning" in verdict.get_attribute("class")
        assert station.find_element(By.CSS_SELECTOR, ".verdict-title").text == "Đã vào rồi"
        assert station.find_element(By.CSS_SELECTOR, ".verdict-detail").text.startswith("vào lúc ")
        assert counter_values(station)["đã vào"] == "1"
    finally:
        station.quit()


def test_a_member_card_without_a_registration_is_offered_a_walk_in(server, browser):
    register(browser, server)
    card = browser.find_element(By.CSS_SELECTOR, ".ticket-code").text
    assert card.startswith("NTN1.DEMO.MC.")
    station = gate_station(server)
    try:
        verdict = scan(station, card)
        assert "verdict--refused" in verdict.get_attribute("class")
        assert station.find_element(By.CSS_SELECTOR, ".verdict-title").text == "Chưa đăng ký sự kiện này"
        assert station.find_element(By.CSS_SELECTOR, ".verdict-name").text == "Lý Gia Bảo"
        offer = station.find_element(By.CSS_SELECTOR, ".verdict-offer")
        assert offer.text == "Đăng ký tại chỗ và cho vào"
        offer.click()
        WebDriverWait(station, 10).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".verdict--accepted")))
        assert station.find_element(By.CSS_SELECTOR, ".verdict-name").text == "Lý Gia Bảo"
        WebDriverWait(station, 10).until(lambda s: counter_values(s).get("đã vào") == "1")
        assert counter_values(station)["đã đăng ký"] == "1"
        # The card now finds the walk-in's registration: already in.
        verdict = scan(station, card)
        assert "verdict--warning" in verdict.get_attribute("class")
    finally:
        station.quit()
