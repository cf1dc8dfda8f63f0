"""Quotes: retrieving the coded passages of codes with their documents' attributes, and filtering them."""
