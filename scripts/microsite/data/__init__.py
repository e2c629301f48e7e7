"""Vocabularies and thresholds the stages use: data to scan, each entry with its reason."""
