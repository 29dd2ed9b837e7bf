"""Staffing: counter cover and rosters. No Qt here."""
