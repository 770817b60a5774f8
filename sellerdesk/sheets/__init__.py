"""Spreadsheet reading (CSV with encoding detection, xlsx/xls via python-calamine) and cell cleaning."""
