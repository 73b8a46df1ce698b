"""
Gregorian dates of three lunisolar festivals for the demo generator's table (src/demo/festivals.ts):
  春节 Spring Festival   1st day of the 1st lunar month (正月初一)
  端午 Dragon Boat       5th day of the 5th lunar month (五月初五)
  中秋 Mid-Autumn        15th day of the 8th lunar month (八月十五)
in the Chinese calendar (rules of GB/T 33661-2017, Beijing time). Two independent implementations
compute every date and must agree: borax's LunarDate and lunar-python (6tail). A disagreement, or a
date outside its lunar year's Gregorian year, stops the script.

Run: .reweave/bench-venv/bin/pip install borax==4.1.3 lunar-python==1.4.8   (both MIT, only here)
     .reweave/bench-venv/bin/python scripts/reference/festivals.py > /tmp/festivals.ts-rows
and paste the rows into the table of src/demo/festivals.ts (test/unit/demo/calendar.test.ts spot-checks it).
"""
import sys

from borax.calendars.lunardate import LunarDate
from lunar_python import Lunar

FIRST, LAST = 2015, 2040
FESTIVALS = [("spring", 1, 1), ("dragonBoat", 5, 5), ("midAutumn", 8, 15)]


def by_borax(year, month, day):
    return LunarDate(year, month, day, 0).to_solar_date().isoformat()


def by_lunar_python(year, month, day):
    s = Lunar.fromYmd(year, month, day).getSolar()
    return f"{s.getYear():04d}-{s.getMonth():02d}-{s.getDay():02d}"


for year in range(FIRST, LAST + 1):
    cells = []
    for name, month, day in FESTIVALS:
        a, b = by_borax(year, month, day), by_lunar_python(year, month, day)
        if a != b:
            sys.exit(f"{year} {name}: borax {a} but lunar-python {b}")
        if not a.startswith(str(year)):
            sys.exit(f"{year} {name}: {a} is not in {year}")
        cells.append(f"{name}: '{a[5:]}'")
    print(f"  {year}: {{ {', '.join(cells)} }},")
