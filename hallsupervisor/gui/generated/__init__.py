"""Modules generated from ui/*.ui by tools/compile_ui.py."""
