"""Scoring warta's output against hand-annotated gold (../shared/gold/SCHEMA.md)."""
