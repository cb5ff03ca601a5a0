"""Open exports of the social map: HSDS 3.1 JSON, iCalendar feeds."""
