"""Dock panels of the studio (inspector, training settings, summary, data)."""
