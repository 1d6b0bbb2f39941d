"""Plots of training (pyqtgraph)."""
