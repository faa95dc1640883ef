"""The kiosk over plain HTTP, for tests where the browser is not the point (a failing disk, a power
cut): a visitor that keeps its cookies and sends each page's CSRF token and step, as the page would."""
import http.cookiejar
import re
import urllib.parse
import urllib.request


class Browserless:
    """A visitor over plain HTTP that keeps cookies and sends each page's CSRF token and step."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.page = ""

    def get(self, path):
        with self.opener.open(self.base + path, timeout=10) as response:
            self.page = response.read().decode()
        return self.page

    def post(self, path, fields):
        fields = dict(fields)
        for name in ("_csrf", "_step"):
            match = re.search(f'name="{name}" value="([0-9a-f]+)"', self.page)
            if match and name not in fields:
                fields[name] = match.group(1)
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.base + path, data=data, timeout=10) as response:
            self.page = response.read().decode()
        return self.page


def register_family(family, phone, guardian, child):
    """Registers a family at the kiosk (guardian, child, consents) and returns the last page."""
    family.get("/kiosk/DEMO/start/core/register")
    family.post("/kiosk/DEMO/screen", {"_action": "guardian:", "guardianName": guardian, "phone": phone, "relationship": "mother"})
    family.post("/kiosk/DEMO/screen", {"_action": "child:", "childName": child, "birthDate": "09/09/2017",
                                       "school": "TH Kim Đồng", "grade": "3"})
    family.post("/kiosk/DEMO/screen", {"_action": "consent:", "consent": "yes"})
    return family.post("/kiosk/DEMO/screen", {"_action": "childConsent:yes"})


def festival_ticket(family):
    """The registered family, from its member cards, takes a ticket for the demo festival."""
    family.get("/kiosk/DEMO/start/events/start")
    event = re.search(r'name="_action" value="(event:\d+)"', family.page).group(1)
    family.post("/kiosk/DEMO/screen", {"_action": event})
    child = re.search(r'type="checkbox" name="(child[^"]*)" value="([^"]*)"', family.page)
    family.post("/kiosk/DEMO/screen", {"_action": "register:", child.group(1): child.group(2)})
    return re.search(r"NTN1\.DEMO\.EV\.[A-Z2-7]+\.[A-Z2-7]+", family.page).group(0)
