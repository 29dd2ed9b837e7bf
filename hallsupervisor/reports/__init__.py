"""Printouts: blank daily sheets, round reports, period summaries. No Qt here.

Everything goes through reports.pdf, so every document shares one look and one font.
"""
