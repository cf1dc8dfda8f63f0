"""Intercoder agreement: two coders' layers compared per code, at a unit the study chooses (Qt-free)."""
